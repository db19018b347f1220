import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSessionStore } from '../../auth/sessionStore';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import type { Page, Role, User } from '../../lib/types';

export interface UserFilters {
  q: string;
  role: Role | '';
  active: 'true' | 'false' | '';
}

const PAGE_SIZE = 25;

export function useUserList(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: [...queryKeys.users, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      api<Page<User>>('/api/users', { query: { q: filters.q.trim(), role: filters.role, active: filters.active, cursor: pageParam, limit: PAGE_SIZE }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** The API caps a page at 200, which covers the team of any company this product targets. */
export function useActiveUsers() {
  return useQuery({
    queryKey: [...queryKeys.users, 'active'],
    queryFn: ({ signal }) => api<Page<User>>('/api/users', { query: { active: true, limit: 200 }, signal }),
  });
}

export type UserChanges = Partial<Pick<User, 'name' | 'email' | 'role' | 'maxConcurrentChats' | 'active'>> & { password?: string; departmentIds?: string[] };

/** Users and departments both list memberships, so a change to either refreshes both. */
export function useSaveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string | null; changes: UserChanges }) =>
      id ? api<User>(`/api/users/${id}`, { method: 'PATCH', body: changes }) : api<User>('/api/users', { method: 'POST', body: changes }),
    onSuccess: (saved) => {
      const session = useSessionStore.getState();
      if (session.user?.id === saved.id) session.setUser(saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      void queryClient.invalidateQueries({ queryKey: queryKeys.departments });
    },
  });
}

export function useDeactivateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<User>(`/api/users/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      void queryClient.invalidateQueries({ queryKey: queryKeys.departments });
    },
  });
}
