import { randomInt } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { Client } from '@temporalio/client';
import type { Db } from '../../prisma/client';
import { companyIdKey } from '../../temporal/searchAttributes';
import { decidePasswordResetUpdate, passwordResetWorkflow } from '../../workflows/passwordReset';
import type { RequestContext } from '../auth/authenticate';
import { hashPassword } from '../auth/passwords';
import { recordAudit } from '../audit/record';
import { AppError, notFound } from '../errors';

export const passwordResetWorkflowId = (resetId: string) => `password-reset-${resetId}`;

interface RequestDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  expiresInMs: number;
}

/**
 * Anyone may ask; the answer is the same whether or not the email exists, so the endpoint cannot be
 * used to discover accounts. One pending request per user at a time.
 */
export async function requestPasswordReset(deps: RequestDeps, email: string, client: { ip: string; requestId: string }) {
  const user = await deps.db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, companyId: true, role: true, active: true } });
  if (!user?.active) return;
  const pending = await deps.db.passwordResetRequest.findFirst({ where: { userId: user.id, status: 'PENDING' } });
  if (pending) return;
  const reset = await deps.db.passwordResetRequest.create({ data: { companyId: user.companyId, userId: user.id, ip: client.ip || null } });
  await recordAudit(deps.db, { principal: { userId: user.id, companyId: user.companyId, role: user.role }, ip: client.ip, requestId: client.requestId }, {
    action: 'password_reset.request',
    entity: 'password_reset',
    entityId: reset.id,
  });
  await deps.temporal.workflow.start(passwordResetWorkflow, {
    workflowId: passwordResetWorkflowId(reset.id),
    taskQueue: deps.taskQueue,
    args: [{ resetId: reset.id, companyId: user.companyId, expiresInMs: deps.expiresInMs, requestId: client.requestId }],
    typedSearchAttributes: [{ key: companyIdKey, value: user.companyId }],
  });
}

export async function listPasswordResets(ctx: RequestContext, status?: 'PENDING' | 'APPROVED' | 'REJECTED' | 'EXPIRED') {
  const rows = await ctx.db.passwordResetRequest.findMany({
    where: status ? { status } : {},
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: { id: true, status: true, createdAt: true, decidedAt: true, decidedById: true, user: { select: { id: true, name: true, email: true, role: true } } },
  });
  return { items: rows };
}

/** Readable by a person on the phone: no 0/O or 1/l/I to confuse. */
function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

export async function decidePasswordReset(ctx: RequestContext, temporal: Client, resetId: string, approve: boolean) {
  const reset = await ctx.db.passwordResetRequest.findUnique({ where: { id: resetId } });
  if (!reset) throw notFound('Solicitação');
  if (reset.status !== 'PENDING') throw new AppError('CONFLICT', 'Esta solicitação já foi decidida', { status: reset.status });
  const password = approve ? temporaryPassword() : undefined;
  const decision = password
    ? { approve: true as const, deciderId: ctx.principal.userId, passwordHash: await hashPassword(password) }
    : { approve: false as const, deciderId: ctx.principal.userId };
  try {
    await temporal.workflow.getHandle(passwordResetWorkflowId(resetId)).executeUpdate(decidePasswordResetUpdate, { args: [decision] });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) throw new AppError('CONFLICT', 'Esta solicitação já foi decidida');
    throw error;
  }
  await recordAudit(ctx.db, ctx, { action: approve ? 'password_reset.approve' : 'password_reset.reject', entity: 'password_reset', entityId: resetId, metadata: { userId: reset.userId } });
  return { status: approve ? 'APPROVED' : 'REJECTED', temporaryPassword: password ?? null };
}
