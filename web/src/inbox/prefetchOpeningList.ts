import { useSessionStore } from '../auth/sessionStore';
import { queryClient } from '../lib/queryClient';
import { conversationListOptions, tabFromParams, tabQuery } from './useInboxQueries';

/**
 * Asks for the conversation list the inbox opens on the moment the session is back, instead of
 * when the page has mounted: React reveals the lazily loaded shell and page in steps (it throttles
 * each Suspense reveal by 300 ms), and the request runs during them rather than after.
 */
export function prefetchOpeningList() {
  const start = () => {
    const user = useSessionStore.getState().user;
    if (!user || !window.location.pathname.startsWith('/inbox')) return;
    const tab = tabFromParams(new URLSearchParams(window.location.search), user.role);
    void queryClient.prefetchInfiniteQuery(conversationListOptions(tabQuery(tab)));
  };
  const { status } = useSessionStore.getState();
  if (status === 'authenticated') return start();
  if (status === 'anonymous') return;
  const unsubscribe = useSessionStore.subscribe((state) => {
    if (state.status === 'restoring') return;
    unsubscribe();
    if (state.status === 'authenticated') start();
  });
}
