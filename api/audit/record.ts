import type { Prisma } from '../../prisma/client';
import type { RequestContext } from '../auth/authenticate';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  metadata?: Prisma.InputJsonObject;
}

/** Structural, so the plain client, the company-scoped one and a transaction all qualify. */
interface AuditWriter {
  auditLog: { create(args: { data: Prisma.AuditLogUncheckedCreateInput }): PromiseLike<unknown> };
}

/** Appends one audit row for a mutation; called inside the mutation's transaction where there is one. */
export async function recordAudit(db: AuditWriter, context: Pick<RequestContext, 'principal' | 'ip' | 'requestId'>, entry: AuditEntry) {
  await db.auditLog.create({
    data: {
      companyId: context.principal.companyId,
      actorId: context.principal.userId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      ip: context.ip || null,
      requestId: context.requestId || null,
      metadata: entry.metadata ?? {},
    },
  });
}
