import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import type { BusinessHours, Department } from '../../lib/types';

const DEFAULT_TIMEZONE = 'America/Sao_Paulo';

/** The column defaults to `{}`, so a department never saved through the API has no timezone or days. */
function normalise(department: Department): Department {
  const hours = (department.businessHours ?? {}) as Partial<BusinessHours>;
  return { ...department, businessHours: { timezone: hours.timezone ?? DEFAULT_TIMEZONE, days: hours.days ?? {} } };
}

export function useDepartments() {
  return useQuery({
    queryKey: queryKeys.departments,
    queryFn: ({ signal }) => api<{ items: Department[] }>('/api/departments', { signal }),
    select: (data) => data.items.map(normalise),
  });
}

export type DepartmentChanges = Partial<Pick<Department, 'name' | 'color' | 'greeting' | 'responseTimeoutMinutes' | 'assignmentStrategy' | 'escalationDepartmentId' | 'maxEscalations' | 'businessHours' | 'active'>> & { memberIds?: string[] };

/** Members live on users too, so both lists are refreshed. PATCH takes memberIds, so one request saves everything. */
export function useSaveDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string | null; changes: DepartmentChanges }) =>
      id ? api<Department>(`/api/departments/${id}`, { method: 'PATCH', body: changes }) : api<Department>('/api/departments', { method: 'POST', body: changes }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.departments });
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
    },
  });
}

export function useDeleteDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/departments/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.departments });
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
    },
  });
}
