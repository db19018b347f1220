import { useQuery } from '@tanstack/react-query';
import { api } from '../lib/api';

// Apart from the builder so the inbox can ask for it without downloading the builder's code.

export interface ConversationFlowPath {
  flowId: string | null;
  nodeId: string | null;
  path: string[];
  phase: string;
}

/** Where a conversation's bot is and the blocks it went through; `refetchInterval` follows it live. */
export function useConversationFlowPath(conversationId: string, options: { enabled?: boolean; refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: ['conversations', conversationId, 'flow-path'],
    queryFn: ({ signal }) => api<ConversationFlowPath>(`/api/conversations/${conversationId}/flow-path`, { signal }),
    ...options,
  });
}
