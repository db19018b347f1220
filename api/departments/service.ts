import type { RequestContext } from '../auth/authenticate';
import { recordAudit } from '../audit/record';
import { AppError, notFound } from '../errors';
import { slugify, type CreateDepartmentInput, type UpdateDepartmentInput } from './schemas';

const departmentSelect = {
  id: true,
  name: true,
  slug: true,
  color: true,
  greeting: true,
  responseTimeoutMinutes: true,
  assignmentStrategy: true,
  escalationDepartmentId: true,
  maxEscalations: true,
  businessHours: true,
  active: true,
  createdAt: true,
  members: { select: { user: { select: { id: true, name: true, email: true, role: true, status: true, active: true } } } },
} as const;

type Row = { members: { user: unknown }[] } & Record<string, unknown>;
const toDepartment = <T extends Row>({ members, ...department }: T) => ({ ...department, members: members.map((m) => m.user as T['members'][number]['user']) });

/** Agents work only inside their departments: for them, other departments do not exist. */
const visibleTo = (ctx: RequestContext) =>
  ctx.principal.role === 'AGENT' ? { members: { some: { userId: ctx.principal.userId } } } : {};

async function assertOwnUsers(ctx: RequestContext, userIds: string[]) {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return unique;
  const found = await ctx.db.user.count({ where: { id: { in: unique } } });
  if (found !== unique.length) throw new AppError('UNPROCESSABLE', 'Um ou mais usuários não existem', { field: 'memberIds' });
  return unique;
}

/** An escalation target must be another department of the same company. */
async function assertOwnDepartment(ctx: RequestContext, id: string | null | undefined, self?: string) {
  if (!id) return id;
  if (id === self) throw new AppError('UNPROCESSABLE', 'Um departamento não pode escalar para si mesmo', { field: 'escalationDepartmentId' });
  if (!(await ctx.db.department.findFirst({ where: { id }, select: { id: true } }))) throw new AppError('UNPROCESSABLE', 'O departamento de escalonamento não existe', { field: 'escalationDepartmentId' });
  return id;
}

export async function listDepartments(ctx: RequestContext) {
  const rows = await ctx.db.department.findMany({ where: visibleTo(ctx), orderBy: { name: 'asc' }, select: departmentSelect });
  return { items: rows.map(toDepartment) };
}

export async function getDepartment(ctx: RequestContext, id: string) {
  const row = await ctx.db.department.findFirst({ where: { id, ...visibleTo(ctx) }, select: departmentSelect });
  if (!row) throw notFound('Departamento');
  return toDepartment(row);
}

export async function createDepartment(ctx: RequestContext, input: CreateDepartmentInput) {
  const memberIds = await assertOwnUsers(ctx, input.memberIds);
  const slug = input.slug ?? slugify(input.name);
  if (!slug) throw new AppError('VALIDATION_FAILED', 'Não foi possível gerar um identificador a partir do nome', [{ path: 'slug', message: 'informe um slug' }]);
  const row = await ctx.db.$transaction(async (tx) => {
    const created = await tx.department.create({
      data: {
        companyId: ctx.principal.companyId,
        name: input.name,
        slug,
        color: input.color,
        greeting: input.greeting,
        responseTimeoutMinutes: input.responseTimeoutMinutes,
        assignmentStrategy: input.assignmentStrategy,
        escalationDepartmentId: await assertOwnDepartment(ctx, input.escalationDepartmentId),
        maxEscalations: input.maxEscalations,
        businessHours: input.businessHours,
        active: input.active,
        members: { create: memberIds.map((userId) => ({ userId, companyId: ctx.principal.companyId })) },
      },
      select: departmentSelect,
    });
    await recordAudit(tx, ctx, { action: 'department.create', entity: 'department', entityId: created.id, metadata: { name: input.name, slug, memberIds } });
    return created;
  });
  return toDepartment(row);
}

export async function updateDepartment(ctx: RequestContext, id: string, input: UpdateDepartmentInput) {
  const existing = await ctx.db.department.findUnique({ where: { id }, select: { id: true } });
  if (!existing) throw notFound('Departamento');
  const memberIds = input.memberIds && (await assertOwnUsers(ctx, input.memberIds));
  await assertOwnDepartment(ctx, input.escalationDepartmentId, id);
  const row = await ctx.db.$transaction(async (tx) => {
    if (memberIds) {
      await tx.departmentMember.deleteMany({ where: { departmentId: id } });
      await tx.departmentMember.createMany({ data: memberIds.map((userId) => ({ userId, departmentId: id, companyId: ctx.principal.companyId })) });
    }
    const { memberIds: _members, ...fields } = input;
    const updated = await tx.department.update({ where: { id }, data: fields, select: departmentSelect });
    await recordAudit(tx, ctx, { action: 'department.update', entity: 'department', entityId: id, metadata: { ...fields, ...(memberIds ? { memberIds } : {}) } });
    return updated;
  });
  return toDepartment(row);
}

export async function deleteDepartment(ctx: RequestContext, id: string) {
  const existing = await ctx.db.department.findUnique({ where: { id }, select: { id: true, name: true } });
  if (!existing) throw notFound('Departamento');
  await ctx.db.$transaction(async (tx) => {
    await tx.department.delete({ where: { id } });
    await recordAudit(tx, ctx, { action: 'department.delete', entity: 'department', entityId: id, metadata: { name: existing.name } });
  });
}

/** Every active department by name, for every role: where an agent may transfer a conversation. */
export async function departmentDirectory(ctx: RequestContext) {
  const items = await ctx.db.department.findMany({ where: { active: true }, orderBy: { name: 'asc' }, select: { id: true, name: true, color: true } });
  return { items };
}
