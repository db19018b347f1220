import clsx from 'clsx';
import { Bell, BellRing, CircleCheckBig, Inbox, ListFilter, MessagesSquare, RefreshCw, Search, SearchX, Users, X } from 'lucide-react';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { canViewUsers } from '../auth/permissions';
import { useCurrentUser } from '../auth/sessionStore';
import { errorMessage } from '../lib/errorMessage';
import { conversationStatuses } from '../lib/types';
import { Button } from '../ui/Button';
import { Skeleton } from '../ui/Skeleton';
import { Spinner } from '../ui/Spinner';
import { ConversationRow, ROW_HEIGHT } from './ConversationRow';
import { notificationsSupported } from './notifications';
import { useRealtimeStore } from './realtime';
import { NO_FILTERS, tabQuery, useConversationList, useNumbers, type InboxFilters, type InboxTab } from './useInboxQueries';
import { usePeople } from './usePeople';
import { useVirtualRows } from './useVirtualRows';
import { TeamPresence } from './TeamPresence';
import { urgencyOf } from './WaitingTime';

interface ConversationListProps {
  tab: InboxTab;
  onTab: (tab: InboxTab) => void;
  filters: InboxFilters;
  onFilters: (filters: InboxFilters) => void;
  search: string;
  onSearch: (q: string) => void;
  selectedId: string | null;
  onOpen: (id: string) => void;
}

const tabIcons = { mine: MessagesSquare, queue: Users, all: Inbox, resolved: CircleCheckBig } as const;

/** `ready` holds the counts back until the open tab's list has arrived: it goes first on a busy server. */
function TabCount({ tab, active, ready }: { tab: 'mine' | 'queue'; active: boolean; ready: boolean }) {
  const list = useConversationList(tabQuery(tab), ready);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const count = tab === 'mine' ? items.filter((c) => c.unreadCount > 0).length : items.length;
  if (!count) return null;
  const more = tab === 'queue' && list.hasNextPage;
  return (
    <span className={clsx('rounded-full px-1.5 text-[11px] leading-4.5 font-bold tabular-nums', tab === 'queue' ? 'bg-amber-500 text-white' : 'bg-emerald-500 text-white', active && 'ring-2 ring-white')}>
      {count}
      {more ? '+' : ''}
    </span>
  );
}

export function ConversationList({ tab, onTab, filters, onFilters, search, onSearch, selectedId, onOpen }: ConversationListProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const supervisor = canViewUsers(user.role);
  const connection = useRealtimeStore((s) => s.connection);
  const { byId: people, departments, departmentsById } = usePeople();
  const [showFilters, setShowFilters] = useState(false);
  const numbers = useNumbers();
  const list = useConversationList(tabQuery(tab, filters));
  const scroller = useRef<HTMLDivElement>(null);
  const [notifyPermission, setNotifyPermission] = useState(() => (notificationsSupported() ? Notification.permission : 'denied'));

  const items = useMemo(() => {
    const all = list.data?.pages.flatMap((p) => p.items) ?? [];
    const seen = new Set<string>();
    const unique = all.filter((c) => !seen.has(c.id) && seen.add(c.id));
    // The queue is served oldest-first by waiting time: who waited longest is answered first.
    if (tab === 'queue') {
      const now = Date.now();
      return unique.sort((a, b) => urgencyOf(a, undefined, now).since - urgencyOf(b, undefined, now).since);
    }
    return unique;
  }, [list.data, tab]);

  const { start, end, totalHeight, nearEnd } = useVirtualRows(scroller, items.length, ROW_HEIGHT);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    if (nearEnd && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [nearEnd, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const filterKey = JSON.stringify(filters);
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [tab, filterKey]);

  const tabs: InboxTab[] = supervisor ? ['mine', 'queue', 'all', 'resolved'] : ['mine', 'queue', 'resolved'];
  const activeFilters = [filters.departmentId, filters.numberId, filters.assigneeId, filters.status].filter(Boolean).length;

  /** Arrow keys walk the list and open each conversation, as in WhatsApp Web's keyboard mode. */
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const index = items.findIndex((c) => c.id === selectedId);
    const next = items[Math.min(items.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (!next) return;
    onOpen(next.id);
    const element = scroller.current;
    const position = items.indexOf(next) * ROW_HEIGHT;
    if (element && (position < element.scrollTop || position + ROW_HEIGHT > element.scrollTop + element.clientHeight)) {
      element.scrollTop = position - element.clientHeight / 2;
    }
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-conversation-id="${next.id}"]`)?.focus());
  };

  const askNotifications = () => {
    void Notification.requestPermission().then(setNotifyPermission);
  };

  return (
    <section aria-label={t('inbox.list.ariaLabel')} className="flex h-full min-h-0 flex-col border-r border-zinc-200 bg-white">
      <header className="relative flex h-14 shrink-0 items-center gap-2 px-4">
        <h1 className="text-lg font-semibold tracking-tight whitespace-nowrap text-zinc-900">{t('inbox.title')}</h1>
        <span
          data-testid="realtime-state"
          data-state={connection}
          title={t(`inbox.connection.${connection}`)}
          className={clsx(
            'inline-flex min-w-0 items-center gap-1.5 truncate rounded-full px-2 py-0.5 text-[11px] font-medium',
            connection === 'live' ? 'px-1 text-emerald-700' : 'bg-amber-50 text-amber-800',
          )}
        >
          <span aria-hidden="true" className={clsx('size-1.5 shrink-0 rounded-full', connection === 'live' ? 'bg-emerald-500' : 'animate-pulse bg-amber-500')} />
          {/* Live is the normal state: a dot says it; words appear only when something is wrong. */}
          <span className={clsx(connection === 'live' && 'sr-only')}>{t(`inbox.connection.${connection}`)}</span>
        </span>
        <span className="ml-auto flex items-center gap-1">
          {supervisor && <TeamPresence />}
          {notificationsSupported() && notifyPermission === 'default' && (
            <Button variant="ghost" size="icon" onClick={askNotifications} aria-label={t('inbox.notifications.enable')} title={t('inbox.notifications.enable')}>
              <Bell aria-hidden="true" className="size-4.5 text-zinc-500" />
            </Button>
          )}
          {notifyPermission === 'granted' && <BellRing aria-label={t('inbox.notifications.enabled')} className="mx-2 size-4 text-emerald-600" />}
        </span>
      </header>

      <div
        role="tablist"
        aria-label={t('inbox.tabs.label')}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
          const next = tabs[(tabs.indexOf(tab) + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
          const tablist = event.currentTarget;
          onTab(next);
          requestAnimationFrame(() => tablist.querySelector<HTMLElement>(`[data-tab="${next}"]`)?.focus());
        }}
        className="flex shrink-0 gap-1 overflow-x-auto border-b border-zinc-200 px-3"
      >
        {tabs.map((key) => {
          const Icon = tabIcons[key];
          const active = key === tab;
          return (
            <button
              key={key}
              type="button"
              role="tab"
              data-tab={key}
              aria-selected={active}
              tabIndex={active ? 0 : -1}
              onClick={() => onTab(key)}
              className={clsx(
                '-mb-px flex h-10 items-center gap-1.5 border-b-2 px-2.5 text-sm font-medium transition-colors',
                active ? 'border-emerald-600 text-emerald-700' : 'border-transparent text-zinc-500 hover:text-zinc-800',
              )}
            >
              {/* Four tabs share 320 px on a laptop: the icons go first. */}
              <Icon aria-hidden="true" className={clsx('size-4', tabs.length > 3 && 'hidden 2xl:block')} />
              {t(`inbox.tabs.${key}`)}
              {(key === 'mine' || key === 'queue') && <TabCount tab={key} active={active} ready={!list.isPending} />}
            </button>
          );
        })}
      </div>

      <div className="flex shrink-0 items-center gap-2 px-3 py-2">
        <label className="relative flex-1">
          <span className="sr-only">{t('inbox.search.label')}</span>
          <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400" />
          <input
            type="search"
            value={search}
            onChange={(e) => onSearch(e.target.value)}
            placeholder={t('inbox.search.placeholder')}
            className="h-9 w-full rounded-lg bg-zinc-100 pr-8 pl-9 text-sm text-zinc-900 placeholder:text-zinc-500 focus:bg-white focus:ring-2 focus:ring-emerald-600/30 focus:outline-none"
          />
          {search && (
            <button type="button" onClick={() => onSearch('')} aria-label={t('inbox.search.clear')} className="absolute top-1/2 right-2 -translate-y-1/2 rounded p-0.5 text-zinc-400 hover:text-zinc-700">
              <X aria-hidden="true" className="size-4" />
            </button>
          )}
        </label>
        <Button
          variant={showFilters || activeFilters ? 'accentGhost' : 'ghost'}
          size="icon"
          aria-expanded={showFilters}
          aria-label={t('inbox.filters.toggle')}
          title={t('inbox.filters.toggle')}
          onClick={() => setShowFilters((v) => !v)}
          className="relative size-9"
        >
          <ListFilter aria-hidden="true" className="size-4.5" />
          {activeFilters > 0 && <span className="absolute top-1 right-1 size-2 rounded-full bg-emerald-600" />}
        </Button>
      </div>

      {showFilters && (
        <div className="grid shrink-0 grid-cols-1 gap-2 border-b border-zinc-100 px-3 pb-3">
          <FilterSelect label={t('inbox.filters.department')} value={filters.departmentId} onChange={(departmentId) => onFilters({ ...filters, departmentId })}>
            <option value="">{t('inbox.filters.allDepartments')}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </FilterSelect>
          {/* A company with one number has nothing to choose between. */}
          {(numbers.data?.length ?? 0) > 1 && (
            <FilterSelect label={t('inbox.filters.number')} value={filters.numberId} onChange={(numberId) => onFilters({ ...filters, numberId })}>
              <option value="">{t('inbox.filters.allNumbers')}</option>
              {numbers.data?.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name ? `${n.name} · ${n.displayPhoneNumber}` : n.displayPhoneNumber}
                </option>
              ))}
            </FilterSelect>
          )}
          {supervisor && (tab === 'all' || tab === 'resolved') && (
            <FilterSelect label={t('inbox.filters.assignee')} value={filters.assigneeId} onChange={(assigneeId) => onFilters({ ...filters, assigneeId })}>
              <option value="">{t('inbox.filters.anyAssignee')}</option>
              {[...people.values()]
                .sort((a, b) => a.name.localeCompare(b.name))
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
            </FilterSelect>
          )}
          {tab === 'all' && (
            <FilterSelect label={t('inbox.filters.status')} value={filters.status} onChange={(status) => onFilters({ ...filters, status: status as InboxFilters['status'] })}>
              <option value="">{t('inbox.filters.anyStatus')}</option>
              {conversationStatuses
                .filter((s) => s !== 'RESOLVED')
                .map((s) => (
                  <option key={s} value={s}>
                    {t(`inbox.status.${s}`)}
                  </option>
                ))}
            </FilterSelect>
          )}
          {activeFilters > 0 && (
            <button type="button" onClick={() => onFilters({ ...NO_FILTERS, q: filters.q })} className="justify-self-start text-xs font-medium text-emerald-700 hover:underline">
              {t('inbox.filters.clear')}
            </button>
          )}
        </div>
      )}

      <div
        ref={scroller}
        onKeyDown={onKeyDown}
        aria-busy={list.isPending || list.isFetchingNextPage}
        className={clsx('relative min-h-0 flex-1 overflow-y-auto', list.isPlaceholderData && 'opacity-60 transition-opacity')}
      >
        {list.isPending ? (
          <ListSkeleton />
        ) : list.isError && items.length === 0 ? (
          <div role="alert" className="flex flex-col items-center px-6 py-12 text-center">
            <p className="text-sm font-medium text-zinc-900">{t('inbox.list.loadFailed')}</p>
            <p className="mt-1 text-xs text-zinc-500">{errorMessage(list.error)}</p>
            <Button variant="secondary" size="sm" className="mt-4" onClick={() => void list.refetch()} loading={list.isRefetching}>
              {!list.isRefetching && <RefreshCw aria-hidden="true" className="size-3.5" />}
              {t('common.retry')}
            </Button>
          </div>
        ) : items.length === 0 ? (
          <EmptyList tab={tab} searching={Boolean(filters.q.trim()) || activeFilters > 0} />
        ) : (
          <div role="list" aria-label={t(`inbox.tabs.${tab}`)} className="relative" style={{ height: totalHeight }}>
            {items.slice(start, end).map((conversation, offset) => (
              <ConversationRow
                key={conversation.id}
                index={start + offset}
                top={(start + offset) * ROW_HEIGHT}
                conversation={conversation}
                department={conversation.departmentId ? departmentsById.get(conversation.departmentId) : undefined}
                assignee={conversation.assigneeId ? people.get(conversation.assigneeId) : undefined}
                meId={user.id}
                people={people}
                selected={conversation.id === selectedId}
                onOpen={onOpen}
              />
            ))}
          </div>
        )}
        {list.isFetchingNextPage && (
          <div className="flex items-center justify-center gap-2 py-3 text-xs text-zinc-500">
            <Spinner className="size-3.5" />
            {t('inbox.list.loadingMore')}
          </div>
        )}
        {list.isError && items.length > 0 && (
          <div role="alert" className="flex items-center justify-center gap-2 py-3 text-xs text-red-700">
            {t('inbox.list.loadFailed')}
            <button type="button" className="font-medium underline" onClick={() => void (list.hasNextPage ? list.fetchNextPage() : list.refetch())}>
              {t('common.retry')}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}

function FilterSelect({ label, value, onChange, children }: { label: string; value: string; onChange: (value: string) => void; children: React.ReactNode }) {
  return (
    <label className="flex items-center gap-2 text-xs text-zinc-500">
      <span className="w-24 shrink-0">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} className="h-8 min-w-0 flex-1 rounded-md border border-zinc-200 bg-white px-2 text-sm text-zinc-800 focus:border-emerald-600 focus:outline-none">
        {children}
      </select>
    </label>
  );
}

function ListSkeleton() {
  return (
    <div aria-hidden="true">
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="flex items-center gap-3 px-3" style={{ height: ROW_HEIGHT }}>
          <Skeleton className="size-11 rounded-full" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-3.5 w-2/5" />
            <Skeleton className="h-3 w-4/5" />
            <Skeleton className="h-2.5 w-1/4" />
          </div>
        </div>
      ))}
    </div>
  );
}

function EmptyList({ tab, searching }: { tab: InboxTab; searching: boolean }) {
  const { t } = useTranslation();
  const Icon = searching ? SearchX : tabIcons[tab];
  const key = searching ? 'search' : tab;
  return (
    <div className="flex flex-col items-center px-8 py-14 text-center">
      <span className="mb-3 flex size-12 items-center justify-center rounded-full bg-zinc-100 text-zinc-400">
        <Icon aria-hidden="true" className="size-6" />
      </span>
      <p className="text-sm font-semibold text-zinc-800">{t(`inbox.empty.${key}.title`)}</p>
      <p className="mt-1 text-xs leading-relaxed text-zinc-500">{t(`inbox.empty.${key}.text`)}</p>
    </div>
  );
}

