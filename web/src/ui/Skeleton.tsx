import clsx from 'clsx';

export function Skeleton({ className }: { className?: string }) {
  // Tailwind cannot tell which of two radius classes should win, so the default applies only when none is given.
  return <div aria-hidden="true" className={clsx('animate-pulse bg-zinc-200/70', !className?.includes('rounded') && 'rounded-md', className)} />;
}
