import clsx from 'clsx';
import { useTranslation } from 'react-i18next';
import type { ChatMessage, Reaction } from './chatMessage';
import { formatTime } from './chatTime';
import { InteractiveOptions } from './InteractiveOptions';
import { MediaPlaceholder } from './MediaPlaceholder';
import { MessageTicks } from './MessageTicks';
import { QuotedMessage } from './QuotedMessage';
import type { OutgoingMessage } from './useSandbox';

interface ChatBubbleProps {
  message: ChatMessage;
  businessName: string;
  /** The first of a run from the same side gets the tail and some room above. */
  first: boolean;
  quoted?: ChatMessage;
  reactions: Reaction[];
  onChoose: (reply: OutgoingMessage) => void;
}

export function ChatBubble({ message, businessName, first, quoted, reactions, onChoose }: ChatBubbleProps) {
  const { t } = useTranslation();
  const own = message.side === 'customer';
  const author = (side: ChatMessage['side']) => (side === 'customer' ? t('phone.chat.you') : businessName);
  const text = message.text ?? message.media?.caption;
  // Keeps the last line clear of the time, which sits in the bubble's corner as on the phone.
  const spacer = <span aria-hidden="true" className={clsx('inline-block', own ? 'w-[4.25rem]' : 'w-12')} />;

  return (
    <div className={clsx('flex px-[4%]', own ? 'justify-end' : 'justify-start', first ? 'mt-2' : 'mt-0.5', reactions.length > 0 && 'mb-3.5')}>
      <div className={clsx('flex max-w-[85%] min-w-0 flex-col', message.options && 'w-64')}>
        <div
          className={clsx(
            'relative rounded-lg px-2 pt-1.5 pb-2 text-[14.2px] leading-[19px] text-[#111b21] shadow-[0_1px_0.5px_rgba(11,20,26,0.13)]',
            own ? 'bg-[#d9fdd3]' : 'bg-white',
            message.pending && 'opacity-80',
            first && (own ? 'rounded-tr-none' : 'rounded-tl-none'),
            // The tail: a triangle in the bubble's colour at the top outer corner.
            first && 'before:absolute before:top-0 before:size-0 before:border-t-[8px]',
            first && own && 'before:-right-2 before:border-r-[8px] before:border-t-[#d9fdd3] before:border-r-transparent',
            first && !own && 'before:-left-2 before:border-l-[8px] before:border-t-white before:border-l-transparent',
          )}
        >
          <span className="sr-only">{author(message.side)}: </span>
          {quoted && <QuotedMessage message={quoted} author={author(quoted.side)} />}
          {message.media && <MediaPlaceholder kind={message.media.kind} filename={message.media.filename} />}
          {message.header && <p className="mb-0.5 font-semibold">{message.header}</p>}
          {(text || !message.footer) && (
            <p className="break-words whitespace-pre-wrap">
              {text}
              {!message.footer && spacer}
            </p>
          )}
          {message.footer && (
            <p className="mt-0.5 text-[13px] leading-4 text-[#667781]">
              {message.footer}
              {spacer}
            </p>
          )}
          <span className="absolute right-2 bottom-1 flex items-center gap-1 text-[11px] leading-none text-[#667781]">
            <time dateTime={message.at}>{formatTime(message.at)}</time>
            {own && <MessageTicks pending={message.pending} read={message.read} />}
          </span>
          {reactions.length > 0 && (
            <span
              role="img"
              className={clsx('absolute -bottom-4 flex items-center gap-0.5 rounded-full bg-white px-1.5 py-0.5 text-sm leading-none shadow ring-1 ring-black/5', own ? 'right-3' : 'left-3')}
              aria-label={reactions.map((r) => t('phone.message.reaction', { emoji: r.emoji, author: author(r.side) })).join(', ')}
            >
              {reactions.map((r) => (
                <span key={r.side} aria-hidden="true">
                  {r.emoji}
                </span>
              ))}
            </span>
          )}
        </div>
        {message.options && <InteractiveOptions messageId={message.id} options={message.options} onChoose={onChoose} />}
      </div>
    </div>
  );
}
