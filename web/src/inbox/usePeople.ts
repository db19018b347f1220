import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { canViewUsers } from '../auth/permissions';
import { useCurrentUser } from '../auth/sessionStore';
import { api } from '../lib/api';
import { queryKeys } from '../lib/queryKeys';
import type { Department, Page, Presence, User } from '../lib/types';
import { useDepartments } from '../settings/departments/useDepartments';

export interface Person {
  id: string;
  name: string;
  status: Presence;
}

/**
 * Names for the ids a conversation carries (assignee, message sender). Agents may not list users, so
 * their departments' members stand in; supervisors and admins also get the whole team.
 */
export function usePeople(): { byId: Map<string, Person>; departments: Department[]; departmentsById: Map<string, Department> } {
  const me = useCurrentUser();
  const departments = useDepartments();
  const users = useActiveUsers_(canViewUsers(me.role));
  return useMemo(() => {
    const byId = new Map<string, Person>();
    for (const department of departments.data ?? []) for (const m of department.members) byId.set(m.id, { id: m.id, name: m.name, status: m.status });
    for (const u of users.data?.items ?? []) byId.set(u.id, { id: u.id, name: u.name, status: u.status });
    byId.set(me.id, { id: me.id, name: me.name, status: me.status });
    const list = departments.data ?? [];
    return { byId, departments: list, departmentsById: new Map(list.map((d) => [d.id, d])) };
  }, [departments.data, users.data, me.id, me.name, me.status]);
}

/** The same cache entry as the users page's active list; agents may not ask, so they do not. */
function useActiveUsers_(allowed: boolean) {
  return useQuery({
    queryKey: [...queryKeys.users, 'active'],
    queryFn: ({ signal }) => api<Page<User>>('/api/users', { query: { active: true, limit: 200 }, signal }),
    enabled: allowed,
  });
}
