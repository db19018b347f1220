import { conversationSelect, toConversation } from '../api/conversations/service';
import type { RealtimeEvent } from '../api/realtime/events';
import type { Db, Prisma } from '../prisma/client';
import type { ActivityDeps } from './deps';

type ConversationEvent = Extract<RealtimeEvent['type'], `conversation.${string}`>;

/** Publishes a conversation in the shape screens list it, so a browser can put it in place as is. */
export async function publishConversation({ db, notify }: Pick<ActivityDeps, 'db' | 'notify'>, conversationId: string, type: ConversationEvent = 'conversation.updated', userIds: string[] = []) {
  const conversation = toConversation(await db.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: conversationSelect }));
  await notify({ type, companyId: conversation.companyId, conversationId, departmentId: conversation.departmentId, userIds, payload: { conversation } });
}

/**
 * A step in the conversation's timeline (transfer, escalation, reopening) that agents read between
 * the messages. Its id comes from the step that caused it, so a retried activity writes it once.
 */
export async function recordTimelineEvent(
  tx: Prisma.TransactionClient | Db,
  conversation: { id: string; companyId: string; numberId: string },
  event: { id: string; text: string; kind: string; byUserId?: string | null },
) {
  await tx.message.upsert({
    where: { id: event.id },
    update: {},
    create: {
      id: event.id,
      companyId: conversation.companyId,
      conversationId: conversation.id,
      numberId: conversation.numberId,
      direction: 'OUTBOUND',
      type: 'event',
      body: event.text,
      content: { event: event.kind },
      status: 'SENT',
      senderUserId: event.byUserId ?? null,
    },
  });
}
