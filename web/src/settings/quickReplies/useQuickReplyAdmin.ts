import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import type { QuickReply } from '../../lib/types';

export interface QuickReplyFilters {
  q: string;
  departmentId: string;
}

/** Under the composer's own key, so a change here is what agents find on their next "/". */
export function useQuickReplyList(filters: QuickReplyFilters) {
  return useQuery({
    queryKey: [...queryKeys.quickReplies, 'admin', filters],
    queryFn: ({ signal }) => api<{ items: QuickReply[] }>('/api/quick-replies', { query: { q: filters.q.trim(), departmentId: filters.departmentId }, signal }),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
  });
}

export type QuickReplyChanges = Partial<Pick<QuickReply, 'shortcut' | 'title' | 'body' | 'departmentId'>>;

export function useSaveQuickReply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string | null; changes: QuickReplyChanges }) =>
      id ? api<QuickReply>(`/api/quick-replies/${id}`, { method: 'PATCH', body: changes }) : api<QuickReply>('/api/quick-replies', { method: 'POST', body: changes }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.quickReplies }),
  });
}

export function useDeleteQuickReply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/quick-replies/${id}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.quickReplies }),
  });
}
