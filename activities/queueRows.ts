import type { Sql } from '../api/whatsapp/sql';
import type { AssignmentReason, AssignmentStrategy } from '../prisma/client';

// Every routed conversation passes here once: two statements instead of the nine Prisma calls
// (reads, a transaction of four writes) whose query compiler cost the worker more than the writes.

export interface QueueRow {
  companyId: string;
  numberId: string;
  status: string;
  departmentId: string | null;
  assigneeId: string | null;
  /** Epoch milliseconds (the columns hold UTC without a zone). */
  queuedAt: number | null;
  timeoutAt: number | null;
  department: { id: string; name: string; businessHours: unknown; responseTimeoutMinutes: number; assignmentStrategy: AssignmentStrategy; maxEscalations: number };
  /** Who moved it (a transfer), for the timeline. */
  byUserName: string | null;
}

const READ = `
SELECT c."companyId", c."numberId", c."status", c."departmentId", c."assigneeId",
  extract(epoch FROM c."queuedAt") * 1000 AS "queuedAt", extract(epoch FROM c."timeoutAt") * 1000 AS "timeoutAt",
  json_build_object('id', d."id", 'name', d."name", 'businessHours', d."businessHours", 'responseTimeoutMinutes', d."responseTimeoutMinutes",
                    'assignmentStrategy', d."assignmentStrategy", 'maxEscalations', d."maxEscalations") AS "department",
  (SELECT u."name" FROM "User" u WHERE u."id" = $3::uuid) AS "byUserName"
FROM "Conversation" c, "Department" d
WHERE c."id" = $1 AND d."id" = $2`;

export async function readQueueRow(sql: Sql, conversationId: string, departmentId: string, byUserId: string | undefined): Promise<QueueRow> {
  const found = await sql.query<QueueRow>(READ, [conversationId, departmentId, byUserId ?? null]);
  const row = found.rows[0];
  if (!row) throw new Error(`conversation ${conversationId} or department ${departmentId} not found`);
  // extract() comes back as numeric, which pg hands over as text.
  return { ...row, queuedAt: row.queuedAt === null ? null : Number(row.queuedAt), timeoutAt: row.timeoutAt === null ? null : Number(row.timeoutAt) };
}

// One statement, so all of it happens or none: the step's Assignment row says it was done, and a
// retried activity that finds it changes nothing but the conversation row it already wrote.
const QUEUE = `
WITH done AS (SELECT 1 FROM "Assignment" WHERE "id" = $2),
ended AS (
  UPDATE "Assignment" SET "endedAt" = now()
  WHERE "conversationId" = $1 AND "endedAt" IS NULL AND NOT EXISTS (SELECT 1 FROM done)
),
opened AS (
  INSERT INTO "Assignment" ("id", "companyId", "conversationId", "departmentId", "agentId", "byUserId", "reason", "note")
  SELECT $2, $3, $1, $4, NULL, $5, $6::"AssignmentReason", $7 WHERE NOT EXISTS (SELECT 1 FROM done)
),
timeline AS (
  INSERT INTO "Message" ("id", "companyId", "conversationId", "numberId", "direction", "type", "body", "content", "status", "senderUserId")
  SELECT $2, $3, $1, $8, 'OUTBOUND', 'event', $9, json_build_object('event', $10::text)::jsonb, 'SENT', $5
  WHERE $9::text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM done)
  ON CONFLICT ("id") DO NOTHING
)
UPDATE "Conversation" SET
  "status" = 'QUEUED', "departmentId" = $4, "assigneeId" = NULL, "flowState" = 'DEPARTMENT_SELECTED',
  "queuedAt" = to_timestamp($11::float8 / 1000) AT TIME ZONE 'UTC',
  "timeoutAt" = to_timestamp($12::float8 / 1000) AT TIME ZONE 'UTC',
  "updatedAt" = now()
WHERE "id" = $1`;

export interface QueueWrite {
  conversationId: string;
  stepId: string;
  companyId: string;
  numberId: string;
  departmentId: string;
  reason: AssignmentReason;
  byUserId?: string;
  note?: string;
  /** A line in the conversation's timeline (transfer, escalation), written with the step. */
  event?: { kind: string; text: string };
  queuedAt: number;
  timeoutAt: number;
}

export async function writeQueued(sql: Sql, write: QueueWrite): Promise<void> {
  await sql.query(QUEUE, [
    write.conversationId,
    write.stepId,
    write.companyId,
    write.departmentId,
    write.byUserId ?? null,
    write.reason,
    write.note ?? null,
    write.numberId,
    write.event?.text ?? null,
    write.event?.kind ?? null,
    write.queuedAt,
    write.timeoutAt,
  ]);
}
