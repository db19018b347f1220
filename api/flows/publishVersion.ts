import type { Prisma } from '../../prisma/client';
import type { FlowProblem } from '../../workflows/flow/validateFlow';
import { validateFlow } from '../../workflows/flow/validateFlow';
import type { FlowDefinition } from '../../workflows/flow/schema';

/**
 * Both the company-scoped client of a request and the seed's plain client: only the parts used here.
 * Company ids are passed explicitly, so the two behave the same.
 */
type DepartmentReader = { department: { findMany(args: { where: Prisma.DepartmentWhereInput; select: { id: true } }): Promise<{ id: string }[]> } };
type FlowWriter = {
  flowVersion: { findFirst(args: { where: { flowId: string }; orderBy: { version: 'desc' }; select: { version: true } }): Promise<{ version: number } | null>; create(args: { data: Prisma.FlowVersionUncheckedCreateInput }): Promise<{ id: string; version: number }> };
  flow: { update(args: { where: { id: string }; data: { publishedVersionId: string } }): Promise<unknown> };
};

/** The graph's own rules, then the company's: every department a block routes to must exist and be active. */
export async function checkFlow(db: DepartmentReader, companyId: string, draft: unknown): Promise<{ ok: true; flow: FlowDefinition } | { ok: false; problems: FlowProblem[] }> {
  const result = validateFlow(draft);
  if (!result.ok) return result;
  const wanted = result.flow.nodes.flatMap((n) => (n.type === 'route' || n.type === 'handoff' ? [{ nodeId: n.id, departmentId: n.config.departmentId }] : []));
  const found = new Set((await db.department.findMany({ where: { companyId, active: true, id: { in: wanted.map((w) => w.departmentId) } }, select: { id: true } })).map((d) => d.id));
  const problems = wanted.filter((w) => !found.has(w.departmentId)).map((w) => ({ nodeId: w.nodeId, code: 'unknown_department' as const, message: 'o departamento deste bloco não existe ou está inativo' }));
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
