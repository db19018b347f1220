import { Prisma } from '../../prisma/client';
import type { RequestContext } from '../auth/authenticate';
import { recordAudit } from '../audit/record';
import { AppError, notFound } from '../errors';
import type { CreateQuickReplyInput, ListQuickRepliesQuery, UpdateQuickReplyInput } from './schemas';

// The composer filters as the agent types; a company's canned answers fit in one answer.
const LIST_CAP = 200;

const quickReplySelect = { id: true, shortcut: true, title: true, body: true, departmentId: true, createdAt: true, updatedAt: true } satisfies Prisma.QuickReplySelect;

/** Agents get the company-wide replies and their departments'; everyone else gets all of them. */
async function visibleTo(ctx: RequestContext): Promise<Prisma.QuickReplyWhereInput> {
  if (ctx.principal.role !== 'AGENT') return {};
  const memberships = await ctx.db.departmentMember.findMany({ where: { userId: ctx.principal.userId }, select: { departmentId: true } });
  return { OR: [{ departmentId: null }, { departmentId: { in: memberships.map((m) => m.departmentId) } }] };
}

// QuickReply.departmentId has no foreign key, so the company's ownership of the department is checked here.
async function assertOwnDepartment(ctx: RequestContext, departmentId: string | null | undefined) {
  if (!departmentId) return;
  const found = await ctx.db.department.count({ where: { id: departmentId } });
  if (found === 0) throw new AppError('UNPROCESSABLE', 'O departamento informado não existe', { field: 'departmentId' });
}

/** The unique index on (company, shortcut) decides, so two admins saving at once cannot both win. */
function duplicateShortcut(error: unknown, shortcut: string | undefined) {
  if (shortcut && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    return new AppError('CONFLICT', `Já existe uma resposta rápida com o atalho /${shortcut}`, { field: 'shortcut' });
  }
  return error;
}

export async function listQuickReplies(ctx: RequestContext, query: ListQuickRepliesQuery) {
  const items = await ctx.db.quickReply.findMany({
    where: {
      AND: [
        await visibleTo(ctx),
        query.departmentId ? { OR: [{ departmentId: null }, { departmentId: query.departmentId }] } : {},
        query.q
          ? {
              OR: [
                { shortcut: { contains: query.q, mode: 'insensitive' } },
                { title: { contains: query.q, mode: 'insensitive' } },
                { body: { contains: query.q, mode: 'insensitive' } },
              ],
            }
          : {},
      ],
    },
    orderBy: { shortcut: 'asc' },
    take: LIST_CAP,
    select: quickReplySelect,
  });
  return { items };
}

export async function createQuickReply(ctx: RequestContext, input: CreateQuickReplyInput) {
  await assertOwnDepartment(ctx, input.departmentId);
  try {
    return await ctx.db.$transaction(async (tx) => {
      const created = await tx.quickReply.create({ data: { companyId: ctx.principal.companyId, ...input }, select: quickReplySelect });
      await recordAudit(tx, ctx, { action: 'quickReply.create', entity: 'quickReply', entityId: created.id, metadata: { shortcut: input.shortcut, title: input.title, departmentId: input.departmentId } });
      return created;
    });
  } catch (error) {
    throw duplicateShortcut(error, input.shortcut);
  }
}

export async function updateQuickReply(ctx: RequestContext, id: string, input: UpdateQuickReplyInput) {
  const existing = await ctx.db.quickReply.findUnique({ where: { id }, select: { id: true } });
  if (!existing) throw notFound('Resposta rápida');
  await assertOwnDepartment(ctx, input.departmentId);
  try {
    return await ctx.db.$transaction(async (tx) => {
      const updated = await tx.quickReply.update({ where: { id }, data: input, select: quickReplySelect });
      await recordAudit(tx, ctx, { action: 'quickReply.update', entity: 'quickReply', entityId: id, metadata: input });
      return updated;
    });
  } catch (error) {
    throw duplicateShortcut(error, input.shortcut);
  }
}

export async function deleteQuickReply(ctx: RequestContext, id: string) {
  const existing = await ctx.db.quickReply.findUnique({ where: { id }, select: { shortcut: true } });
  if (!existing) throw notFound('Resposta rápida');
  await ctx.db.$transaction(async (tx) => {
    await tx.quickReply.delete({ where: { id } });
    await recordAudit(tx, ctx, { action: 'quickReply.delete', entity: 'quickReply', entityId: id, metadata: { shortcut: existing.shortcut } });
  });
}
