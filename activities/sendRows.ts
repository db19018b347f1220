import type { Sql } from '../api/whatsapp/sql';
import { utcTimestamps } from '../api/whatsapp/utcTimestamps';

// Every bot and agent message passes here, three statements a send: in plain SQL, because through
// Prisma's query compiler they cost the worker more CPU than the rest of the conversation together.

export interface SendTarget {
  companyId: string;
  numberId: string;
  departmentId: string | null;
  assigneeId: string | null;
  answered: boolean;
  waId: string;
  phoneNumberId: string;
}

export interface QueuedRow {
  id: string;
  waMessageId: string | null;
  status: string;
  /** Written by this call: no earlier attempt got as far as the row, so none can have sent it. */
  fresh: boolean;
}

const TARGET = `
SELECT c."companyId", c."numberId", c."departmentId", c."assigneeId", c."firstResponseAt" IS NOT NULL AS "answered", ct."waId", n."phoneNumberId"
FROM "Conversation" c JOIN "Contact" ct ON ct."id" = c."contactId" JOIN "WhatsAppNumber" n ON n."id" = c."numberId"
WHERE c."id" = $1`;

// A retried activity finds the row its first attempt wrote (same id) instead of writing a second one.
const QUEUE = `
WITH inserted AS (
  INSERT INTO "Message" ("id", "companyId", "conversationId", "numberId", "direction", "type", "body", "content", "status", "senderUserId", "mediaId")
  VALUES ($1, $2, $3, $4, 'OUTBOUND', $5, $6, $7::jsonb, 'QUEUED', $8, $9)
  ON CONFLICT ("id") DO NOTHING
  RETURNING "id", "waMessageId", "status", true AS "fresh"
)
SELECT * FROM inserted
UNION ALL
SELECT "id", "waMessageId", "status", false AS "fresh" FROM "Message" WHERE "id" = $1 AND NOT EXISTS (SELECT 1 FROM inserted)`;

// Only QUEUED moves to SENT: a status webhook may already have pushed the row further.
const SENT = `
WITH sent AS (
  UPDATE "Message" SET
    "waMessageId" = $2,
    "status" = CASE WHEN "status" = 'QUEUED' THEN 'SENT'::"MessageStatus" ELSE "status" END,
    "sentAt" = CASE WHEN "status" = 'QUEUED' THEN now() ELSE "sentAt" END
  WHERE "id" = $1
  RETURNING *
), bumped AS (
  UPDATE "Conversation" SET
    "lastMessageAt" = now(),
    "flowState" = COALESCE($4, "flowState"),
    "firstResponseAt" = CASE WHEN $5::boolean THEN COALESCE("firstResponseAt", now()) ELSE "firstResponseAt" END,
    "updatedAt" = now()
  WHERE "id" = $3
)
SELECT row_to_json(sent) AS message FROM sent`;

export async function findSendTarget(sql: Sql, conversationId: string): Promise<SendTarget> {
  const found = await sql.query<SendTarget>(TARGET, [conversationId]);
  if (!found.rows[0]) throw new Error(`Conversation ${conversationId} not found`);
  return found.rows[0];
}

export async function queueOutbound(
  sql: Sql,
  target: SendTarget,
  row: { id: string; conversationId: string; type: string; body: string; content: unknown; senderUserId: string | null; mediaId: string | null },
): Promise<QueuedRow> {
  const queued = await sql.query<QueuedRow>(QUEUE, [row.id, target.companyId, row.conversationId, target.numberId, row.type, row.body, JSON.stringify(row.content), row.senderUserId, row.mediaId]);
  return queued.rows[0]!;
}

/** Records the WhatsApp id and SENT, and bumps the conversation; returns the row as screens show it. */
export async function markSent(sql: Sql, input: { messageId: string; waMessageId: string; conversationId: string; flowState?: string; firstAnswer: boolean }) {
  const sent = await sql.query<{ message: Record<string, unknown> }>(SENT, [input.messageId, input.waMessageId, input.conversationId, input.flowState ?? null, input.firstAnswer]);
  return utcTimestamps(sent.rows[0]!.message);
}
