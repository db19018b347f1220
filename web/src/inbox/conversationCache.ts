import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../lib/queryKeys';
import type { Conversation, ConversationNote, Message, MessageStatus, Page } from '../lib/types';

type Pages<T> = InfiniteData<Page<T>, string | null>;

/** Realtime payloads carry the database row: only scalar fields, never number, contact or lastMessage. */
const SCALAR_FIELDS = [
  'status',
  'departmentId',
  'assigneeId',
  'unreadCount',
  'lastMessageAt',
  'lastInboundAt',
  'closedAt',
  'flowState',
  'queuedAt',
  'timeoutAt',
  'escalations',
  'firstResponseAt',
  'lastDepartmentId',
  'lastAttendantId',
  'variables',
] as const satisfies readonly (keyof Conversation)[];

export function scalarPatch(row: Record<string, unknown>): Partial<Conversation> {
  const patch: Record<string, unknown> = {};
  for (const field of SCALAR_FIELDS) if (field in row) patch[field] = row[field];
  return patch as Partial<Conversation>;
}

function mapListItems(queryClient: QueryClient, update: (item: Conversation) => Conversation) {
  queryClient.setQueriesData<Pages<Conversation>>({ queryKey: queryKeys.conversationLists }, (data) =>
    data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map(update) })) } : data,
  );
}

/** Applies what we know at once; membership of each tab is settled by the refetch that follows. */
export function patchConversation(queryClient: QueryClient, id: string, patch: Partial<Conversation>) {
  mapListItems(queryClient, (item) => (item.id === id ? { ...item, ...patch } : item));
  queryClient.setQueryData<Conversation>(queryKeys.conversation(id), (old) => (old ? { ...old, ...patch } : old));
}

export function isInAnyList(queryClient: QueryClient, id: string): boolean {
  return queryClient
    .getQueriesData<Pages<Conversation>>({ queryKey: queryKeys.conversationLists })
    .some(([, data]) => data?.pages.some((page) => page.items.some((item) => item.id === id)));
}

/**
 * A new message moves its conversation to the top of every list that shows it, as WhatsApp does.
 * `watchedId` is the conversation in front of the agent: its messages are read as they arrive.
 */
export function bumpConversation(queryClient: QueryClient, id: string, message: Message, watchedId: string | null) {
  const preview = { id: message.id, direction: message.direction, type: message.type, body: message.body, status: message.status, senderUserId: message.senderUserId, createdAt: message.createdAt };
  const countsAsUnread = message.direction === 'INBOUND' && id !== watchedId;
  const touch = (item: Conversation): Conversation => ({
    ...item,
    lastMessage: message.type === 'event' ? item.lastMessage : preview,
    lastMessageAt: message.createdAt,
    unreadCount: countsAsUnread ? item.unreadCount + 1 : item.unreadCount,
    lastInboundAt: message.direction === 'INBOUND' ? message.createdAt : item.lastInboundAt,
  });
  queryClient.setQueriesData<Pages<Conversation>>({ queryKey: queryKeys.conversationLists }, (data) => {
    if (!data) return data;
    const found = data.pages.flatMap((p) => p.items).find((item) => item.id === id);
    if (!found) return data;
    const pages = data.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== id) }));
    const first = pages[0];
    if (first) pages[0] = { ...first, items: [touch(found), ...first.items] };
    return { ...data, pages };
  });
  queryClient.setQueryData<Conversation>(queryKeys.conversation(id), (old) => (old ? touch(old) : old));
}

export function markReadLocally(queryClient: QueryClient, id: string) {
  patchConversation(queryClient, id, { unreadCount: 0 });
}

/** Inserts or replaces by id, so a message heard twice (socket and refetch, or send and echo) shows once. */
export function upsertMessage(queryClient: QueryClient, conversationId: string, message: Message) {
  const early = earlyStatuses.get(message.id);
  earlyStatuses.delete(message.id);
  queryClient.setQueryData<Pages<Message>>(queryKeys.messages(conversationId), (data) => {
    if (!data) return data;
    let replaced = false;
    const pages = data.pages.map((page) => ({
      ...page,
      items: page.items.map((item) => {
        if (item.id !== message.id) return item;
        replaced = true;
        return { ...item, ...message, status: furthest(furthest(message.status, item.status), early), media: message.media ?? item.media };
      }),
    }));
    if (!replaced && pages[0]) pages[0] = { ...pages[0], items: [{ ...message, status: furthest(message.status, early) }, ...pages[0].items] };
    return { ...data, pages };
  });
}

const STATUS_RANK: Record<MessageStatus, number> = { QUEUED: 0, UNKNOWN: 0, RECEIVED: 1, SENT: 1, DELIVERED: 2, READ: 3, FAILED: 4 };

const furthest = (a: MessageStatus, b: MessageStatus | undefined): MessageStatus => (b !== undefined && STATUS_RANK[b] > STATUS_RANK[a] ? b : a);

/**
 * A status can reach the browser before its message does: the API publishes a status webhook as it
 * applies it, while the worker's new message travels through PostgreSQL NOTIFY. Kept until the
 * message arrives (a few, for a moment: the oldest go first).
 */
const earlyStatuses = new Map<string, MessageStatus>();
const EARLY_STATUSES_KEPT = 500;

/** Statuses can arrive out of order; a message never goes back from read to delivered. */
export function setMessageStatus(queryClient: QueryClient, conversationId: string, messageId: string, status: MessageStatus) {
  const data = queryClient.getQueryData<Pages<Message>>(queryKeys.messages(conversationId));
  if (data && !data.pages.some((page) => page.items.some((item) => item.id === messageId))) {
    earlyStatuses.set(messageId, furthest(status, earlyStatuses.get(messageId)));
    if (earlyStatuses.size > EARLY_STATUSES_KEPT) earlyStatuses.delete(earlyStatuses.keys().next().value!);
    return;
  }
  queryClient.setQueryData<Pages<Message>>(queryKeys.messages(conversationId), (current) =>
    current
      ? {
          ...current,
          pages: current.pages.map((page) => ({
            ...page,
            items: page.items.map((item) => (item.id === messageId ? { ...item, status: furthest(item.status, status) } : item)),
          })),
        }
      : current,
  );
}

export function addNoteToCache(queryClient: QueryClient, conversationId: string, note: ConversationNote) {
  queryClient.setQueryData<Page<ConversationNote>>(queryKeys.notes(conversationId), (data) =>
    data && !data.items.some((n) => n.id === note.id) ? { ...data, items: [note, ...data.items] } : data,
  );
}
