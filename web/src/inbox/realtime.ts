import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { io } from 'socket.io-client';
import { create } from 'zustand';
import { useSessionStore } from '../auth/sessionStore';
import { refreshSession } from '../lib/api';
import { queryKeys } from '../lib/queryKeys';
import type { Conversation, ConversationNote, Message, MessageStatus, Presence } from '../lib/types';
import { addNoteToCache, bumpConversation, isInAnyList, patchConversation, scalarPatch, setMessageStatus, upsertMessage } from './conversationCache';
import { notify } from './notifications';
import { markRead, mayMarkRead, tabVisible } from './readReceipts';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting';

interface Typist {
  userId: string;
  name: string;
  until: number;
}

interface RealtimeState {
  connection: ConnectionState;
  /** The conversation on screen: its messages do not count as unread. */
  openConversationId: string | null;
  typing: Record<string, Typist | undefined>;
  setOpen: (id: string | null) => void;
}

export const useRealtimeStore = create<RealtimeState>()((set) => ({
  connection: 'connecting',
  openConversationId: null,
  typing: {},
  setOpen: (openConversationId) => set({ openConversationId }),
}));

const TYPING_SHOWN_MS = 6_000;

type Row = Record<string, unknown>;
interface WithConversation {
  conversationId: string;
  conversation?: Row;
}

/** Many events can arrive together (a burst of messages): one refetch of the lists settles them all. */
function debounced(fn: () => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

function handlers(queryClient: QueryClient) {
  const me = () => useSessionStore.getState().user?.id;
  /** The conversation the agent is looking at right now: open, and the tab in front. */
  const watchedId = () => (tabVisible() ? openId() : null);
  const openId = () => useRealtimeStore.getState().openConversationId;
  /** A queue entry rings once, however many updates (escalations, counters) follow it. */
  const announced = new Set<string>();
  const refreshLists = debounced(() => void queryClient.invalidateQueries({ queryKey: queryKeys.conversationLists }), 250);

  const onConversation = (kind: string) => (event: WithConversation) => {
    const row = event.conversation;
    const before = queryClient.getQueryData<Conversation>(queryKeys.conversation(event.conversationId));
    if (row) patchConversation(queryClient, event.conversationId, 'contact' in row ? (row as unknown as Conversation) : scalarPatch(row));
    refreshLists();
    void queryClient.invalidateQueries({ queryKey: queryKeys.assignments(event.conversationId) });
    const entry = `${event.conversationId}:${String(row?.queuedAt ?? '')}`;
    if (row?.status === 'QUEUED' && before?.status !== 'QUEUED' && !announced.has(entry)) {
      announced.add(entry);
      notify('queued', event.conversationId);
    }
    if (row?.assigneeId === me() && before?.assigneeId !== me() && kind === 'assigned') notify('assigned', event.conversationId);
  };

  return {
    'message.new': (event: WithConversation & { message: Message }) => {
      upsertMessage(queryClient, event.conversationId, event.message);
      const watched = watchedId() === event.conversationId;
      bumpConversation(queryClient, event.conversationId, event.message, watchedId());
      if (event.conversation) patchConversation(queryClient, event.conversationId, scalarPatch(event.conversation));
      if (!isInAnyList(queryClient, event.conversationId)) refreshLists();
      const detail = queryClient.getQueryData<Conversation>(queryKeys.conversation(event.conversationId));
      const user = useSessionStore.getState().user;
      // The server counted it as unread; the agent has it in front of them, so it is read already.
      if (event.message.direction === 'INBOUND' && watched && detail && user && mayMarkRead(detail, user)) markRead(queryClient, event.conversationId);
      if (event.message.direction === 'INBOUND' && detail?.assigneeId === me()) notify('message', event.conversationId);
    },
    'message.updated': (event: { conversationId: string; message: Message }) => upsertMessage(queryClient, event.conversationId, event.message),
    'message.status': (event: { conversationId: string; messageId: string; status: MessageStatus }) =>
      setMessageStatus(queryClient, event.conversationId, event.messageId, event.status),
    'conversation.created': onConversation('created'),
    'conversation.updated': onConversation('updated'),
    'conversation.assigned': onConversation('assigned'),
    'conversation.transferred': onConversation('transferred'),
    'conversation.closed': onConversation('closed'),
    'conversation.escalated': onConversation('escalated'),
    'note.new': (event: { conversationId: string; note: ConversationNote }) => addNoteToCache(queryClient, event.conversationId, event.note),
    typing: (event: { conversationId: string; userId: string; name: string }) => {
      if (event.userId === me()) return;
      useRealtimeStore.setState((s) => ({ typing: { ...s.typing, [event.conversationId]: { userId: event.userId, name: event.name, until: Date.now() + TYPING_SHOWN_MS } } }));
    },
    'presence.updated': (event: { userId?: string; status?: Presence }) => {
      // The server changes our own presence too (the first tab makes an OFFLINE agent ONLINE): the toggle follows.
      const user = useSessionStore.getState().user;
      if (user && event.userId === user.id && event.status && event.status !== user.status) useSessionStore.getState().setUser({ ...user, status: event.status });
      void queryClient.invalidateQueries({ queryKey: queryKeys.userDirectory });
      void queryClient.invalidateQueries({ queryKey: queryKeys.departments, exact: true });
      void queryClient.invalidateQueries({ queryKey: [...queryKeys.users, 'active'] });
    },
  };
}

/**
 * One socket for the inbox. After a drop the server's events in between are lost, so a reconnect
 * refetches what is on screen by cursor; messages are keyed by id, so nothing shows twice.
 */
export function useInboxRealtime() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const socket = io({
      path: '/socket.io',
      transports: ['websocket'],
      // A connection attempt that neither opens nor fails (a proxy holding it) is given up sooner than
      // socket.io's 20 s, so the agent is back to live quickly.
      timeout: 5_000,
      // A function, so every (re)connection presents the token in force at that moment.
      auth: (cb) => cb({ token: useSessionStore.getState().accessToken }),
    });
    let connectedBefore = false;
    const on = handlers(queryClient);
    for (const [name, handler] of Object.entries(on)) socket.on(name, handler as (...args: unknown[]) => void);

    socket.on('connect', () => {
      useRealtimeStore.setState({ connection: 'live' });
      if (connectedBefore) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.conversations });
      }
      connectedBefore = true;
    });
    socket.on('disconnect', (reason) => {
      useRealtimeStore.setState({ connection: 'reconnecting' });
      // socket.io retries by itself except when the server hung up (a restart, a deploy): then we ask again.
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', (error) => {
      useRealtimeStore.setState({ connection: connectedBefore ? 'reconnecting' : 'connecting' });
      // The server refuses an expired token in its middleware, after which socket.io stops retrying.
      if (error.message === 'UNAUTHENTICATED' && !socket.active) {
        refreshSession().then(
          () => socket.connect(),
          () => undefined,
        );
      }
    });
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
      useRealtimeStore.setState({ connection: 'connecting' });
    };
  }, [queryClient]);
}

export function useTypist(conversationId: string): Typist | undefined {
  const typist = useRealtimeStore((s) => s.typing[conversationId]);
  return typist && typist.until > Date.now() ? typist : undefined;
}
