import { useQuery } from '@tanstack/react-query';
import { api } from './api';
import { queryKeys } from './queryKeys';
import type { DirectoryDepartment, DirectoryUser } from './types';

/** Every active person with presence, departments and open conversations; every role may read it. */
export function useUserDirectory(options: { live?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.userDirectory,
    queryFn: ({ signal }) => api<{ items: DirectoryUser[] }>('/api/users/directory', { signal }),
    select: (data) => data.items,
    // Loads change with every accept and close; a panel showing them asks again while it is open.
    refetchInterval: options.live ? 15_000 : false,
  });
}

/** Every department of the company (agents' own list has only theirs): names, colours, transfer targets. */
export function useDepartmentDirectory() {
  return useQuery({
    queryKey: queryKeys.departmentDirectory,
    queryFn: ({ signal }) => api<{ items: DirectoryDepartment[] }>('/api/departments/directory', { signal }),
    select: (data) => data.items,
  });
}
