import clsx from 'clsx';
import { Timer } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../lib/types';
import { formatDuration } from './display';
import { useNow } from './useNow';

export type Urgency = 'calm' | 'soon' | 'overdue';

/** Near the deadline means the last quarter of the wait (at least a minute), when someone should act. */
export function urgencyOf(conversation: Conversation, timeoutMinutes: number | undefined, now: number): { since: number; urgency: Urgency } {
  const since = Date.parse(conversation.queuedAt ?? conversation.lastInboundAt ?? conversation.createdAt);
  const deadline = conversation.timeoutAt ? Date.parse(conversation.timeoutAt) : timeoutMinutes ? since + timeoutMinutes * 60_000 : null;
  if (deadline === null) return { since, urgency: 'calm' };
  if (now >= deadline) return { since, urgency: 'overdue' };
  return { since, urgency: deadline - now <= Math.max(60_000, (deadline - since) / 4) ? 'soon' : 'calm' };
}

const tones: Record<Urgency, string> = {
  calm: 'bg-zinc-100 text-zinc-600',
  soon: 'bg-amber-100 text-amber-800',
  overdue: 'bg-red-600 text-white',
};

/** Counts up every second while the customer waits in the queue. */
export function WaitingTime({ conversation, timeoutMinutes }: { conversation: Conversation; timeoutMinutes?: number }) {
  const { t } = useTranslation();
  const now = useNow();
  const { since, urgency } = urgencyOf(conversation, timeoutMinutes, now);
  const elapsed = formatDuration((now - since) / 1000);
  const label = urgency === 'overdue' ? t('inbox.list.overdue', { time: elapsed }) : t('inbox.list.waiting', { time: elapsed });
  return (
    <span
      title={label}
      aria-label={label}
      data-urgency={urgency}
      className={clsx('inline-flex items-center gap-1 rounded-full px-1.5 py-px text-[11px] leading-4 font-semibold tabular-nums', tones[urgency], urgency === 'overdue' && 'animate-pulse')}
    >
      <Timer aria-hidden="true" className="size-3" />
      {elapsed}
    </span>
  );
}
