import type { RequestContext } from '../auth/authenticate';
import { hashPassword } from '../auth/passwords';
import { recordAudit } from '../audit/record';
import { AppError, notFound } from '../errors';
import { cursorArgs, pageOf } from '../http/pagination';
import { publicUserSelect, toPublicUser } from './publicUser';
import type { CreateUserInput, UpdateUserInput } from './schemas';
import type { z } from 'zod';
import type { listUsersQuerySchema, presenceSchema } from './schemas';

/** Department ids come from the client: each must be a department of the caller's company. */
async function assertOwnDepartments(ctx: RequestContext, departmentIds: string[]) {
  const unique = [...new Set(departmentIds)];
  if (unique.length === 0) return unique;
  const found = await ctx.db.department.count({ where: { id: { in: unique } } });
  if (found !== unique.length) throw new AppError('UNPROCESSABLE', 'Um ou mais departamentos não existem', { field: 'departmentIds' });
  return unique;
}

export async function listUsers(ctx: RequestContext, query: z.infer<typeof listUsersQuerySchema>) {
  const rows = await ctx.db.user.findMany({
    where: {
      ...(query.role ? { role: query.role } : {}),
      ...(query.active === undefined ? {} : { active: query.active }),
      ...(query.departmentId ? { memberships: { some: { departmentId: query.departmentId } } } : {}),
      ...(query.q ? { OR: [{ name: { contains: query.q, mode: 'insensitive' } }, { email: { contains: query.q, mode: 'insensitive' } }] } : {}),
    },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: publicUserSelect,
    ...cursorArgs(query),
  });
  const page = pageOf(rows, query.limit);
  return { ...page, items: page.items.map(toPublicUser) };
}

export async function getUser(ctx: RequestContext, id: string) {
  const user = await ctx.db.user.findUnique({ where: { id }, select: publicUserSelect });
  if (!user) throw notFound('Usuário');
  return toPublicUser(user);
}

export async function createUser(ctx: RequestContext, input: CreateUserInput) {
  const departmentIds = await assertOwnDepartments(ctx, input.departmentIds);
  const passwordHash = await hashPassword(input.password);
  const user = await ctx.db.$transaction(async (tx) => {
    const created = await tx.user.create({
      data: {
        companyId: ctx.principal.companyId,
        name: input.name,
        email: input.email,
        role: input.role,
        maxConcurrentChats: input.maxConcurrentChats,
        passwordHash,
        // The admin chose this password, so it is shared knowledge until the user replaces it.
        mustChangePassword: true,
        memberships: { create: departmentIds.map((departmentId) => ({ departmentId, companyId: ctx.principal.companyId })) },
      },
      select: publicUserSelect,
    });
    await recordAudit(tx, ctx, { action: 'user.create', entity: 'user', entityId: created.id, metadata: { email: input.email, role: input.role, departmentIds } });
    return created;
  });
  return toPublicUser(user);
}

/** A company always keeps one active admin, or nobody could manage it any more. */
async function assertKeepsAnAdmin(ctx: RequestContext, userId: string, input: UpdateUserInput) {
  const losesAdmin = (input.role !== undefined && input.role !== 'ADMIN') || input.active === false;
  if (!losesAdmin) return;
  const otherAdmins = await ctx.db.user.count({ where: { role: 'ADMIN', active: true, id: { not: userId } } });
  if (otherAdmins === 0) throw new AppError('CONFLICT', 'A empresa precisa de pelo menos um administrador ativo');
}

export async function updateUser(ctx: RequestContext, id: string, input: UpdateUserInput) {
  const existing = await ctx.db.user.findUnique({ where: { id }, select: { id: true, role: true, active: true } });
  if (!existing) throw notFound('Usuário');
  if (existing.role === 'ADMIN' && existing.active) await assertKeepsAnAdmin(ctx, id, input);
  const departmentIds = input.departmentIds && (await assertOwnDepartments(ctx, input.departmentIds));
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const user = await ctx.db.$transaction(async (tx) => {
    if (departmentIds) {
      await tx.departmentMember.deleteMany({ where: { userId: id } });
      await tx.departmentMember.createMany({ data: departmentIds.map((departmentId) => ({ departmentId, userId: id, companyId: ctx.principal.companyId })) });
    }
    const updated = await tx.user.update({
      where: { id },
      data: {
        name: input.name,
        email: input.email,
        role: input.role,
        maxConcurrentChats: input.maxConcurrentChats,
        active: input.active,
        ...(passwordHash ? { passwordHash, mustChangePassword: true } : {}),
      },
      select: publicUserSelect,
    });
    // A deactivated user or one whose password an admin replaced must lose every open session.
    if (input.active === false || passwordHash) {
      await tx.refreshToken.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    const { password: _omitted, ...changes } = input;
    await recordAudit(tx, ctx, { action: 'user.update', entity: 'user', entityId: id, metadata: { ...changes, passwordChanged: Boolean(passwordHash) } });
    return updated;
  });
  return toPublicUser(user);
}

export async function deactivateUser(ctx: RequestContext, id: string) {
  if (id === ctx.principal.userId) throw new AppError('CONFLICT', 'Você não pode desativar a própria conta');
  return updateUser(ctx, id, { active: false });
}

export async function setPresence(ctx: RequestContext, status: z.infer<typeof presenceSchema>) {
  const user = await ctx.db.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: ctx.principal.userId }, data: { status }, select: publicUserSelect });
    await recordAudit(tx, ctx, { action: 'user.presence', entity: 'user', entityId: ctx.principal.userId, metadata: { status } });
    return updated;
  });
  return toPublicUser(user);
}

/**
 * Who works here, for every role: names beside messages and transfers, presence and load in the
 * inbox. No e-mail or settings: only what a colleague sees.
 */
export async function userDirectory(ctx: RequestContext) {
  // Former colleagues stay listed (active: false): their names still sign old messages and hand-overs.
  const users = await ctx.db.user.findMany({
    orderBy: { name: 'asc' },
    select: { id: true, name: true, role: true, status: true, active: true, maxConcurrentChats: true, memberships: { select: { departmentId: true } } },
  });
  const load = await ctx.db.conversation.groupBy({ by: ['assigneeId'], where: { status: 'ASSIGNED', assigneeId: { in: users.map((u) => u.id) } }, _count: { _all: true } });
  const open = new Map(load.map((l) => [l.assigneeId, l._count._all]));
  return { items: users.map(({ memberships, ...u }) => ({ ...u, departmentIds: memberships.map((m) => m.departmentId), openConversations: open.get(u.id) ?? 0 })) };
}
