import type { ReactNode } from 'react';

/** The small centred cards WhatsApp puts between messages: dates and system notes. */
export function ChatNotice({ children }: { children: ReactNode }) {
  return <div className="mx-auto my-2 w-fit max-w-[85%] rounded-lg bg-white/95 px-3 py-1.5 text-center text-xs text-[#54656f] shadow-[0_1px_0.5px_rgba(11,20,26,0.13)]">{children}</div>;
}
