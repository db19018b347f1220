import clsx from 'clsx';
import { ArrowRightLeft, Bot, CircleCheck, Info, RotateCcw, RotateCw, StickyNote, TriangleAlert, UserCheck, type LucideIcon } from 'lucide-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationNote, Message } from '../lib/types';
import { formatTime } from '../phone/chatTime';
import { bubbleText, MessageMedia, MessageOptions, PendingMedia } from './MessageMedia';
import { MessageStatusIcon } from './MessageStatusIcon';
import type { PendingMessage } from './outbox';
import { sideOf } from './timeline';

interface MessageBubbleProps {
  message: Message;
  pending?: PendingMessage;
  reactions: string[];
  first: boolean;
  senderName: string;
  /** A failed send: the outbox entry retries with its own id (and file); a message the provider refused goes again as a new one. */
  onRetry: (message: Message, pending?: PendingMessage) => void;
}

const senderTone = { customer: 'text-teal-700', bot: 'text-violet-700', agent: 'text-emerald-700' } as const;

export const MessageBubble = memo(function MessageBubble({ message, pending, reactions, first, senderName, onRetry }: MessageBubbleProps) {
  const { t } = useTranslation();
  const side = sideOf(message);
  if (side === 'event') return <EventRow message={message} />;
  const own = side !== 'customer';
  const body = bubbleText(message);
  const failed = message.status === 'FAILED';
  const status = pending?.state === 'sending' ? 'PENDING' : message.status;
  const bubbleColour = side === 'bot' ? 'bg-[#e7f0fd]' : own ? 'bg-[#d9fdd3]' : 'bg-white';
  const tailColour = side === 'bot' ? 'before:border-t-[#e7f0fd]' : own ? 'before:border-t-[#d9fdd3]' : 'before:border-t-white';

  return (
    <div
      data-message-id={message.id}
      data-side={side}
      data-status={status}
      className={clsx('flex px-[5%]', own ? 'justify-end' : 'justify-start', first ? 'mt-2.5' : 'mt-0.5', reactions.length > 0 && 'mb-3')}
    >
      <div className={clsx('flex max-w-[min(75%,34rem)] min-w-0 flex-col', own ? 'items-end' : 'items-start')}>
        <div
          className={clsx(
            'relative min-w-24 rounded-lg px-2 pt-1 pb-1.5 text-[14.2px] leading-[19px] text-[#111b21] shadow-[0_1px_0.5px_rgba(11,20,26,0.13)]',
            bubbleColour,
            pending?.state === 'sending' && 'opacity-75',
            failed && 'ring-1 ring-red-300',
            first && (own ? 'rounded-tr-none' : 'rounded-tl-none'),
            first && 'before:absolute before:top-0 before:size-0 before:border-t-[8px]',
            first && own && 'before:-right-2 before:border-r-[8px] before:border-r-transparent',
            first && !own && 'before:-left-2 before:border-l-[8px] before:border-l-transparent',
            first && tailColour,
          )}
        >
          {first && (
            <p className={clsx('mb-0.5 flex items-center gap-1 text-[12.5px] leading-4 font-semibold', senderTone[side])}>
              {side === 'bot' && <Bot aria-hidden="true" className="size-3.5" />}
              {senderName}
            </p>
          )}
          {!first && <span className="sr-only">{senderName}: </span>}
          {pending?.attachment?.file ? <PendingMedia pending={pending} /> : <MessageMedia message={message} />}
          {message.type === 'unsupported' ? (
            <p className="text-[13px] text-[#667781] italic">
              {t('inbox.message.unsupported')}
              <Spacer />
            </p>
          ) : message.type === 'template' && !body ? (
            <p className="text-[13px] text-[#667781] italic">
              {t('inbox.message.template')}
              <Spacer />
            </p>
          ) : body ? (
            <p className={clsx('break-words whitespace-pre-wrap', message.type !== 'text' && message.media === null && 'mt-0')}>
              {body}
              <Spacer own={own} />
            </p>
          ) : (
            <span className="block h-3" />
          )}
          <MessageOptions message={message} />
          <span className="absolute right-2 bottom-1 flex items-center gap-1 text-[11px] leading-none text-[#667781]">
            <time dateTime={message.createdAt}>{formatTime(message.createdAt)}</time>
            {own && <MessageStatusIcon status={status} />}
          </span>
          {reactions.length > 0 && (
            <span
              role="img"
              aria-label={t('inbox.message.reactions', { emoji: reactions.join(' ') })}
              className={clsx('absolute -bottom-4 flex items-center gap-0.5 rounded-full bg-white px-1.5 py-0.5 text-sm leading-none shadow ring-1 ring-black/5', own ? 'right-3' : 'left-3')}
            >
              {reactions.join('')}
            </span>
          )}
        </div>
        {failed && (
          <p role="alert" className="mt-1 flex items-center gap-2 text-xs text-red-700">
            <span>{t('inbox.message.failed', { reason: message.errorMessage ?? t('inbox.message.failedUnknown') })}</span>
            {side === 'agent' && (pending || message.type === 'text' || message.media) && (
              <button type="button" onClick={() => onRetry(message, pending)} className="inline-flex items-center gap-1 font-semibold underline-offset-2 hover:underline">
                <RotateCw aria-hidden="true" className="size-3" />
                {t('inbox.message.retry')}
              </button>
            )}
          </p>
        )}
      </div>
    </div>
  );
});

/** Keeps the last line clear of the time and ticks, which sit in the bubble's corner. */
function Spacer({ own = false }: { own?: boolean }) {
  return <span aria-hidden="true" className={clsx('inline-block', own ? 'w-[4.5rem]' : 'w-12')} />;
}

/** The event's kind (`transfer`, `escalation`, `closed.agent`, ...) picks its icon; unknown kinds get a neutral one. */
function eventIcon(message: Message): { icon: LucideIcon; tone: string } {
  const kind = typeof message.content?.event === 'string' ? message.content.event : '';
  if (kind.startsWith('transfer')) return { icon: ArrowRightLeft, tone: 'text-sky-600' };
  if (kind.startsWith('escalat')) return { icon: TriangleAlert, tone: 'text-red-600' };
  if (kind.startsWith('closed')) return { icon: CircleCheck, tone: 'text-emerald-600' };
  if (kind.startsWith('reopen')) return { icon: RotateCcw, tone: 'text-violet-600' };
  if (kind.startsWith('accept') || kind.startsWith('assign') || kind.startsWith('auto')) return { icon: UserCheck, tone: 'text-emerald-600' };
  return { icon: Info, tone: 'text-zinc-500' };
}

function EventRow({ message }: { message: Message }) {
  const { icon: Icon, tone } = eventIcon(message);
  return (
    <div data-message-id={message.id} data-side="event" className="my-2 flex justify-center px-[5%]">
      <span className="inline-flex max-w-[85%] items-center gap-1.5 rounded-lg bg-[#fff8e1]/95 px-3 py-1 text-center text-[12.5px] leading-4 text-[#54656f] shadow-[0_1px_0.5px_rgba(11,20,26,0.13)]">
        <Icon aria-hidden="true" className={clsx('size-3.5 shrink-0', tone)} />
        <span>{message.body}</span>
        <time dateTime={message.createdAt} className="ml-1 text-[11px] text-[#8696a0]">
          {formatTime(message.createdAt)}
        </time>
      </span>
    </div>
  );
}

/** Internal notes sit in the timeline in yellow, across the middle: clearly never sent to the customer. */
export function NoteCard({ note }: { note: ConversationNote }) {
  const { t } = useTranslation();
  return (
    <div data-note-id={note.id} className="my-2 flex justify-center px-[5%]">
      <div className="w-full max-w-[min(80%,36rem)] rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 shadow-[0_1px_0.5px_rgba(11,20,26,0.10)]">
        <p className="flex items-center gap-1.5 text-[12px] leading-4 font-semibold text-amber-800">
          <StickyNote aria-hidden="true" className="size-3.5" />
          {t('inbox.note.label', { name: note.author?.name ?? t('inbox.sender.agent') })}
          <time dateTime={note.createdAt} className="ml-auto font-normal text-amber-700/80">
            {formatTime(note.createdAt)}
          </time>
        </p>
        <p className="mt-1 text-[14px] leading-[19px] break-words whitespace-pre-wrap text-amber-950">{note.body}</p>
      </div>
    </div>
  );
}
