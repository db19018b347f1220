import type { Prisma } from '../../prisma/client';
import type { FlowProblem } from '../../workflows/flow/validateFlow';
import { validateFlow } from '../../workflows/flow/validateFlow';
import type { FlowDefinition } from '../../workflows/flow/schema';

/**
 * Both the company-scoped client of a request and the seed's plain client: only the parts used here.
 * Company ids are passed explicitly, so the two behave the same.
 */
type CompanyReader = {
  department: { findMany(args: { where: Prisma.DepartmentWhereInput; select: { id: true } }): Promise<{ id: string }[]> };
  flow: { findMany(args: { where: Prisma.FlowWhereInput; select: { id: true } }): Promise<{ id: string }[]> };
};
type FlowWriter = {
  flowVersion: { findFirst(args: { where: { flowId: string }; orderBy: { version: 'desc' }; select: { version: true } }): Promise<{ version: number } | null>; create(args: { data: Prisma.FlowVersionUncheckedCreateInput }): Promise<{ id: string; version: number }> };
  flow: { update(args: { where: { id: string }; data: { publishedVersionId: string } }): Promise<unknown> };
};

/** Departments a block names: where it routes, or whose hours or agents a condition looks at. */
function departmentsNamed(flow: FlowDefinition) {
  return flow.nodes.flatMap((n) => {
    if (n.type === 'route' || n.type === 'handoff') return [{ nodeId: n.id, departmentId: n.config.departmentId }];
    if (n.type === 'condition') return n.config.branches.flatMap((b) => ('departmentId' in b.rule ? [{ nodeId: n.id, departmentId: b.rule.departmentId }] : []));
    return [];
  });
}

/**
 * The graph's own rules, then the company's: every department a block names must exist and be
 * active, and every flow a jump goes to must be published.
 */
export async function checkFlow(db: CompanyReader, companyId: string, draft: unknown): Promise<{ ok: true; flow: FlowDefinition } | { ok: false; problems: FlowProblem[] }> {
  const result = validateFlow(draft);
  if (!result.ok) return result;
  const departments = departmentsNamed(result.flow);
  const jumps = result.flow.nodes.flatMap((n) => (n.type === 'jump' ? [{ nodeId: n.id, flowId: n.config.flowId }] : []));
  const foundDepartments = new Set((await db.department.findMany({ where: { companyId, active: true, id: { in: departments.map((w) => w.departmentId) } }, select: { id: true } })).map((d) => d.id));
  const foundFlows = new Set(jumps.length ? (await db.flow.findMany({ where: { companyId, publishedVersionId: { not: null }, id: { in: jumps.map((j) => j.flowId) } }, select: { id: true } })).map((f) => f.id) : []);
  const problems: FlowProblem[] = [
    ...departments.filter((w) => !foundDepartments.has(w.departmentId)).map((w) => ({ nodeId: w.nodeId, code: 'unknown_department' as const, message: 'o departamento deste bloco não existe ou está inativo' })),
    ...jumps.filter((j) => !foundFlows.has(j.flowId)).map((j) => ({ nodeId: j.nodeId, code: 'unknown_flow' as const, message: 'o fluxo de destino não existe ou ainda não foi publicado' })),
  ];
  return problems.length ? { ok: false, problems } : result;
}

/** Freezes a checked definition as the flow's next version and makes it the one that answers. */
export async function publishVersion(tx: FlowWriter, input: { companyId: string; flowId: string; definition: FlowDefinition; byUserId: string | null; note?: string }) {
  const last = await tx.flowVersion.findFirst({ where: { flowId: input.flowId }, orderBy: { version: 'desc' }, select: { version: true } });
  const version = await tx.flowVersion.create({
    data: { companyId: input.companyId, flowId: input.flowId, version: (last?.version ?? 0) + 1, definition: input.definition as Prisma.InputJsonObject, note: input.note ?? null, publishedById: input.byUserId },
  });
  await tx.flow.update({ where: { id: input.flowId }, data: { publishedVersionId: version.id } });
  return version;
}
