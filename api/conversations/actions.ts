import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client, type WorkflowHandle } from '@temporalio/client';
import type { Prisma } from '../../prisma/client';
import { acceptUpdate, agentMessageUpdate, closeUpdate, conversationWorkflowId } from '../../workflows/conversation';
import type { RequestContext } from '../auth/authenticate';
import { recordAudit } from '../audit/record';
import { AppError } from '../errors';
import { getConversation } from './service';

/** A refusal from the workflow (someone else accepted first, already closed) is a conflict the agent can see. */
async function asConflict<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) throw new AppError('CONFLICT', error.cause?.message ?? 'A conversa mudou: atualize a tela');
    if (error instanceof WorkflowNotFoundError) throw new AppError('CONFLICT', 'Esta conversa não está mais em andamento');
    throw error;
  }
}

type Conversation = Awaited<ReturnType<typeof getConversation>>;

/**
 * One agent action: the caller must see the conversation and pass the action's own checks, the
 * workflow decides, and the audit log records it.
 */
async function act(
  ctx: RequestContext,
  temporal: Client,
  conversationId: string,
  audit: { action: string; metadata?: Prisma.InputJsonObject },
  update: (handle: WorkflowHandle) => Promise<unknown>,
  check: (conversation: Conversation) => void = () => undefined,
) {
  check(await getConversation(ctx, conversationId));
  await asConflict(update(temporal.workflow.getHandle(conversationWorkflowId(conversationId))));
  await recordAudit(ctx.db, ctx, { ...audit, entity: 'conversation', entityId: conversationId });
}

export async function acceptConversation(ctx: RequestContext, temporal: Client, conversationId: string) {
  await act(ctx, temporal, conversationId, { action: 'conversation.accept' }, (handle) => handle.executeUpdate(acceptUpdate, { args: [{ agentId: ctx.principal.userId }] }));
  return getConversation(ctx, conversationId);
}

export async function closeConversation(ctx: RequestContext, temporal: Client, conversationId: string) {
  await act(ctx, temporal, conversationId, { action: 'conversation.close' }, (handle) => handle.executeUpdate(closeUpdate, { args: [{ byUserId: ctx.principal.userId }] }));
  return getConversation(ctx, conversationId);
}

const DAY_MS = 86_400_000;

/**
 * WhatsApp accepts free-form messages only within 24 hours of the customer's last message; after
 * that the agent must use an approved template, and we say so before trying.
 */
export async function sendAgentMessage(ctx: RequestContext, temporal: Client, conversationId: string, input: { text: string; clientMessageId: string }) {
  await act(
    ctx,
    temporal,
    conversationId,
    { action: 'conversation.reply', metadata: { messageId: input.clientMessageId } },
    (handle) => handle.executeUpdate(agentMessageUpdate, { args: [{ messageId: input.clientMessageId, agentId: ctx.principal.userId, text: input.text }] }),
    (conversation) => {
      if (!conversation.assigneeId) throw new AppError('CONFLICT', 'Aceite a conversa antes de responder');
      if (conversation.assigneeId !== ctx.principal.userId && ctx.principal.role === 'AGENT') {
        throw new AppError('CONFLICT', 'Esta conversa está com outra pessoa: aceite-a ou peça transferência');
      }
      if (!conversation.lastInboundAt || Date.now() - conversation.lastInboundAt.getTime() > DAY_MS) {
        throw new AppError('UNPROCESSABLE', 'A janela de 24 horas do WhatsApp está fechada: envie um template aprovado', { reason: 'WINDOW_CLOSED' });
      }
    },
  );
  return ctx.db.message.findUniqueOrThrow({ where: { id: input.clientMessageId } });
}
