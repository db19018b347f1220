import { ArrowDown, RefreshCw } from 'lucide-react';
import { Fragment, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/sessionStore';
import { errorMessage } from '../lib/errorMessage';
import type { Conversation, Message } from '../lib/types';
import { dayLabel, sameDay } from '../phone/chatTime';
import { Spinner } from '../ui/Spinner';
import { contactName } from './display';
import { MessageBubble, NoteCard } from './MessageBubble';
import { useOutbox, type PendingMessage } from './outbox';
import { buildTimeline, sideOf, startsRun } from './timeline';
import { useMessages, useNotes } from './useInboxQueries';
import { personName, type People } from './usePeople';

interface MessageTimelineProps {
  conversation: Conversation;
  people: Pick<People, 'byId' | 'ready'>;
  typist?: { name: string };
  onRetry: (message: Message, pending?: PendingMessage) => void;
}

const EMPTY: PendingMessage[] = [];

/** Close enough to the bottom that a new message should scroll into view. */
const PINNED_PX = 80;

export function MessageTimeline({ conversation, people, typist, onRetry }: MessageTimelineProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const messages = useMessages(conversation.id);
  const notes = useNotes(conversation.id);
  const outbox = useOutbox((s) => s.items);
  const pending = useMemo(() => {
    const mine = outbox.filter((p) => p.conversationId === conversation.id);
    return mine.length ? mine : EMPTY;
  }, [outbox, conversation.id]);

  const entries = useMemo(() => {
    const pages = messages.data?.pages.map((p) => p.items) ?? [];
    // Notes come in one request; until older messages are loaded, older notes wait with them.
    const oldest = messages.hasNextPage ? pages.at(-1)?.at(-1)?.createdAt : undefined;
    const shownNotes = (notes.data?.items ?? []).filter((n) => !oldest || n.createdAt >= oldest);
    return buildTimeline(pages, pending, shownNotes, me.id);
  }, [messages.data, messages.hasNextPage, pending, notes.data, me.id]);

  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const [showJump, setShowJump] = useState(false);
  /** Before older messages are prepended: how far from the bottom the reader was, to keep them in place. */
  const anchor = useRef<number | null>(null);
  const last = entries.at(-1);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    if (anchor.current !== null) {
      element.scrollTop = element.scrollHeight - anchor.current;
      anchor.current = null;
      return;
    }
    if (pinned.current) element.scrollTop = element.scrollHeight;
  }, [entries.length, last?.id, typist]);

  // Images load after they appear and grow the content: stay at the bottom unless the reader scrolled up.
  useEffect(() => {
    const element = scroller.current;
    const inner = element?.firstElementChild;
    if (!element || !inner) return;
    const observer = new ResizeObserver(() => {
      if (pinned.current && anchor.current === null) element.scrollTop = element.scrollHeight;
    });
    observer.observe(inner);
    return () => observer.disconnect();
  }, [messages.isPending]);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = messages;
  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    const fromBottom = element.scrollHeight - element.scrollTop - element.clientHeight;
    pinned.current = fromBottom < PINNED_PX;
    setShowJump(fromBottom > 400);
    if (element.scrollTop < 300 && hasNextPage && !isFetchingNextPage) {
      anchor.current = element.scrollHeight - element.scrollTop;
      void fetchNextPage().then(
        () => undefined,
        () => {
          anchor.current = null;
        },
      );
    }
  };

  // A short conversation may not fill the screen, so no scroll would ever ask for more.
  useEffect(() => {
    const element = scroller.current;
    if (element && hasNextPage && !isFetchingNextPage && element.scrollHeight <= element.clientHeight) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, entries.length]);

  const customer = contactName(conversation.contact);
  const senderName = (message: Message) => {
    const side = sideOf(message);
    if (side === 'customer') return customer;
    if (side === 'bot') return t('inbox.sender.bot');
    if (message.senderUserId === me.id) return t('inbox.sender.you');
    return message.senderUserId ? personName(people, message.senderUserId) : t('inbox.sender.agent');
  };

  return (
    <div className="relative min-h-0 flex-1">
      <div
        ref={scroller}
        role="log"
        aria-label={t('inbox.chat.ariaLabel', { name: customer })}
        aria-busy={messages.isPending}
        tabIndex={0}
        onScroll={onScroll}
        className="h-full overflow-y-auto bg-[#efeae2] bg-[radial-gradient(rgb(0_0_0/0.04)_1px,transparent_1px)] bg-size-[18px_18px] pb-3 focus-visible:outline-offset-[-3px]"
      >
        <div className="flex min-h-full flex-col">
          {messages.isPending ? (
            <div className="flex flex-1 items-center justify-center gap-2 text-sm text-[#54656f]">
              <Spinner className="size-4" />
              {t('inbox.chat.loading')}
            </div>
          ) : messages.isError && !messages.data ? (
            <div role="alert" className="flex flex-1 flex-col items-center justify-center gap-3 px-8 text-center">
              <p className="text-sm font-medium text-[#3b4a54]">{t('inbox.chat.loadFailed')}</p>
              <p className="text-xs text-[#667781]">{errorMessage(messages.error)}</p>
              <button type="button" onClick={() => void messages.refetch()} className="inline-flex items-center gap-1.5 rounded-full bg-white px-3 py-1.5 text-sm font-medium text-[#008069] shadow-sm hover:bg-zinc-50">
                <RefreshCw aria-hidden="true" className="size-4" />
                {t('common.retry')}
              </button>
            </div>
          ) : (
            <>
              <div className="flex h-10 shrink-0 items-center justify-center">
                {isFetchingNextPage ? (
                  <span className="inline-flex items-center gap-2 rounded-full bg-white/90 px-3 py-1 text-xs text-[#54656f] shadow-sm">
                    <Spinner className="size-3.5" />
                    {t('inbox.chat.loadingOlder')}
                  </span>
                ) : messages.isFetchNextPageError ? (
                  <button type="button" onClick={() => void fetchNextPage()} className="rounded-full bg-white/90 px-3 py-1 text-xs font-medium text-red-700 shadow-sm">
                    {t('inbox.chat.olderFailed')}
                  </button>
                ) : !hasNextPage ? (
                  <span className="rounded-lg bg-white/80 px-3 py-1 text-[11px] font-medium tracking-wide text-[#667781] uppercase shadow-[0_1px_0.5px_rgba(11,20,26,0.1)]">
                    {t('inbox.chat.beginning')}
                  </span>
                ) : null}
              </div>
              {notes.isError && (
                <p role="status" className="mx-auto mb-2 flex items-center gap-2 rounded-lg bg-amber-50 px-3 py-1 text-xs text-amber-900 ring-1 ring-amber-200">
                  {t('inbox.chat.notesFailed')}
                  <button type="button" className="font-semibold underline" onClick={() => void notes.refetch()}>
                    {t('common.retry')}
                  </button>
                </p>
              )}
              {entries.length === 0 && <p className="m-auto rounded-lg bg-white/90 px-4 py-2 text-sm text-[#54656f] shadow-sm">{t('inbox.chat.empty')}</p>}
              {entries.map((entry, index) => {
                const previous = entries[index - 1];
                const newDay = !previous || !sameDay(previous.at, entry.at);
                return (
                  <Fragment key={entry.id}>
                    {newDay && (
                      <div className="sticky top-1 z-10 my-2 flex justify-center">
                        <span className="rounded-lg bg-white px-3 py-1 text-[12.5px] text-[#54656f] shadow-[0_1px_0.5px_rgba(11,20,26,0.13)]">{dayLabel(entry.at)}</span>
                      </div>
                    )}
                    {entry.kind === 'note' ? (
                      <NoteCard note={entry.note} />
                    ) : (
                      <MessageBubble
                        message={entry.message}
                        pending={entry.pending}
                        reactions={entry.reactions}
                        first={newDay || startsRun(previous, entry)}
                        senderName={senderName(entry.message)}
                        onRetry={onRetry}
                      />
                    )}
                  </Fragment>
                );
              })}
              {typist && (
                <p aria-live="polite" className="mt-2 px-[5%] text-xs text-[#667781] italic">
                  {t('inbox.chat.typing', { name: typist.name })}
                </p>
              )}
            </>
          )}
        </div>
      </div>
      {showJump && (
        <button
          type="button"
          onClick={() => scroller.current?.scrollTo({ top: scroller.current.scrollHeight, behavior: 'smooth' })}
          aria-label={t('inbox.chat.jumpToLatest')}
          className="absolute right-5 bottom-4 flex size-10 items-center justify-center rounded-full bg-white text-[#54656f] shadow-md hover:bg-zinc-50"
        >
          <ArrowDown aria-hidden="true" className="size-5" />
        </button>
      )}
    </div>
  );
}
