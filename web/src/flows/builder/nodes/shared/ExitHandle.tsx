import { Handle, Position } from '@xyflow/react';
import clsx from 'clsx';
import type { ReactNode } from 'react';

const tones = {
  neutral: 'border-zinc-200 bg-zinc-50 text-zinc-700',
  amber: 'border-amber-200 bg-amber-50 text-amber-800',
  sky: 'border-sky-200 bg-sky-50 text-sky-800',
  emerald: 'border-emerald-200 bg-emerald-50 text-emerald-800',
  red: 'border-red-200 bg-red-50 text-red-800',
};

export type ExitTone = keyof typeof tones;

const handleClass = '!size-3 !border-2 !border-white !bg-zinc-400 shadow-sm transition-colors hover:!bg-emerald-500';

/** The single exit of a node, centred at its bottom. */
export function NextHandle() {
  return <Handle type="source" position={Position.Bottom} id="next" className={handleClass} />;
}

/** One labelled exit row (a menu option, a branch, invalid, timeout, error) with its handle on the right edge. */
export function ExitRow({ handle, tone = 'neutral', children }: { handle: string; tone?: ExitTone; children: ReactNode }) {
  return (
    <div className={clsx('relative flex min-h-8 items-center gap-1.5 rounded-md border px-2.5 py-1 text-xs font-medium', tones[tone])} data-exit={handle}>
      {children}
      <Handle type="source" position={Position.Right} id={handle} className={clsx(handleClass, '!-right-[17px]')} />
    </div>
  );
}
