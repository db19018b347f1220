import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import type { CompanySettings } from '../../lib/types';

export function useCompanySettings() {
  return useQuery({
    queryKey: queryKeys.companySettings,
    queryFn: ({ signal }) => api<CompanySettings>('/api/company/settings', { signal }),
  });
}

/** PATCH answers with every setting as stored, which becomes the cache at once. */
export function useSaveCompanySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: Partial<CompanySettings>) => api<CompanySettings>('/api/company/settings', { method: 'PATCH', body: changes }),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.companySettings, saved),
  });
}
