import { useQuery } from '@tanstack/react-query';
import clsx from 'clsx';
import { Zap } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../lib/queryKeys';
import type { QuickReply } from '../lib/types';
import { useDebouncedValue } from '../lib/useDebouncedValue';
import { Spinner } from '../ui/Spinner';
import { searchQuickReplies } from './inboxApi';

/** The conversation's department's replies and the company-wide ones. */
export function useQuickReplies(term: string | null, departmentId: string | null) {
  const q = useDebouncedValue(term ?? '', 150);
  return useQuery({
    queryKey: [...queryKeys.quickReplies, departmentId, q],
    queryFn: ({ signal }) => searchQuickReplies(q, departmentId, signal),
    enabled: term !== null,
    staleTime: 60_000,
    retry: false,
    select: (data) => data.items,
  });
}

interface QuickReplyPopupProps {
  id: string;
  term: string;
  active: number;
  results: ReturnType<typeof useQuickReplies>;
  onPick: (reply: QuickReply) => void;
  onHover: (index: number) => void;
}

/** Opens above the composer when the text starts with "/", as in Chatwoot; the textarea keeps focus. */
export function QuickReplyPopup({ id, term, active, results, onPick, onHover }: QuickReplyPopupProps) {
  const { t } = useTranslation();
  const list = useRef<HTMLUListElement>(null);
  const items = results.data ?? [];

  useEffect(() => {
    list.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  return (
    <div className="absolute inset-x-3 bottom-full z-20 mb-2 overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xl">
      <div className="flex items-center gap-2 border-b border-zinc-100 px-3 py-2 text-xs font-semibold text-zinc-500">
        <Zap aria-hidden="true" className="size-3.5 text-amber-500" />
        {t('inbox.quickReplies.title')}
        <span className="ml-auto font-normal text-zinc-400">{t('inbox.quickReplies.hint')}</span>
      </div>
      {results.isPending ? (
        <p className="flex items-center gap-2 px-3 py-3 text-sm text-zinc-500">
          <Spinner className="size-4" />
          {t('common.loading')}
        </p>
      ) : results.isError ? (
        <p role="alert" className="px-3 py-3 text-sm text-red-700">
          {t('inbox.quickReplies.failed')}
        </p>
      ) : items.length === 0 ? (
        <p className="px-3 py-3 text-sm text-zinc-500">{t('inbox.quickReplies.empty', { q: term })}</p>
      ) : (
        <ul ref={list} id={id} role="listbox" aria-label={t('inbox.quickReplies.title')} className="max-h-64 overflow-y-auto py-1">
          {items.map((reply, index) => (
            <li
              key={reply.id}
              id={`${id}-${index}`}
              data-index={index}
              role="option"
              aria-selected={index === active}
              onMouseDown={(e) => {
                e.preventDefault();
                onPick(reply);
              }}
              onMouseEnter={() => onHover(index)}
              className={clsx('cursor-pointer px-3 py-2', index === active ? 'bg-emerald-50' : 'hover:bg-zinc-50')}
            >
              <p className="flex items-baseline gap-2 text-sm">
                <span className="font-mono text-xs font-semibold text-emerald-700">/{reply.shortcut}</span>
                <span className="truncate font-medium text-zinc-800">{reply.title}</span>
              </p>
              <p className="mt-0.5 line-clamp-2 text-xs text-zinc-500">{reply.body}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
