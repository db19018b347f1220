import type { UseQueryResult } from '@tanstack/react-query';
import clsx from 'clsx';
import type { ReactNode } from 'react';
import { ErrorState } from './ErrorState';

interface QueryListProps<T> {
  query: UseQueryResult<T[]>;
  /** What one row looks like while the list loads; it stands in a few times. */
  skeleton: ReactNode;
  skeletonRows?: number;
  skeletonAlign?: 'center' | 'start';
  /** Shown when the list has loaded with nothing in it. */
  empty: ReactNode;
  children: (items: T[]) => ReactNode;
}

/** A list inside a card, through its states: loading, failed, empty, loaded. */
export function QueryList<T>({ query, skeleton, skeletonRows = 3, skeletonAlign = 'center', empty, children }: QueryListProps<T>) {
  // A failed refetch keeps the rows already shown; only a list that never loaded shows the error.
  if (query.isError && !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isRefetching} />;
  if (query.isPending) {
    return (
      <ul aria-busy="true" className="divide-y divide-zinc-100">
        {Array.from({ length: skeletonRows }, (_, i) => (
          <li key={i} className={clsx('flex gap-4 px-5 py-4', skeletonAlign === 'start' ? 'items-start' : 'items-center')}>
            {skeleton}
          </li>
        ))}
      </ul>
    );
  }
  return query.data.length === 0 ? empty : children(query.data);
}
