import clsx from 'clsx';
import { summary, type ChatMessage } from './chatMessage';

/** The message a reply answers, as WhatsApp shows it on top of the reply. */
export function QuotedMessage({ message, author }: { message: ChatMessage; author: string }) {
  const own = message.side === 'customer';
  return (
    <div className={clsx('mb-1 rounded-md border-l-4 bg-black/5 px-2 py-1 text-[13px]', own ? 'border-[#06cf9c]' : 'border-[#53bdeb]')}>
      <p className={clsx('font-medium', own ? 'text-[#06cf9c]' : 'text-[#027eb5]')}>{author}</p>
      <p className="line-clamp-2 text-[#54656f]">{summary(message)}</p>
    </div>
  );
}
