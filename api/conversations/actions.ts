import { setTimeout as delay } from 'node:timers/promises';
import { ServiceError, WithStartWorkflowOperation, WorkflowNotFoundError, WorkflowUpdateFailedError, type Client, type WorkflowHandle } from '@temporalio/client';
import type { Prisma } from '../../prisma/client';
import { businessStatusKey, companyIdKey, conversationIdKey } from '../../temporal/searchAttributes';
import { acceptUpdate, agentMessageUpdate, assignUpdate, closeUpdate, conversationWorkflow, conversationWorkflowId, reopenUpdate, transferUpdate } from '../../workflows/conversation';
import type { RequestContext } from '../auth/authenticate';
import { recordAudit } from '../audit/record';
import { AppError } from '../errors';
import { createRealtimeNotifier } from '../realtime/pgChannel';
import { nudgeQueues } from './nudgeQueues';
import { checkTemplateSend } from '../templates/checkTemplateSend';
import type { AgentMessageInput, TransferInput } from './schemas';
import { getConversation } from './service';

/**
 * The server turns an update away, unadmitted, while the workflow task it would join is failing; the
 * usual cause is a continue-as-new that met a message arriving at that instant, which the worker
 * settles on its next attempt within moments. Asking again then is safe and what the agent expects.
 */
const GRPC_FAILED_PRECONDITION = 9;
const refusedByFailingTask = (error: unknown) => error instanceof ServiceError && (error.cause as { code?: number } | undefined)?.code === GRPC_FAILED_PRECONDITION;
const UPDATE_ATTEMPTS = 5;

/** A refusal from the workflow (someone else accepted first, already closed) is a conflict the agent can see. */
async function asConflict<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) throw new AppError('CONFLICT', error.cause?.message ?? 'A conversa mudou: atualize a tela');
      if (error instanceof WorkflowNotFoundError) throw new AppError('CONFLICT', 'Esta conversa não está mais em andamento');
      if (!refusedByFailingTask(error) || attempt >= UPDATE_ATTEMPTS) throw error;
      await delay(200 * attempt);
    }
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
  check: (conversation: Conversation) => void | Promise<void> = () => undefined,
) {
  const before = await getConversation(ctx, conversationId);
  await check(before);
  await asConflict(() => update(temporal.workflow.getHandle(conversationWorkflowId(conversationId))));
  await recordAudit(ctx.db, ctx, { ...audit, entity: 'conversation', entityId: conversationId });
  return before;
}

const isAgent = (ctx: RequestContext) => ctx.principal.role === 'AGENT';

function assertHolderOrSupervisor(ctx: RequestContext, conversation: Conversation, doing: string) {
  if (isAgent(ctx) && conversation.assigneeId && conversation.assigneeId !== ctx.principal.userId) {
    throw new AppError('CONFLICT', `Esta conversa está com outra pessoa: só ela ou um supervisor pode ${doing}`);
  }
}

/** Someone who can hold a conversation: active, not a viewer, and (for a department) one of its members. */
async function assertCanHold(ctx: RequestContext, agentId: string, departmentId: string | null) {
  const agent = await ctx.db.user.findFirst({ where: { id: agentId, active: true }, select: { role: true, memberships: { select: { departmentId: true } } } });
  if (!agent) throw new AppError('UNPROCESSABLE', 'Atendente não encontrado ou inativo', { field: 'agentId' });
  if (agent.role === 'VIEWER') throw new AppError('UNPROCESSABLE', 'Um visualizador não pode atender conversas', { field: 'agentId' });
  if (agent.role === 'AGENT' && departmentId && !agent.memberships.some((m) => m.departmentId === departmentId)) {
    throw new AppError('UNPROCESSABLE', 'Este atendente não faz parte do departamento', { field: 'agentId' });
  }
}

export async function acceptConversation(ctx: RequestContext, temporal: Client, conversationId: string) {
  await act(ctx, temporal, conversationId, { action: 'conversation.accept' }, (handle) => handle.executeUpdate(acceptUpdate, { args: [{ agentId: ctx.principal.userId }] }));
  return getConversation(ctx, conversationId, true);
}

export async function assignConversation(ctx: RequestContext, temporal: Client, conversationId: string, agentId: string) {
  await act(
    ctx,
    temporal,
    conversationId,
    { action: 'conversation.assign', metadata: { agentId } },
    (handle) => handle.executeUpdate(assignUpdate, { args: [{ agentId, byUserId: ctx.principal.userId }] }),
    (conversation) => assertCanHold(ctx, agentId, conversation.departmentId),
  );
  return getConversation(ctx, conversationId, true);
}

export async function transferConversation(ctx: RequestContext, temporal: Client, conversationId: string, input: TransferInput) {
  const before = await act(
    ctx,
    temporal,
    conversationId,
    { action: 'conversation.transfer', metadata: { ...input } },
    (handle) => handle.executeUpdate(transferUpdate, { args: [{ ...input, byUserId: ctx.principal.userId }] }),
    async (conversation) => {
      assertHolderOrSupervisor(ctx, conversation, 'transferi-la');
      if (input.departmentId && !(await ctx.db.department.findFirst({ where: { id: input.departmentId, active: true }, select: { id: true } }))) {
        throw new AppError('UNPROCESSABLE', 'Departamento não encontrado ou inativo', { field: 'departmentId' });
      }
      if (input.agentId) await assertCanHold(ctx, input.agentId, input.departmentId ?? conversation.departmentId);
    },
  );
  if (before.assigneeId) await nudgeQueues(temporal, ctx.db, { userId: before.assigneeId });
  return getConversation(ctx, conversationId, true);
}

export async function closeConversation(ctx: RequestContext, temporal: Client, conversationId: string) {
  const before = await act(
    ctx,
    temporal,
    conversationId,
    { action: 'conversation.close' },
    (handle) => handle.executeUpdate(closeUpdate, { args: [{ byUserId: ctx.principal.userId }] }),
    (conversation) => assertHolderOrSupervisor(ctx, conversation, 'encerrá-la'),
  );
  if (before.assigneeId) await nudgeQueues(temporal, ctx.db, { userId: before.assigneeId });
  return getConversation(ctx, conversationId, true);
}

/**
 * A closed conversation's workflow has ended, so reopening starts a new run under the same id and
 * hands it to the caller in one update-with-start: the answer is the reopened state or the refusal.
 */
export async function reopenConversation(ctx: RequestContext, temporal: Client, taskQueue: string, conversationId: string) {
  await act(
    ctx,
    temporal,
    conversationId,
    { action: 'conversation.reopen' },
    () =>
      temporal.workflow.executeUpdateWithStart(reopenUpdate, {
        args: [{ agentId: ctx.principal.userId }],
        startWorkflowOperation: new WithStartWorkflowOperation(conversationWorkflow, {
          workflowId: conversationWorkflowId(conversationId),
          taskQueue,
          args: [{ conversationId, companyId: ctx.principal.companyId, reopening: true }],
          workflowIdConflictPolicy: 'USE_EXISTING',
          typedSearchAttributes: [
            { key: companyIdKey, value: ctx.principal.companyId },
            { key: conversationIdKey, value: conversationId },
            { key: businessStatusKey, value: 'ASSIGNED' },
          ],
        }),
      }),
    (conversation) => {
      if (conversation.status !== 'RESOLVED') throw new AppError('CONFLICT', 'Só uma conversa encerrada pode ser reaberta');
    },
  );
  return getConversation(ctx, conversationId, true);
}

const DAY_MS = 86_400_000;

/**
 * WhatsApp accepts free-form messages only within 24 hours of the customer's last message; after
 * that only an approved template goes, and we say so before trying.
 */
export async function sendAgentMessage(ctx: RequestContext, temporal: Client, conversationId: string, input: AgentMessageInput) {
  if (input.mediaId && !(await ctx.db.media.findFirst({ where: { id: input.mediaId }, select: { id: true } }))) {
    throw new AppError('UNPROCESSABLE', 'Arquivo não encontrado: envie-o de novo', { field: 'mediaId' });
  }
  const { template } = input;
  await act(
    ctx,
    temporal,
    conversationId,
    { action: 'conversation.reply', metadata: { messageId: input.clientMessageId, ...(template ? { templateId: template.templateId } : {}) } },
    (handle) =>
      handle.executeUpdate(agentMessageUpdate, {
        args: [{ messageId: input.clientMessageId, agentId: ctx.principal.userId, text: input.text, mediaId: input.mediaId, template }],
      }),
    async (conversation) => {
      if (!conversation.assigneeId) throw new AppError('CONFLICT', 'Aceite a conversa antes de responder');
      assertHolderOrSupervisor(ctx, conversation, 'responder');
      if (template) return checkTemplateSend(ctx, conversation.number.id, template);
      if (!conversation.lastInboundAt || Date.now() - conversation.lastInboundAt.getTime() > DAY_MS) {
        throw new AppError('UNPROCESSABLE', 'A janela de 24 horas do WhatsApp está fechada: envie um modelo aprovado', { reason: 'WINDOW_CLOSED' });
      }
    },
  );
  return ctx.db.message.findUniqueOrThrow({ where: { id: input.clientMessageId }, include: { media: { select: { id: true, mimeType: true, sizeBytes: true, fileName: true } } } });
}

/** "Ana está digitando…" for the other people looking at the conversation; nothing is stored. */
export async function announceTyping(ctx: RequestContext, conversationId: string) {
  const conversation = await getConversation(ctx, conversationId);
  const user = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.principal.userId }, select: { name: true } });
  await createRealtimeNotifier(ctx.db)({
    type: 'typing',
    companyId: ctx.principal.companyId,
    conversationId,
    departmentId: conversation.departmentId,
    userIds: conversation.assigneeId ? [conversation.assigneeId] : [],
    payload: { userId: ctx.principal.userId, name: user.name },
  });
}

/** The agent has seen the customer's messages: the unread badge clears on every screen. */
export async function markConversationRead(ctx: RequestContext, conversationId: string) {
  const conversation = await getConversation(ctx, conversationId);
  if (conversation.unreadCount === 0) return conversation;
  await ctx.db.conversation.updateMany({ where: { id: conversationId }, data: { unreadCount: 0 } });
  const updated = await getConversation(ctx, conversationId);
  await createRealtimeNotifier(ctx.db)({
    type: 'conversation.updated',
    companyId: ctx.principal.companyId,
    conversationId,
    departmentId: updated.departmentId,
    userIds: updated.assigneeId ? [updated.assigneeId] : [],
    payload: { conversation: updated },
  });
  return updated;
}
