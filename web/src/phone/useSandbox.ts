import { useMutation, useMutationState, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchConversation, fetchSandboxInfo, fetchTemplates, markAllRead, sendAsCustomer, type CustomerMessage } from './sandboxApi';

/** One customer talking to one business number of the sandbox. */
export interface ChatTarget {
  waId: string;
  name: string;
  phoneNumberId: string;
}

/** A send on its way, with the text the phone shows until the sandbox has recorded it. */
export interface OutgoingMessage {
  message: CustomerMessage;
  preview: string;
}

export const sandboxKeys = {
  all: ['sandbox'],
  info: ['sandbox', 'info'],
  templates: ['sandbox', 'templates'],
  conversation: (target: Pick<ChatTarget, 'waId' | 'phoneNumberId'>) => ['sandbox', 'conversation', target.phoneNumberId, target.waId],
  send: (target: Pick<ChatTarget, 'waId' | 'phoneNumberId'>) => ['sandbox', 'send', target.phoneNumberId, target.waId],
} as const;

/** Polling stands in for the event stream while it reconnects. */
const POLL_WHILE_OFFLINE_MS = 5_000;

export function useSandboxInfo() {
  return useQuery({ queryKey: sandboxKeys.info, queryFn: ({ signal }) => fetchSandboxInfo(signal), retry: 1 });
}

export function useConversation(target: ChatTarget, live: boolean) {
  return useQuery({
    queryKey: sandboxKeys.conversation(target),
    queryFn: ({ signal }) => fetchConversation(target.waId, target.phoneNumberId, signal),
    refetchInterval: live ? false : POLL_WHILE_OFFLINE_MS,
  });
}

export function useTemplates(enabled: boolean) {
  return useQuery({ queryKey: sandboxKeys.templates, queryFn: ({ signal }) => fetchTemplates(signal), enabled });
}

export function useSendAsCustomer(target: ChatTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: sandboxKeys.send(target),
    mutationFn: ({ message }: OutgoingMessage) => sendAsCustomer(target.waId, { ...message, to_phone_number_id: target.phoneNumberId, name: target.name }),
    // Awaited, so the pending bubble gives way to the recorded message without a gap.
    onSettled: () => queryClient.invalidateQueries({ queryKey: sandboxKeys.conversation(target) }),
  });
}

export function usePendingMessages(target: ChatTarget): Array<OutgoingMessage & { submittedAt: number }> {
  return useMutationState({
    filters: { mutationKey: sandboxKeys.send(target), status: 'pending' },
    select: (mutation) => ({ ...(mutation.state.variables as OutgoingMessage), submittedAt: mutation.state.submittedAt }),
  });
}

export function useMarkRead(target: ChatTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => markAllRead(target.waId, target.phoneNumberId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sandboxKeys.conversation(target) }),
  });
}
