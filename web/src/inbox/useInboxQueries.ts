import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../lib/queryKeys';
import type { ConversationStatus } from '../lib/types';
import { getConversation, listAssignments, listConversations, listMessages, listNotes, type ConversationQuery } from './inboxApi';

export const inboxTabs = ['mine', 'queue', 'all', 'resolved'] as const;
export type InboxTab = (typeof inboxTabs)[number];

export interface InboxFilters {
  q: string;
  departmentId: string;
  assigneeId: string;
  status: ConversationStatus | '';
}

export const NO_FILTERS: InboxFilters = { q: '', departmentId: '', assigneeId: '', status: '' };

export function tabQuery(tab: InboxTab, filters: InboxFilters = NO_FILTERS): ConversationQuery {
  const common = { q: filters.q.trim() || undefined, departmentId: filters.departmentId || undefined };
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

export function useConversationList(query: ConversationQuery, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...queryKeys.conversationLists, query],
    queryFn: ({ pageParam, signal }) => listConversations(query, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    // Realtime events keep lists current; a refetch happens on reconnect, not on a timer.
    staleTime: Infinity,
    enabled,
  });
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
