import clsx from 'clsx';
import { Bot } from 'lucide-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../lib/types';
import { Avatar } from '../ui/Avatar';
import { contactName, listTime, previewSender, previewText } from './display';
import { MessageStatusIcon } from './MessageStatusIcon';
import type { DepartmentInfo, Person } from './usePeople';
import { WaitingTime } from './WaitingTime';

export const ROW_HEIGHT = 80;

interface ConversationRowProps {
  conversation: Conversation;
  department: DepartmentInfo | undefined;
  assignee: Person | undefined;
  meId: string;
  people: Map<string, Person>;
  selected: boolean;
  top: number;
  index: number;
  onOpen: (id: string) => void;
}

export const ConversationRow = memo(function ConversationRow({ conversation, department, assignee, meId, people, selected, top, index, onOpen }: ConversationRowProps) {
  const { t } = useTranslation();
  const name = contactName(conversation.contact);
  const last = conversation.lastMessage;
  const unread = conversation.unreadCount > 0 && !selected;
  const outbound = last?.direction === 'OUTBOUND' && last.type !== 'event';
  return (
    <div role="listitem" aria-posinset={index + 1} aria-setsize={-1} className="absolute inset-x-0" style={{ top, height: ROW_HEIGHT }}>
      <button
        type="button"
        data-conversation-id={conversation.id}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onOpen(conversation.id)}
        className={clsx(
          'group flex h-full w-full items-center gap-3 px-3 text-left transition-colors focus-visible:outline-offset-[-2px]',
          selected ? 'bg-emerald-50/80' : 'hover:bg-zinc-50',
        )}
      >
        <span className="relative">
          <Avatar name={name} size="lg" className="size-11! text-sm!" />
          {conversation.status === 'BOT' && (
            <span className="absolute -right-0.5 -bottom-0.5 flex size-4.5 items-center justify-center rounded-full bg-violet-600 text-white ring-2 ring-white">
              <Bot aria-hidden="true" className="size-3" />
            </span>
          )}
        </span>
        <span className="flex h-full min-w-0 flex-1 flex-col justify-center gap-0.5 border-b border-zinc-100 group-last:border-0">
          <span className="flex items-baseline gap-2">
            <span className={clsx('flex-1 truncate text-[15px] leading-5 text-zinc-900', unread ? 'font-semibold' : 'font-medium')}>{name}</span>
            <time dateTime={conversation.lastMessageAt} className={clsx('shrink-0 text-xs tabular-nums', unread ? 'font-semibold text-emerald-600' : 'text-zinc-500')}>
              {listTime(conversation.lastMessageAt)}
            </time>
          </span>
          <span className="flex items-center gap-1.5">
            {outbound && last && <MessageStatusIcon status={last.status} />}
            <span className={clsx('flex-1 truncate text-[13px] leading-5', unread ? 'text-zinc-800' : 'text-zinc-500')}>
              {previewText(last, previewSender(last, meId, people))}
            </span>
            {unread && (
              <span aria-label={t('inbox.list.unread', { count: conversation.unreadCount })} className="min-w-5 shrink-0 rounded-full bg-emerald-500 px-1.5 text-center text-[11px] leading-5 font-bold text-white">
                {conversation.unreadCount > 99 ? '99+' : conversation.unreadCount}
              </span>
            )}
          </span>
          <span className="flex items-center gap-2 text-[11px] leading-4 text-zinc-500">
            {department && (
              <span className="inline-flex min-w-0 items-center gap-1">
                <span aria-hidden="true" className="size-1.5 shrink-0 rounded-full" style={{ backgroundColor: department.color }} />
                <span className="truncate">{department.name}</span>
              </span>
            )}
            {conversation.status === 'QUEUED' && <WaitingTime conversation={conversation} timeoutMinutes={department?.responseTimeoutMinutes} />}
            {conversation.status === 'ASSIGNED' && assignee && <span className="truncate">· {assignee.name}</span>}
            {conversation.status === 'BOT' && <span className="text-violet-700">{t('inbox.status.BOT')}</span>}
            {conversation.status === 'RESOLVED' && <span>{t('inbox.status.RESOLVED')}</span>}
          </span>
        </span>
      </button>
    </div>
  );
});
