import type { Sql } from '../api/whatsapp/sql';

// Every new conversation starts here, inside its first workflow task: one statement instead of the
// seven Prisma calls it took, whose query compiler cost the worker more CPU than the reads themselves.

export interface SetupRow {
  companyId: string;
  companyName: string;
  settings: unknown;
  contactName: string | null;
  profileName: string | null;
  phone: string | null;
  /** Active departments, oldest first: the generated menu's options and the fallback (the last). */
  departments: { id: string; name: string; slug: string }[];
  /** The builder's simulator playing this customer: the draft it snapshotted, until it expires. */
  simulation: { id: string; definition: unknown } | null;
  /** The published version of the number's flow, else (none, or not published yet) of the company's default flow. */
  published: { id: string; definition: unknown } | null;
  /** The contact's latest attended conversation (closedAt in ms since the epoch). */
  previous: { departmentId: string; assigneeId: string | null; closedAt: number } | null;
}

const SETUP = `
SELECT c."companyId", co."name" AS "companyName", co."settings", ct."name" AS "contactName", ct."profileName", ct."phone",
  (SELECT coalesce(json_agg(json_build_object('id', d."id", 'name', d."name", 'slug', d."slug") ORDER BY d."createdAt", d."id"), '[]'::json)
     FROM "Department" d WHERE d."companyId" = c."companyId" AND d."active") AS "departments",
  (SELECT json_build_object('id', s."id", 'definition', s."definition")
     FROM "FlowSimulation" s WHERE s."companyId" = c."companyId" AND s."waId" = ct."waId" AND s."expiresAt" > now()
     ORDER BY s."createdAt" DESC LIMIT 1) AS "simulation",
  (SELECT json_build_object('id', v."id", 'definition', v."definition")
     FROM "Flow" f JOIN "FlowVersion" v ON v."id" = f."publishedVersionId"
     WHERE f."companyId" = c."companyId" AND (f."id" = n."flowId" OR f."isDefault")
     ORDER BY (f."id" = n."flowId") IS TRUE DESC LIMIT 1) AS "published",
  (SELECT json_build_object('departmentId', p."departmentId", 'assigneeId', p."assigneeId", 'closedAt', extract(epoch FROM p."closedAt") * 1000)
     FROM "Conversation" p
     WHERE p."contactId" = c."contactId" AND p."id" <> c."id" AND p."status" = 'RESOLVED' AND p."departmentId" IS NOT NULL AND p."closedAt" IS NOT NULL
     ORDER BY p."closedAt" DESC LIMIT 1) AS "previous"
FROM "Conversation" c
JOIN "Company" co ON co."id" = c."companyId"
JOIN "Contact" ct ON ct."id" = c."contactId"
JOIN "WhatsAppNumber" n ON n."id" = c."numberId"
WHERE c."id" = $1`;

export async function readSetupRow(sql: Sql, conversationId: string): Promise<SetupRow> {
  const found = await sql.query<SetupRow>(SETUP, [conversationId]);
  if (!found.rows[0]) throw new Error(`conversation ${conversationId} not found`);
  return found.rows[0];
}

export interface SetupMarks {
  simulationId?: string;
  flowVersionId?: string;
  returningFrom?: SetupRow['previous'];
}

// The columns hold UTC without a zone: the attended instant goes in as epoch milliseconds, not a local Date.
const MARK = `
UPDATE "Conversation" SET
  "simulationId" = COALESCE($2::uuid, "simulationId"),
  "flowVersionId" = COALESCE($3::uuid, "flowVersionId"),
  "lastDepartmentId" = CASE WHEN $4::uuid IS NULL THEN "lastDepartmentId" ELSE $4::uuid END,
  "lastAttendantId" = CASE WHEN $4::uuid IS NULL THEN "lastAttendantId" ELSE $5::uuid END,
  "lastAttendedAt" = CASE WHEN $4::uuid IS NULL THEN "lastAttendedAt" ELSE to_timestamp($6::float8 / 1000) AT TIME ZONE 'UTC' END,
  "updatedAt" = now()
WHERE "id" = $1 AND ($2::uuid IS NOT NULL OR $3::uuid IS NOT NULL OR $4::uuid IS NOT NULL)`;

/** What the screens show of the start: the version (or simulation) the conversation runs, and who attended it last. */
export async function markSetup(sql: Sql, conversationId: string, marks: SetupMarks): Promise<void> {
  const { simulationId, flowVersionId, returningFrom } = marks;
  await sql.query(MARK, [conversationId, simulationId ?? null, flowVersionId ?? null, returningFrom?.departmentId ?? null, returningFrom?.assigneeId ?? null, returningFrom?.closedAt ?? null]);
}
