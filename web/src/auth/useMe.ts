import { useQuery } from '@tanstack/react-query';
import { api } from '../lib/api';
import type { MeResponse } from '../lib/types';

export const meQueryKey = ['me'] as const;

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: ({ signal }) => api<MeResponse>('/api/auth/me', { signal }), staleTime: 5 * 60_000 });
}
