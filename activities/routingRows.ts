import type { Sql } from '../api/whatsapp/sql';
import type { AssignmentReason, AssignmentStrategy } from '../prisma/client';

// Every routed, accepted, transferred or closed conversation passes here: each step writes in one
// statement (automatic assignment runs it inside its lock's transaction), instead of the Prisma reads
// and transactions whose query compiler cost the worker more than the writes. One statement is all or
// nothing, so the step's row (an Assignment or a timeline line carrying the step id) says it was done,
// and a retried activity does not do it again.

/** Runs one parameterised statement: a pg pool, or a Prisma transaction's `$executeRawUnsafe`. */
export type RunStatement = (text: string, params: unknown[]) => Promise<unknown>;
export const onPool = (sql: Sql): RunStatement => (text, params) => sql.query(text, params);

export interface RoutingRow {
  id: string;
  companyId: string;
  numberId: string;
  status: string;
  departmentId: string | null;
  assigneeId: string | null;
  /** When the queue escalates, epoch milliseconds (the column holds UTC without a zone). */
  timeoutAt: number | null;
  /** The department the step names, or the conversation's own. */
  department: { id: string; name: string; businessHours: unknown; responseTimeoutMinutes: number; assignmentStrategy: AssignmentStrategy; maxEscalations: number; escalationDepartmentId: string | null } | null;
  /** Names of the people the step mentions, for the timeline. */
  names: Record<string, string>;
  /** The step's Assignment row exists: this is a retry, or a run that continued as new doing it again. */
  stepDone: boolean;
}

const READ = `
SELECT c."id", c."companyId", c."numberId", c."status", c."departmentId", c."assigneeId",
  extract(epoch FROM c."timeoutAt") * 1000 AS "timeoutAt",
  (SELECT json_build_object('id', d."id", 'name', d."name", 'businessHours', d."businessHours", 'responseTimeoutMinutes', d."responseTimeoutMinutes",
                            'assignmentStrategy', d."assignmentStrategy", 'maxEscalations', d."maxEscalations", 'escalationDepartmentId', d."escalationDepartmentId")
   FROM "Department" d WHERE d."id" = coalesce($2::uuid, c."departmentId")) AS "department",
  (SELECT coalesce(json_object_agg(u."id", u."name"), '{}'::json) FROM "User" u WHERE u."id" = ANY($3::uuid[])) AS "names",
  EXISTS (SELECT 1 FROM "Assignment" a WHERE a."id" = $4::uuid) AS "stepDone"
FROM "Conversation" c
WHERE c."id" = $1`;

export async function readRoutingRow(sql: Sql, conversationId: string, departmentId: string | null, userIds: (string | null | undefined)[] = [], stepId: string | null = null): Promise<RoutingRow> {
  const found = await sql.query<RoutingRow>(READ, [conversationId, departmentId, userIds.filter((id): id is string => !!id), stepId]);
  const row = found.rows[0];
  if (!row) throw new Error(`conversation ${conversationId} not found`);
  // extract() comes back as numeric, which pg hands over as text.
  return { ...row, timeoutAt: row.timeoutAt === null ? null : Number(row.timeoutAt) };
}

/** Who said what in a step, as every statement below takes it. */
export interface TimelineLine {
  kind: string;
  text: string;
  byUserId?: string | null;
}

// $1 conversation, $2 step, $3 company, $4 number, $5 line text, $6 line kind, $7 by user.
const TIMELINE = `
  INSERT INTO "Message" ("id", "companyId", "conversationId", "numberId", "direction", "type", "body", "content", "status", "senderUserId")
  SELECT $2, $3, $1, $4, 'OUTBOUND', 'event', $5, json_build_object('event', $6::text)::jsonb, 'SENT', $7::uuid
  WHERE $5::text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM done)
  ON CONFLICT ("id") DO NOTHING`;
const timelineParams = (row: Pick<RoutingRow, 'id' | 'companyId' | 'numberId'>, stepId: string, line: TimelineLine | null | undefined) => [row.id, stepId, row.companyId, row.numberId, line?.text ?? null, line?.kind ?? null, line?.byUserId ?? null];

// The previous holder's row ends and the step's opens: $8 department, $9 agent (none while queued),
// $10 reason, $11 note, $12 who moved it. The agent's turn in round-robin counts from now.
const HAND_OVER = `
WITH done AS (SELECT 1 FROM "Assignment" WHERE "id" = $2),
ended AS (
  UPDATE "Assignment" SET "endedAt" = now()
  WHERE "conversationId" = $1 AND "endedAt" IS NULL AND NOT EXISTS (SELECT 1 FROM done)
),
opened AS (
  INSERT INTO "Assignment" ("id", "companyId", "conversationId", "departmentId", "agentId", "byUserId", "reason", "note")
  SELECT $2, $3, $1, $8::uuid, $9::uuid, $12::uuid, $10::"AssignmentReason", $11 WHERE NOT EXISTS (SELECT 1 FROM done)
),
timeline AS (${TIMELINE}),
turn AS (UPDATE "User" SET "lastAssignedAt" = now() WHERE "id" = $9::uuid AND NOT EXISTS (SELECT 1 FROM done))
UPDATE "Conversation" SET`;

const QUEUED = `${HAND_OVER}
  "status" = 'QUEUED', "departmentId" = $8::uuid, "assigneeId" = NULL, "flowState" = 'DEPARTMENT_SELECTED',
  "queuedAt" = to_timestamp($13::float8 / 1000) AT TIME ZONE 'UTC',
  "timeoutAt" = to_timestamp($14::float8 / 1000) AT TIME ZONE 'UTC',
  "updatedAt" = now()
WHERE "id" = $1 AND NOT EXISTS (SELECT 1 FROM done)`;

// Accepting reads the conversation (unread back to 0); reopening makes it open again.
const ASSIGNED = `${HAND_OVER}
  "status" = 'ASSIGNED', "departmentId" = $8::uuid, "assigneeId" = $9::uuid, "flowState" = 'ASSIGNED', "timeoutAt" = NULL,
  "unreadCount" = CASE WHEN $10::text = 'ACCEPTED' THEN 0 ELSE "unreadCount" END,
  "closedAt" = CASE WHEN $10::text = 'REOPENED' THEN NULL ELSE "closedAt" END,
  "updatedAt" = now()
WHERE "id" = $1 AND NOT EXISTS (SELECT 1 FROM done)`;

export interface HandOver {
  stepId: string;
  departmentId: string | null;
  reason: AssignmentReason;
  byUserId?: string | null;
  note?: string | null;
  line?: TimelineLine | null;
}

const handOverParams = (row: RoutingRow, step: HandOver, agentId: string | null) => [
  ...timelineParams(row, step.stepId, step.line && { ...step.line, byUserId: step.line.byUserId ?? step.byUserId }),
  step.departmentId,
  agentId,
  step.reason,
  step.note ?? null,
  step.byUserId ?? null,
];

/** The conversation waits in `departmentId`'s queue from `queuedAt` and escalates at `timeoutAt`. */
export async function writeQueued(run: RunStatement, row: RoutingRow, step: HandOver & { departmentId: string; queuedAt: number; timeoutAt: number }) {
  await run(QUEUED, [...handOverParams(row, step, null), step.queuedAt, step.timeoutAt]);
}

/** The conversation is `agentId`'s. */
export async function writeAssigned(run: RunStatement, row: RoutingRow, step: HandOver & { agentId: string }) {
  await run(ASSIGNED, handOverParams(row, step, step.agentId));
}

/** The step's timeline line exists: it was done. */
const LINE_DONE = `WITH done AS (SELECT 1 FROM "Message" WHERE "id" = $2)`;

/** A line in the timeline alone (the bot stopped, say), written once per step. */
export async function writeTimelineLine(run: RunStatement, conversation: Pick<RoutingRow, 'id' | 'companyId' | 'numberId'>, step: { stepId: string; line: TimelineLine }) {
  await run(`${LINE_DONE} ${TIMELINE}`, timelineParams(conversation, step.stepId, step.line));
}

// $8 the next escalation's time (none after the last, or when it moves elsewhere).
const ESCALATED = `${LINE_DONE},
timeline AS (${TIMELINE})
UPDATE "Conversation" SET "escalations" = "escalations" + 1, "timeoutAt" = to_timestamp($8::float8 / 1000) AT TIME ZONE 'UTC', "updatedAt" = now()
WHERE "id" = $1 AND NOT EXISTS (SELECT 1 FROM done)`;

/** Nobody accepted in time: a line in the timeline, one more escalation, and the next deadline. */
export async function writeEscalated(run: RunStatement, row: RoutingRow, step: { stepId: string; line: TimelineLine; nextTimeoutAt: number | null }) {
  await run(ESCALATED, [...timelineParams(row, step.stepId, step.line), step.nextTimeoutAt]);
}

// Ending assignments and closing again on a retry changes nothing: closedAt keeps the first close.
const RESOLVED = `${LINE_DONE},
ended AS (UPDATE "Assignment" SET "endedAt" = now() WHERE "conversationId" = $1 AND "endedAt" IS NULL),
timeline AS (${TIMELINE})
UPDATE "Conversation" SET "status" = 'RESOLVED', "flowState" = 'RESOLVED', "timeoutAt" = NULL, "closedAt" = coalesce("closedAt", now()), "updatedAt" = now()
WHERE "id" = $1`;

/** Closed: whoever held it lets go, and the timeline says who closed it or why. */
export async function writeResolved(run: RunStatement, row: RoutingRow, step: { stepId: string; line: TimelineLine }) {
  await run(RESOLVED, timelineParams(row, step.stepId, step.line));
}
