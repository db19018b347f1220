import { useQueryClient } from '@tanstack/react-query';
import { create } from 'zustand';
import { useCurrentUser } from '../auth/sessionStore';
import { ApiError } from '../lib/apiError';
import { errorMessage } from '../lib/errorMessage';
import type { Message } from '../lib/types';
import { bumpConversation, upsertMessage } from './conversationCache';
import { sendMessage } from './inboxApi';

export interface PendingMessage {
  /** The clientMessageId: the server stores the message under this id, so it replaces this entry by id. */
  id: string;
  conversationId: string;
  text: string;
  createdAt: string;
  state: 'sending' | 'failed';
  error?: string;
}

interface OutboxState {
  items: PendingMessage[];
  put: (message: PendingMessage) => void;
  remove: (id: string) => void;
}

export const useOutbox = create<OutboxState>()((set) => ({
  items: [],
  put: (message) => set((s) => ({ items: [...s.items.filter((m) => m.id !== message.id), message] })),
  remove: (id) => set((s) => ({ items: s.items.filter((m) => m.id !== id) })),
}));

/** crypto.randomUUID exists only in secure contexts; a LAN install served over http is not one. */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function isWindowClosed(error: unknown): boolean {
  return error instanceof ApiError && error.status === 422 && (error.details as { reason?: unknown } | null)?.reason === 'WINDOW_CLOSED';
}

/**
 * Optimistic send: the bubble shows at once with a clock; the server's answer (or its socket echo,
 * whichever comes first) takes its place. A failure keeps the bubble with the reason and a retry that
 * reuses the same id, so the server never sends it twice.
 */
export function useSendMessage(conversationId: string) {
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const put = useOutbox((s) => s.put);
  const remove = useOutbox((s) => s.remove);

  return async (text: string, id: string = uuid()): Promise<'sent' | 'windowClosed' | 'failed'> => {
    const createdAt = new Date().toISOString();
    put({ id, conversationId, text, createdAt, state: 'sending' });
    try {
      const message: Message = await sendMessage(conversationId, text, id);
      upsertMessage(queryClient, conversationId, { ...message, media: message.media ?? null, senderUserId: message.senderUserId ?? me.id });
      bumpConversation(queryClient, conversationId, message, conversationId);
      remove(id);
      return 'sent';
    } catch (error) {
      if (isWindowClosed(error)) {
        remove(id);
        return 'windowClosed';
      }
      put({ id, conversationId, text, createdAt, state: 'failed', error: errorMessage(error) });
      return 'failed';
    }
  };
}
