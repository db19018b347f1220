import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { acceptUpdate, closeUpdate, conversationWorkflowId } from '../../workflows/conversation';
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

export async function acceptConversation(ctx: RequestContext, temporal: Client, conversationId: string) {
  await getConversation(ctx, conversationId);
  const handle = temporal.workflow.getHandle(conversationWorkflowId(conversationId));
  await asConflict(handle.executeUpdate(acceptUpdate, { args: [{ agentId: ctx.principal.userId }] }));
  await recordAudit(ctx.db, ctx, { action: 'conversation.accept', entity: 'conversation', entityId: conversationId });
  return getConversation(ctx, conversationId);
}

export async function closeConversation(ctx: RequestContext, temporal: Client, conversationId: string) {
  await getConversation(ctx, conversationId);
  const handle = temporal.workflow.getHandle(conversationWorkflowId(conversationId));
  await asConflict(handle.executeUpdate(closeUpdate, { args: [{ byUserId: ctx.principal.userId }] }));
  await recordAudit(ctx.db, ctx, { action: 'conversation.close', entity: 'conversation', entityId: conversationId });
  return getConversation(ctx, conversationId);
}
