import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export interface PhoneIdentity {
  /** The customer's WhatsApp number: digits with country and area code, as Meta's `wa_id`. */
  waId: string;
  name: string;
  /** The business number to talk to; null follows the sandbox's first number. */
  phoneNumberId: string | null;
}

export const DEFAULT_IDENTITY: PhoneIdentity = { waId: '5511999990000', name: 'Cliente Teste', phoneNumberId: null };

export const WA_ID = /^\d{8,15}$/;

interface PhoneIdentityState extends PhoneIdentity {
  apply: (identity: PhoneIdentity) => void;
}

/** Kept per browser, so the same tester comes back as the same customer and finds the conversation. */
export const usePhoneIdentity = create<PhoneIdentityState>()(
  persist((set) => ({ ...DEFAULT_IDENTITY, apply: (identity) => set(identity) }), {
    name: 'orquestra.phone.identity',
    storage: createJSONStorage(() => localStorage),
    partialize: ({ waId, name, phoneNumberId }) => ({ waId, name, phoneNumberId }),
  }),
);
