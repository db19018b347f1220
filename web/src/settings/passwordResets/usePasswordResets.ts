import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import type { PasswordResetDecision, PasswordResetRequest, PasswordResetStatus } from '../../lib/types';

const fetchResets = (status: PasswordResetStatus | '', signal: AbortSignal) =>
  api<{ items: PasswordResetRequest[] }>('/api/password-reset-requests', { query: { status }, signal });

export function usePasswordResets(status: PasswordResetStatus | '') {
  return useQuery({ queryKey: [...queryKeys.passwordResets, status], queryFn: ({ signal }) => fetchResets(status, signal), select: (data) => data.items });
}

/** Shares the cache of the "pending" list, so the sidebar badge and the page agree. */
export function usePendingResetCount(enabled: boolean): number | undefined {
  const query = useQuery({
    queryKey: [...queryKeys.passwordResets, 'PENDING'],
    queryFn: ({ signal }) => fetchResets('PENDING', signal),
    select: (data) => data.items.length,
    enabled,
    refetchInterval: 60_000,
  });
  return query.data;
}

export function useDecidePasswordReset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, approve }: { id: string; approve: boolean }) =>
      api<PasswordResetDecision>(`/api/password-reset-requests/${id}/${approve ? 'approve' : 'reject'}`, { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.passwordResets }),
  });
}
