import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { canViewUsers } from '../auth/permissions';
import { queryKeys } from '../lib/queryKeys';
import type { ConversationStatus, Role } from '../lib/types';
import { getConversation, listAssignments, listConversations, listMessages, listNotes, listNumbers, type ConversationQuery } from './inboxApi';

export const inboxTabs = ['mine', 'queue', 'all', 'resolved'] as const;
export type InboxTab = (typeof inboxTabs)[number];

const isTab = (value: string | null): value is InboxTab => (inboxTabs as readonly string[]).includes(value ?? '');

/** The tab the URL asks for, when this role may see it; "Minhas" otherwise. */
export function tabFromParams(params: URLSearchParams, role: Role): InboxTab {
  const requested = params.get('tab');
  return isTab(requested) && (requested !== 'all' || canViewUsers(role)) ? requested : 'mine';
}

export interface InboxFilters {
  q: string;
  departmentId: string;
  numberId: string;
  assigneeId: string;
  status: ConversationStatus | '';
}

export const NO_FILTERS: InboxFilters = { q: '', departmentId: '', numberId: '', assigneeId: '', status: '' };

export function tabQuery(tab: InboxTab, filters: InboxFilters = NO_FILTERS): ConversationQuery {
  const common = { q: filters.q.trim() || undefined, departmentId: filters.departmentId || undefined, numberId: filters.numberId || undefined };
  switch (tab) {
    case 'mine':
      return { ...common, status: ['ASSIGNED'], assigneeId: 'me' };
    case 'queue':
      return { ...common, status: ['QUEUED'] };
    case 'all':
      return { ...common, status: filters.status ? [filters.status] : ['BOT', 'QUEUED', 'ASSIGNED'], assigneeId: filters.assigneeId || undefined };
    case 'resolved':
      return { ...common, status: ['RESOLVED'], assigneeId: filters.assigneeId || undefined };
  }
}

/** One definition for the list hook and the prefetch that starts it before the page has mounted. */
export function conversationListOptions(query: ConversationQuery) {
  return infiniteQueryOptions({
    queryKey: [...queryKeys.conversationLists, query],
    queryFn: ({ pageParam, signal }) => listConversations(query, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    // Realtime events keep lists current; a refetch happens on reconnect, not on a timer.
    staleTime: Infinity,
  });
}

export function useConversationList(query: ConversationQuery, enabled = true) {
  return useInfiniteQuery({ ...conversationListOptions(query), enabled });
}

/** Numbers change rarely (an admin adds one): read once per session. */
export function useNumbers() {
  return useQuery({ queryKey: queryKeys.whatsappNumbers, queryFn: ({ signal }) => listNumbers(signal), select: (data) => data.items, staleTime: Infinity });
}

export function useConversation(id: string | null) {
  return useQuery({
    queryKey: queryKeys.conversation(id ?? ''),
    queryFn: ({ signal }) => getConversation(id!, signal),
    enabled: Boolean(id),
    staleTime: Infinity,
  });
}

export function useMessages(id: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.messages(id),
    queryFn: ({ pageParam, signal }) => listMessages(id, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: Infinity,
  });
}

export function useNotes(id: string) {
  return useQuery({ queryKey: queryKeys.notes(id), queryFn: ({ signal }) => listNotes(id, signal), staleTime: Infinity, retry: false });
}

export function useAssignments(id: string) {
  return useQuery({ queryKey: queryKeys.assignments(id), queryFn: ({ signal }) => listAssignments(id, signal), retry: false });
}

/** A customer's conversations, newest first; one page is plenty for the panel. */
export function useContactHistory(contactId: string) {
  return useQuery({
    queryKey: queryKeys.contactHistory(contactId),
    queryFn: async ({ signal }) => (await listConversations({ status: ['BOT', 'QUEUED', 'ASSIGNED', 'RESOLVED'], contactId }, null, signal)).items,
  });
}
