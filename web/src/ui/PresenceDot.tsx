import clsx from 'clsx';
import type { Presence } from '../lib/types';

const colours: Record<Presence, string> = {
  ONLINE: 'bg-emerald-500',
  AWAY: 'bg-amber-400',
  OFFLINE: 'bg-zinc-300',
};

export function PresenceDot({ status, className }: { status: Presence; className?: string }) {
  return <span aria-hidden="true" className={clsx('inline-block size-2.5 shrink-0 rounded-full', colours[status], className)} />;
}
