import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createNumberSchema, UpdateNumberInput } from '../../../../api/whatsappNumbers/schemas';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';

/** What GET /api/whatsapp-numbers answers: the stored fields and how many conversations the number holds. */
export type WhatsAppNumber = z.output<typeof createNumberSchema> & { id: string; conversationCount: number; createdAt: string; updatedAt: string };

// Under the inbox's key, so a number added or deactivated here shows in its filter without a reload.
const adminListKey = [...queryKeys.whatsappNumbers, 'admin'] as const;

/** Admins and supervisors; agents would get 403, so the page is not offered to them. */
export function useWhatsAppNumbers() {
  return useQuery({ queryKey: adminListKey, queryFn: ({ signal }) => api<{ items: WhatsAppNumber[] }>('/api/whatsapp-numbers', { signal }), select: (data) => data.items });
}

export function useSaveNumber() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string | null; changes: UpdateNumberInput }) =>
      id ? api<WhatsAppNumber>(`/api/whatsapp-numbers/${id}`, { method: 'PATCH', body: changes }) : api<WhatsAppNumber>('/api/whatsapp-numbers', { method: 'POST', body: changes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.whatsappNumbers }),
  });
}

export function useDeleteNumber() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/whatsapp-numbers/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.whatsappNumbers }),
  });
}
