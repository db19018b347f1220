import type { Prisma } from '../../prisma/client';
import type { RequestContext } from '../auth/authenticate';
import { recordAudit } from '../audit/record';
import { AppError, notFound } from '../errors';
import { defaultFlow } from '../../workflows/flow/defaultFlow';
import { checkFlow, publishVersion } from './publishVersion';
import type { CreateFlowInput, UpdateFlowInput } from './schemas';

const flowSelect = { id: true, name: true, isDefault: true, publishedVersionId: true, createdAt: true, updatedAt: true } as const;

export async function findFlow(ctx: RequestContext, id: string) {
  const flow = await ctx.db.flow.findFirst({ where: { id } });
  if (!flow) throw notFound('Fluxo');
  return flow;
}

export async function listFlows(ctx: RequestContext) {
  const flows = await ctx.db.flow.findMany({ orderBy: { name: 'asc' }, select: flowSelect });
  const versions = await ctx.db.flowVersion.findMany({ where: { id: { in: flows.flatMap((f) => (f.publishedVersionId ? [f.publishedVersionId] : [])) } }, select: { id: true, version: true, publishedAt: true } });
  return { items: flows.map((f) => ({ ...f, published: versions.find((v) => v.id === f.publishedVersionId) ?? null })) };
}

/** The draft as last saved, and every published version (newest first) without their graphs. */
export async function getFlow(ctx: RequestContext, id: string) {
  const flow = await findFlow(ctx, id);
  const versions = await ctx.db.flowVersion.findMany({ where: { flowId: id }, orderBy: { version: 'desc' }, select: { id: true, version: true, note: true, publishedById: true, publishedAt: true } });
  return { ...flow, versions };
}

export async function getFlowVersion(ctx: RequestContext, flowId: string, versionId: string) {
  const version = await ctx.db.flowVersion.findFirst({ where: { id: versionId, flowId } });
  if (!version) throw notFound('Versão');
  return version;
}

/** A new flow starts as the department menu, so there is something to edit rather than an empty canvas. */
export async function createFlow(ctx: RequestContext, input: CreateFlowInput) {
  const company = await ctx.db.company.findFirstOrThrow({ select: { name: true } });
  const departments = await ctx.db.department.findMany({ where: { active: true }, orderBy: { createdAt: 'asc' }, select: { id: true, name: true, slug: true } });
  const draft = input.draft ?? (departments.length ? defaultFlow(company.name, departments, departments.at(-1)!.id) : { nodes: [{ id: 'start', type: 'start', position: { x: 0, y: 0 }, config: {} }], edges: [] });
  return ctx.db.$transaction(async (tx) => {
    if (input.isDefault) await tx.flow.updateMany({ where: { isDefault: true }, data: { isDefault: false } });
    const flow = await tx.flow.create({ data: { companyId: ctx.principal.companyId, name: input.name, draft: draft as Prisma.InputJsonObject, isDefault: input.isDefault } });
    await recordAudit(tx, ctx, { action: 'flow.create', entity: 'flow', entityId: flow.id, metadata: { name: input.name } });
    return flow;
  });
}

/** Saving a draft never changes what customers experience: only publishing does. */
export async function updateFlow(ctx: RequestContext, id: string, input: UpdateFlowInput) {
  await findFlow(ctx, id);
  return ctx.db.$transaction(async (tx) => {
    if (input.isDefault) await tx.flow.updateMany({ where: { isDefault: true, NOT: { id } }, data: { isDefault: false } });
    const flow = await tx.flow.update({ where: { id }, data: { ...input, draft: input.draft as Prisma.InputJsonObject | undefined } });
    await recordAudit(tx, ctx, { action: 'flow.update', entity: 'flow', entityId: id, metadata: { name: input.name, isDefault: input.isDefault, draftSaved: Boolean(input.draft) } });
    return flow;
  });
}

export async function deleteFlow(ctx: RequestContext, id: string) {
  const flow = await findFlow(ctx, id);
  if (flow.isDefault) throw new AppError('CONFLICT', 'Este é o fluxo padrão da empresa: escolha outro como padrão antes de excluí-lo');
  await ctx.db.$transaction(async (tx) => {
    await tx.whatsAppNumber.updateMany({ where: { flowId: id }, data: { flowId: null } });
    await tx.flow.delete({ where: { id } });
    await recordAudit(tx, ctx, { action: 'flow.delete', entity: 'flow', entityId: id, metadata: { name: flow.name } });
  });
}

export async function validateDraft(ctx: RequestContext, id: string) {
  const flow = await findFlow(ctx, id);
  const result = await checkFlow(ctx.db, ctx.principal.companyId, flow.draft);
  return result.ok ? { ok: true, problems: [] } : { ok: false, problems: result.problems };
}

/** Publishing checks the whole graph and refuses with every problem at once, each naming its block. */
export async function publishFlow(ctx: RequestContext, id: string, note?: string) {
  const flow = await findFlow(ctx, id);
  const result = await checkFlow(ctx.db, ctx.principal.companyId, flow.draft);
  if (!result.ok) throw new AppError('UNPROCESSABLE', `O fluxo tem ${result.problems.length} problema(s) a corrigir antes de publicar`, { problems: result.problems });
  return ctx.db.$transaction(async (tx) => {
    const version = await publishVersion(tx, { companyId: ctx.principal.companyId, flowId: id, definition: result.flow, byUserId: ctx.principal.userId, note });
    await recordAudit(tx, ctx, { action: 'flow.publish', entity: 'flow', entityId: id, metadata: { version: version.version } });
    return version;
  });
}

/** An earlier version answers again; conversations already under way keep the version they started on. */
export async function rollbackFlow(ctx: RequestContext, id: string, versionId: string) {
  await findFlow(ctx, id);
  const version = await getFlowVersion(ctx, id, versionId);
  await ctx.db.$transaction(async (tx) => {
    await tx.flow.update({ where: { id }, data: { publishedVersionId: version.id } });
    await recordAudit(tx, ctx, { action: 'flow.rollback', entity: 'flow', entityId: id, metadata: { version: version.version } });
  });
  return getFlow(ctx, id);
}

/** Which flow answers a number; null goes back to the company's default. */
export async function assignFlowToNumber(ctx: RequestContext, numberId: string, flowId: string | null) {
  if (!(await ctx.db.whatsAppNumber.findFirst({ where: { id: numberId }, select: { id: true } }))) throw notFound('Número');
  if (flowId) await findFlow(ctx, flowId);
  await ctx.db.$transaction(async (tx) => {
    await tx.whatsAppNumber.update({ where: { id: numberId }, data: { flowId } });
    await recordAudit(tx, ctx, { action: 'number.flow', entity: 'whatsAppNumber', entityId: numberId, metadata: { flowId } });
  });
  return ctx.db.whatsAppNumber.findFirstOrThrow({ where: { id: numberId }, select: { id: true, displayPhoneNumber: true, name: true, flowId: true } });
}
