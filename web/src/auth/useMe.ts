import { useQuery } from '@tanstack/react-query';
import { api } from '../lib/api';
import { queryKeys } from '../lib/queryKeys';
import type { MeResponse } from '../lib/types';

export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: ({ signal }) => api<MeResponse>('/api/auth/me', { signal }), staleTime: 5 * 60_000 });
}
