import { Lock, RefreshCw } from 'lucide-react';
import { Fragment, useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../ui/Spinner';
import { ChatBubble } from './ChatBubble';
import { ChatNotice } from './ChatNotice';
import type { ChatMessage, Reaction } from './chatMessage';
import { dayLabel, sameDay } from './chatTime';
import type { OutgoingMessage } from './useSandbox';

interface ChatTimelineProps {
  bubbles: ChatMessage[];
  reactions: Reaction[];
  businessName: string;
  typing: boolean;
  state: 'loading' | 'error' | 'ready';
  onRetry: () => void;
  onChoose: (reply: OutgoingMessage) => void;
}

/** Messages further apart than this start a new run (and a new tail), as on the phone. */
const RUN_GAP_MS = 5 * 60_000;

function startsRun(previous: ChatMessage | undefined, message: ChatMessage): boolean {
  return !previous || previous.side !== message.side || new Date(message.at).getTime() - new Date(previous.at).getTime() > RUN_GAP_MS;
}

export function ChatTimeline({ bubbles, reactions, businessName, typing, state, onRetry, onChoose }: ChatTimelineProps) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const seen = useRef(0);
  const pinned = useRef(true);
  const lastTop = useRef(0);
  const byId = new Map(bubbles.map((b) => [b.id, b]));
  const firstUnread = bubbles.findIndex((b) => b.side === 'business' && !b.read);
  const unreadCount = bubbles.filter((b) => b.side === 'business' && !b.read).length;
  const last = bubbles.at(-1);

  // The newest message stays in view: at once when the conversation opens, smoothly as messages arrive.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    pinned.current = true;
    element.scrollTo({ top: element.scrollHeight, behavior: seen.current === 0 ? 'instant' : 'smooth' });
    seen.current = bubbles.length;
  }, [bubbles.length, last?.id, typing]);

  // Bubbles grow after they appear (a template's words load separately); stay at the bottom unless the reader scrolled up.
  useEffect(() => {
    const element = scroller.current;
    const inner = content.current;
    if (!element || !inner) return;
    const observer = new ResizeObserver(() => {
      if (pinned.current) element.scrollTop = element.scrollHeight;
    });
    observer.observe(inner);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (state !== 'ready') seen.current = 0;
  }, [state]);

  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    if (element.scrollHeight - element.scrollTop - element.clientHeight < 48) pinned.current = true;
    // Only the reader scrolls up; a smooth scroll on its way down must not unpin.
    else if (element.scrollTop < lastTop.current) pinned.current = false;
    lastTop.current = element.scrollTop;
  };

  return (
    <div
      ref={scroller}
      role="log"
      aria-live="polite"
      aria-label={t('phone.chat.ariaLabel', { name: businessName })}
      aria-busy={state === 'loading'}
      tabIndex={0}
      onScroll={onScroll}
      className="flex-1 overflow-y-auto bg-[#efeae2] bg-[radial-gradient(rgb(0_0_0/0.045)_1px,transparent_1px)] bg-size-[16px_16px] py-2 focus-visible:outline-offset-[-3px]"
    >
      <div ref={content} className="flex min-h-full flex-col">
        {state === 'loading' && (
          <div className="flex flex-1 items-center justify-center gap-2 text-sm text-[#54656f]">
            <Spinner className="size-4" />
            {t('phone.chat.loading')}
          </div>
        )}
        {state === 'error' && (
          <div role="alert" className="flex flex-1 flex-col items-center justify-center gap-3 px-8 text-center">
            <p className="text-sm text-[#54656f]">{t('phone.chat.loadFailed')}</p>
            <button type="button" onClick={onRetry} className="inline-flex items-center gap-1.5 rounded-full bg-white px-3 py-1.5 text-sm font-medium text-[#008069] shadow-sm hover:bg-zinc-50">
              <RefreshCw aria-hidden="true" className="size-4" />
              {t('common.retry')}
            </button>
          </div>
        )}
        {state === 'ready' && (
          <>
            <ChatNotice>
              <Lock aria-hidden="true" className="mr-1 inline size-3 align-[-1px]" />
              {t('phone.chat.sandboxNotice')}
            </ChatNotice>
            {bubbles.length === 0 && (
              <div className="mx-auto my-auto max-w-[75%] rounded-xl bg-[#ffeecd] px-4 py-3 text-center shadow-[0_1px_0.5px_rgba(11,20,26,0.13)]">
                <p className="text-sm font-medium text-[#54656f]">{t('phone.chat.emptyTitle')}</p>
                <p className="mt-1 text-xs text-[#54656f]">{t('phone.chat.emptyText')}</p>
              </div>
            )}
            {bubbles.map((message, index) => {
              const previous = bubbles[index - 1];
              const newDay = !previous || !sameDay(previous.at, message.at);
              return (
                <Fragment key={message.id}>
                  {newDay && <ChatNotice>{dayLabel(message.at)}</ChatNotice>}
                  {index === firstUnread && (
                    <div className="my-2 bg-white/40 py-1 text-center">
                      <span className="inline-block rounded-full bg-white/95 px-3 py-0.5 text-xs font-medium text-[#54656f] uppercase shadow-[0_1px_0.5px_rgba(11,20,26,0.13)]">
                        {t('phone.chat.unread', { count: unreadCount })}
                      </span>
                    </div>
                  )}
                  <ChatBubble
                    message={message}
                    businessName={businessName}
                    first={newDay || index === firstUnread || startsRun(previous, message)}
                    quoted={message.replyTo ? byId.get(message.replyTo) : undefined}
                    reactions={reactions.filter((r) => r.targetId === message.id)}
                    onChoose={onChoose}
                  />
                </Fragment>
              );
            })}
            {typing && (
              // The header already announces "typing…"; this is the picture of it.
              <div aria-hidden="true" className="mt-2 flex px-[4%]">
                <span className="flex items-center gap-1 rounded-lg rounded-tl-none bg-white px-3 py-3 shadow-[0_1px_0.5px_rgba(11,20,26,0.13)]">
                  {[0, 150, 300].map((delay) => (
                    <span key={delay} className="size-1.5 animate-bounce rounded-full bg-[#8696a0]" style={{ animationDelay: `${delay}ms` }} />
                  ))}
                </span>
              </div>
            )}
          </>
        )}
      </div>
    </div>
  );
}
