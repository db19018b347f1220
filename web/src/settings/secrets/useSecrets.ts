import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

/** What the API tells about a secret: never its value. */
export interface SecretSummary {
  name: string;
  createdAt: string;
  updatedAt: string;
}

const secretsKey = ['secrets'] as const;

/** Admins only: others would get 403, so they do not ask. */
export function useSecrets(enabled = true) {
  return useQuery({ queryKey: secretsKey, queryFn: ({ signal }) => api<{ items: SecretSummary[] }>('/api/secrets', { signal }), select: (data) => data.items, enabled });
}

/** Creates or replaces: the API does not say which value was there, only that one now is. */
export function usePutSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, value }: { name: string; value: string }) => api<SecretSummary>(`/api/secrets/${encodeURIComponent(name)}`, { method: 'PUT', body: { value } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: secretsKey }),
  });
}

export function useDeleteSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api<void>(`/api/secrets/${encodeURIComponent(name)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: secretsKey }),
  });
}
