import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FlowProblem } from '../../../workflows/flow/validateFlow';
import { api } from '../lib/api';
import { ApiError } from '../lib/apiError';

/** Whatever the builder last saved: checked only on validate and publish, so it may be incomplete. */
export interface FlowDraft {
  nodes: unknown[];
  edges: unknown[];
  [key: string]: unknown;
}

export interface FlowSummary {
  id: string;
  name: string;
  isDefault: boolean;
  publishedVersionId: string | null;
  createdAt: string;
  updatedAt: string;
  published: { id: string; version: number; publishedAt: string } | null;
}

export interface FlowVersionSummary {
  id: string;
  version: number;
  note: string | null;
  publishedById: string | null;
  publishedAt: string;
}

export interface FlowDetail extends Omit<FlowSummary, 'published'> {
  draft: FlowDraft;
  versions: FlowVersionSummary[];
}

export interface FlowVersion extends FlowVersionSummary {
  definition: FlowDraft;
}

export type Problem = Pick<FlowProblem, 'nodeId' | 'message'> & { code: string };

const keys = {
  all: ['flows'] as const,
  list: ['flows', 'list'] as const,
  detail: (id: string) => ['flows', 'detail', id] as const,
  version: (id: string, versionId: string) => ['flows', 'version', id, versionId] as const,
};

export function useFlowList() {
  return useQuery({
    queryKey: keys.list,
    queryFn: ({ signal }) => api<{ items: FlowSummary[] }>('/api/flows', { signal }),
    select: (data) => data.items,
  });
}

export function useFlow(id: string) {
  return useQuery({
    queryKey: keys.detail(id),
    queryFn: ({ signal }) => api<FlowDetail>(`/api/flows/${id}`, { signal }),
    // The builder owns the draft once loaded; a background refetch must not overwrite the canvas.
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
}

export function useFlowVersion(id: string, versionId: string | null) {
  return useQuery({
    queryKey: keys.version(id, versionId ?? ''),
    queryFn: ({ signal }) => api<FlowVersion>(`/api/flows/${id}/versions/${versionId}`, { signal }),
    enabled: versionId !== null,
    staleTime: Infinity,
  });
}

export function useCreateFlow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; isDefault?: boolean }) => api<FlowDetail>('/api/flows', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.list }),
  });
}

export function useUpdateFlow(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name?: string; draft?: FlowDraft; isDefault?: true }) => api<FlowDetail>(`/api/flows/${id}`, { method: 'PATCH', body: input }),
    onSuccess: (_flow, input) => {
      if (input.name !== undefined || input.isDefault) void client.invalidateQueries({ queryKey: keys.list });
    },
  });
}

export function useSetDefaultFlow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<FlowDetail>(`/api/flows/${id}`, { method: 'PATCH', body: { isDefault: true } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useDeleteFlow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/flows/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.list }),
  });
}

export function validateFlowDraft(id: string) {
  return api<{ ok: boolean; problems: Problem[] }>(`/api/flows/${id}/validate`, { method: 'POST' });
}

export function usePublishFlow(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (note: string) => api<FlowVersionSummary>(`/api/flows/${id}/publish`, { method: 'POST', body: note.trim() ? { note: note.trim() } : {} }),
    onSuccess: async () => {
      // Only the versions list changed; refetching the detail would not touch the canvas (staleTime).
      const fresh = await api<FlowDetail>(`/api/flows/${id}`);
      client.setQueryData<FlowDetail>(keys.detail(id), (old) => (old ? { ...old, versions: fresh.versions, publishedVersionId: fresh.publishedVersionId } : fresh));
      void client.invalidateQueries({ queryKey: keys.list });
    },
  });
}

export function useRollbackFlow(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (versionId: string) => api<FlowDetail>(`/api/flows/${id}/rollback`, { method: 'POST', body: { versionId } }),
    onSuccess: (fresh) => {
      client.setQueryData<FlowDetail>(keys.detail(id), (old) => (old ? { ...old, versions: fresh.versions, publishedVersionId: fresh.publishedVersionId } : fresh));
      void client.invalidateQueries({ queryKey: keys.list });
    },
  });
}

/** A refused publish carries the same problem list as /validate. */
export function problemsOf(error: unknown): Problem[] | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const problems = (error.details as { problems?: unknown } | null)?.problems;
  return Array.isArray(problems) ? (problems as Problem[]) : null;
}
