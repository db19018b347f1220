import { conversationSelect, toConversation } from '../api/conversations/service';
import type { RealtimeEvent } from '../api/realtime/events';
import type { ActivityDeps } from './deps';

type ConversationEvent = Extract<RealtimeEvent['type'], `conversation.${string}`>;

/** Publishes a conversation in the shape screens list it, so a browser can put it in place as is. */
export async function publishConversation({ db, notify }: Pick<ActivityDeps, 'db' | 'notify'>, conversationId: string, type: ConversationEvent = 'conversation.updated', userIds: string[] = []) {
  const conversation = toConversation(await db.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: conversationSelect }));
  await notify({ type, companyId: conversation.companyId, conversationId, departmentId: conversation.departmentId, userIds, payload: { conversation } });
}
