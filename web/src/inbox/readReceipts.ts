import type { QueryClient } from '@tanstack/react-query';
import type { Conversation, User } from '../lib/types';
import { markReadLocally } from './conversationCache';
import { markConversationRead } from './inboxApi';

/**
 * Whose reading clears the badge: the assignee, or anyone who may act while nobody holds it. A
 * supervisor looking over an agent's chat leaves the agent's unread count alone.
 */
export function mayMarkRead(conversation: Pick<Conversation, 'assigneeId'>, me: Pick<User, 'id' | 'role'>): boolean {
  if (me.role === 'VIEWER') return false;
  return !conversation.assigneeId || conversation.assigneeId === me.id;
}

const inFlight = new Map<string, { again: boolean }>();

/**
 * Clears the badge at once and tells the server, which broadcasts it to the other screens. A message
 * that arrives while the request is on its way may be counted after it, so one more request follows.
 */
export function markRead(queryClient: QueryClient, conversationId: string) {
  markReadLocally(queryClient, conversationId);
  const running = inFlight.get(conversationId);
  if (running) {
    running.again = true;
    return;
  }
  const state = { again: false };
  inFlight.set(conversationId, state);
  markConversationRead(conversationId)
    .catch(() => undefined)
    .finally(() => {
      inFlight.delete(conversationId);
      if (state.again) markRead(queryClient, conversationId);
    });
}

export const tabVisible = () => typeof document === 'undefined' || document.visibilityState === 'visible';
