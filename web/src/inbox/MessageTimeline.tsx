import { ArrowDown, RefreshCw } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/sessionStore';
import { errorMessage } from '../lib/errorMessage';
import type { Conversation, Message } from '../lib/types';
import { dayLabel, sameDay } from '../phone/chatTime';
import { Spinner } from '../ui/Spinner';
import { contactName } from './display';
import { MessageBubble, NoteCard } from './MessageBubble';
import { useOutbox, type PendingMessage } from './outbox';
import { buildTimeline, estimateHeight, sideOf, startsRun } from './timeline';
import { useChatWindow } from './useChatWindow';
import { useMessages, useNotes } from './useInboxQueries';
import { personName, type People } from './usePeople';

interface MessageTimelineProps {
  conversation: Conversation;
  people: Pick<People, 'byId' | 'ready'>;
  typist?: { name: string };
  onRetry: (message: Message, pending?: PendingMessage) => void;
}

const EMPTY: PendingMessage[] = [];

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

  // Each entry opens a day or not; the chip goes above the first entry of each day.
  const newDay = useMemo(() => entries.map((entry, i) => i === 0 || !sameDay(entries[i - 1]!.at, entry.at)), [entries]);
  const ids = useMemo(() => entries.map((e) => e.id), [entries]);
  const estimate = useCallback((i: number) => estimateHeight(entries[i]!, newDay[i]!), [entries, newDay]);

  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const view = useChatWindow(scroller, list, ids, estimate);

  const top = entries[view.first.index];
  // Hidden while the first row's own chip is in sight, so the day never shows twice.
  const floatingDay = top && !(newDay[view.first.index] && view.first.top >= 0) ? dayLabel(top.at) : null;

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = messages;
  const onScroll = () => {
    view.onScroll();
    const element = scroller.current;
    if (element && element.scrollTop < 300 && hasNextPage && !isFetchingNextPage) void fetchNextPage();
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
        className="relative h-full overflow-y-auto bg-[#efeae2] [overflow-anchor:none] bg-[radial-gradient(rgb(0_0_0/0.04)_1px,transparent_1px)] bg-size-[18px_18px] pb-3 focus-visible:outline-offset-[-3px]"
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
              {floatingDay && (
                // The day of what is on screen, as WhatsApp keeps it at the top while scrolling; takes no room.
                <div aria-hidden="true" className="pointer-events-none sticky top-1 z-10 flex h-0 justify-center">
                  <span className="h-fit rounded-lg bg-white px-3 py-1 text-[12.5px] text-[#54656f] shadow-[0_1px_0.5px_rgba(11,20,26,0.13)]">{floatingDay}</span>
                </div>
              )}
              <div ref={list} style={{ paddingTop: view.before, paddingBottom: view.after }}>
                {entries.slice(view.start, view.end).map((entry, offset) => {
                  const index = view.start + offset;
                  const previous = entries[index - 1];
                  return (
                    // flow-root keeps the bubbles' margins inside the row, so its measured height includes them.
                    <div key={entry.id} ref={view.measure} data-entry-id={entry.id} className="flow-root">
                      {newDay[index] && (
                        <div className="my-2 flex justify-center">
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
                          first={newDay[index]! || startsRun(previous, entry)}
                          senderName={senderName(entry.message)}
                          onRetry={onRetry}
                        />
                      )}
                    </div>
                  );
                })}
              </div>
              {typist && (
                <p aria-live="polite" className="mt-2 px-[5%] text-xs text-[#667781] italic">
                  {t('inbox.chat.typing', { name: typist.name })}
                </p>
              )}
            </>
          )}
        </div>
      </div>
      {view.farFromBottom && (
        <button
          type="button"
          onClick={view.scrollToBottom}
          aria-label={t('inbox.chat.jumpToLatest')}
          className="absolute right-5 bottom-4 flex size-10 items-center justify-center rounded-full bg-white text-[#54656f] shadow-md hover:bg-zinc-50"
        >
          <ArrowDown aria-hidden="true" className="size-5" />
        </button>
      )}
    </div>
  );
}
