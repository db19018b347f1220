import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { eventsUrl, type SandboxEvent } from './sandboxApi';
import { sandboxKeys, type ChatTarget } from './useSandbox';

export type EventStreamState = 'connecting' | 'live' | 'reconnecting';

/** WhatsApp drops the typing indicator after 25 s, or sooner when the message arrives. */
const TYPING_MS = 25_000;
/** EventSource retries by itself only after a network error; an error answer (a proxy's 502) closes it for good. */
const REOPEN_MS = 3_000;

const chatEvents = ['message', 'status', 'inbound', 'read_by_business', 'typing'] as const;

/**
 * Follows the sandbox's event stream for one customer and refreshes the conversation when something
 * happens to it, so the phone shows business messages, read receipts and "typing…" as they occur.
 */
export function useSandboxEvents(target: Pick<ChatTarget, 'waId' | 'phoneNumberId'>, enabled: boolean): { state: EventStreamState; typing: boolean } {
  const queryClient = useQueryClient();
  const [state, setState] = useState<EventStreamState>('connecting');
  const [typing, setTyping] = useState(false);
  const typingTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const { waId, phoneNumberId } = target;

  useEffect(() => {
    if (!enabled) return;
    const conversationKey = sandboxKeys.conversation({ waId, phoneNumberId });
    const refresh = () => void queryClient.invalidateQueries({ queryKey: conversationKey });
    let source: EventSource | undefined;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;

    const showTyping = (on: boolean) => {
      clearTimeout(typingTimer.current);
      setTyping(on);
      if (on) typingTimer.current = setTimeout(() => setTyping(false), TYPING_MS);
    };

    const onChatEvent = (raw: MessageEvent<string>) => {
      const event = JSON.parse(raw.data) as SandboxEvent;
      if (!('phone_number_id' in event) || event.phone_number_id !== phoneNumberId) return;
      if (event.type === 'typing') return showTyping(true);
      if (event.type === 'message') showTyping(false);
      refresh();
    };

    const open = () => {
      source = new EventSource(eventsUrl(waId));
      source.onopen = () => {
        setState('live');
        // Whatever happened while the stream was down never reaches it: catch up once.
        refresh();
      };
      source.onerror = () => {
        setState('reconnecting');
        if (source?.readyState === EventSource.CLOSED) reopenTimer = setTimeout(open, REOPEN_MS);
      };
      for (const type of chatEvents) source.addEventListener(type, onChatEvent);
      source.addEventListener('reset', () => {
        showTyping(false);
        void queryClient.invalidateQueries({ queryKey: sandboxKeys.all });
      });
      source.addEventListener('template', () => void queryClient.invalidateQueries({ queryKey: sandboxKeys.templates }));
    };

    setState('connecting');
    open();
    return () => {
      clearTimeout(reopenTimer);
      clearTimeout(typingTimer.current);
      source?.close();
      setTyping(false);
    };
  }, [waId, phoneNumberId, enabled, queryClient]);

  return { state, typing };
}
