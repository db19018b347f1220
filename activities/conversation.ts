import { ApplicationFailure, log } from '@temporalio/activity';
import { defaultFlow } from '../workflows/flow/defaultFlow';
import { flowDefinitionSchema, type FlowDefinition } from '../workflows/flow/schema';
import type { ActivityDeps } from './deps';
import type { OutboundMessage } from './whatsapp/outboundMessage';
import { WhatsAppProviderError } from './whatsapp/providerErrors';

/** A bot message as the workflow describes it: everything but the recipient, which the activity knows. */
export type BotMessage = OutboundMessage extends infer M ? (M extends { to: string } ? Omit<M, 'to'> : never) : never;

export interface SendBotMessageInput {
  conversationId: string;
  /** Made by the workflow (deterministically): the row's id, so a retried activity finds its own message. */
  messageId: string;
  message: BotMessage;
  /** What an agent reading the conversation sees for this message. */
  preview: string;
  /** The agent who wrote it; absent for the bot. */
  senderUserId?: string;
}

export function createConversationActivities({ db, whatsapp, notify }: ActivityDeps) {
  async function conversationChanged(conversationId: string) {
    const conversation = await db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    await notify({ type: 'conversation.updated', companyId: conversation.companyId, conversationId, departmentId: conversation.departmentId, payload: { conversation } });
  }

  return {
    /**
     * The flow this conversation runs, read once when it starts, so a later change never alters a
     * conversation under way. Until flows are edited in the builder, a company's flow is its
     * department menu.
     */
    async loadConversationFlow(input: { conversationId: string }): Promise<{ flow: FlowDefinition; contactName: string }> {
      const conversation = await db.conversation.findUniqueOrThrow({ where: { id: input.conversationId }, include: { contact: true, company: true } });
      const departments = await db.department.findMany({ where: { companyId: conversation.companyId, active: true }, orderBy: { createdAt: 'asc' } });
      if (departments.length === 0) throw ApplicationFailure.nonRetryable('A empresa não tem departamentos ativos para o menu', 'NoDepartments');
      const flow = flowDefinitionSchema.parse(defaultFlow(conversation.company.name, departments, departments.at(-1)!.id));
      return { flow, contactName: conversation.contact.name ?? conversation.contact.profileName ?? '' };
    },

    /**
     * Idempotent send: the row exists (QUEUED) before the provider is called, and a retry that finds a
     * WhatsApp id on it does not send again. A send whose outcome is unknown is never repeated.
     */
    async sendBotMessage(input: SendBotMessageInput): Promise<{ waMessageId: string | null }> {
      const conversation = await db.conversation.findUniqueOrThrow({ where: { id: input.conversationId }, include: { contact: true, number: true } });
      const row = await db.message.upsert({
        where: { id: input.messageId },
        update: {},
        create: {
          id: input.messageId,
          companyId: conversation.companyId,
          conversationId: conversation.id,
          numberId: conversation.numberId,
          direction: 'OUTBOUND',
          type: input.message.type,
          body: input.preview,
          content: { bot: !input.senderUserId, message: input.message },
          status: 'QUEUED',
          senderUserId: input.senderUserId ?? null,
        },
      });
      if (row.waMessageId || row.status === 'UNKNOWN' || row.status === 'FAILED') return { waMessageId: row.waMessageId };
      try {
        const { waMessageId } = await whatsapp.send(conversation.number.phoneNumberId, { ...input.message, to: conversation.contact.waId } as OutboundMessage);
        // Only QUEUED moves to SENT: a status webhook may already have pushed it further.
        await db.message.updateMany({ where: { id: row.id, status: 'QUEUED' }, data: { status: 'SENT', sentAt: new Date() } });
        const sent = await db.message.update({ where: { id: row.id }, data: { waMessageId } });
        await db.conversation.update({ where: { id: conversation.id }, data: { lastMessageAt: new Date() } });
        await notify({ type: 'message.new', companyId: conversation.companyId, conversationId: conversation.id, departmentId: conversation.departmentId, payload: { message: sent } });
        return { waMessageId };
      } catch (error) {
        if (!(error instanceof WhatsAppProviderError) || error.retryable) throw error;
        const status = error.kind === 'unknown_outcome' ? 'UNKNOWN' : 'FAILED';
        await db.message.update({ where: { id: row.id }, data: { status, errorCode: error.code, errorMessage: error.message, ...(status === 'FAILED' ? { failedAt: new Date() } : {}) } });
        log.warn('bot message not sent', { conversationId: conversation.id, kind: error.kind, code: error.code });
        throw ApplicationFailure.nonRetryable(error.message, `WhatsApp.${error.kind}`, { code: error.code });
      }
    },

    async queueInDepartment(input: { conversationId: string; departmentId: string }) {
      await db.conversation.update({ where: { id: input.conversationId }, data: { status: 'QUEUED', departmentId: input.departmentId } });
      await conversationChanged(input.conversationId);
    },

    async assignConversation(input: { conversationId: string; agentId: string }) {
      await db.conversation.update({ where: { id: input.conversationId }, data: { status: 'ASSIGNED', assigneeId: input.agentId, unreadCount: 0 } });
      await conversationChanged(input.conversationId);
    },

    async resolveConversation(input: { conversationId: string }) {
      await db.conversation.update({ where: { id: input.conversationId }, data: { status: 'RESOLVED', closedAt: new Date() } });
      await conversationChanged(input.conversationId);
    },
  };
}

export type ConversationActivities = ReturnType<typeof createConversationActivities>;
