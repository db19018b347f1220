import clsx from 'clsx';
import { MessagesSquare } from 'lucide-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useCurrentUser } from '../auth/sessionStore';
import { useDebouncedValue } from '../lib/useDebouncedValue';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { ChatPane } from './ChatPane';
import { ConversationList } from './ConversationList';
import { CustomerPanel } from './CustomerPanel';
import { useInboxRealtime, useRealtimeStore } from './realtime';
import { prefetchOpeningList } from './prefetchOpeningList';
import { NO_FILTERS, tabFromParams, type InboxFilters, type InboxTab } from './useInboxQueries';

// This module is downloaded while the session is restored (see App): the list starts from here.
prefetchOpeningList();

/**
 * The agent's working day: conversations on the left, the chat in the middle, the customer on the
 * right. The open conversation and the tab live in the URL, so reload and links keep them.
 */
export default function InboxPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('inbox.title'));
  useInboxRealtime();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { conversationId = null } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = tabFromParams(params, user.role);
  const [filters, setFilters] = useState<InboxFilters>(NO_FILTERS);
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 300);
  const listFilters = useMemo(() => ({ ...filters, q }), [filters, q]);
  // Beside the chat only where there is room for both; on smaller screens it opens over the chat.
  const [panelOpen, setPanelOpen] = useState(() => window.matchMedia('(min-width: 1536px)').matches);
  const setOpen = useRealtimeStore((s) => s.setOpen);

  useEffect(() => {
    setOpen(conversationId);
    return () => setOpen(null);
  }, [conversationId, setOpen]);

  const open = useCallback((id: string) => navigate({ pathname: `/inbox/${id}`, search: params.toString() }), [navigate, params]);
  const changeTab = (next: InboxTab) => {
    setParams((p) => {
      const copy = new URLSearchParams(p);
      copy.set('tab', next);
      return copy;
    });
  };

  return (
    <div className="relative flex h-full min-h-0 bg-white">
      <div className={clsx('w-full shrink-0 md:w-[320px] 2xl:w-[380px]', conversationId && 'hidden md:block')}>
        <ConversationList
          tab={tab}
          onTab={changeTab}
          filters={listFilters}
          onFilters={setFilters}
          search={search}
          onSearch={setSearch}
          selectedId={conversationId}
          onOpen={open}
        />
      </div>
      <div className={clsx('min-w-0 flex-1', !conversationId && 'hidden md:block')}>
        {conversationId ? (
          <ChatPane conversationId={conversationId} panelOpen={panelOpen} onTogglePanel={() => setPanelOpen((o) => !o)} onBack={() => navigate({ pathname: '/inbox', search: params.toString() })} />
        ) : (
          <NothingOpen />
        )}
      </div>
      {conversationId && panelOpen && (
        <div className="absolute inset-y-0 right-0 z-20 w-80 shadow-2xl 2xl:static 2xl:shrink-0 2xl:shadow-none">
          <CustomerPanel conversationId={conversationId} onClose={() => setPanelOpen(false)} />
        </div>
      )}
    </div>
  );
}

function NothingOpen() {
  const { t } = useTranslation();
  return (
    <div className="flex h-full flex-col items-center justify-center border-l border-zinc-200 bg-[#f7f8fa] px-10 text-center">
      <span className="flex size-20 items-center justify-center rounded-full bg-emerald-50 text-emerald-600 ring-8 ring-emerald-50/50">
        <MessagesSquare aria-hidden="true" className="size-9" />
      </span>
      <h2 className="mt-6 text-lg font-semibold text-zinc-900">{t('inbox.nothingOpen.title')}</h2>
      <p className="mt-2 max-w-sm text-sm leading-relaxed text-zinc-500">{t('inbox.nothingOpen.text')}</p>
      <p className="mt-6 text-xs text-zinc-400">{t('inbox.nothingOpen.keyboard')}</p>
    </div>
  );
}
