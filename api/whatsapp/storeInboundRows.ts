import type { NormalisedInbound } from './normaliseInbound';
import type { Sql } from './sql';
import { utcTimestamps } from './utcTimestamps';

export interface StoredInbound {
  /** Null when Meta repeated a message we already hold. */
  message: ({ id: string; companyId: string; conversationId: string; mediaId: string | null } & Record<string, unknown>) | null;
  conversation: ({ id: string; departmentId: string | null; assigneeId: string | null } & Record<string, unknown>) | null;
  conversationId: string;
}

// Plain SQL rather than Prisma on this path: each webhook needs four statements, and through Prisma's
// query compiler they cost about ten times the CPU of the acknowledgement itself.

const UPSERT_CONTACT_AND_CONVERSATION = `
WITH contact AS (
  INSERT INTO "Contact" ("id", "companyId", "waId", "phone", "profileName", "lastInboundAt", "updatedAt")
  VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, now())
  ON CONFLICT ("companyId", "waId") DO UPDATE SET
    "profileName" = COALESCE(EXCLUDED."profileName", "Contact"."profileName"),
    "lastInboundAt" = GREATEST("Contact"."lastInboundAt", EXCLUDED."lastInboundAt"),
    "updatedAt" = now()
  RETURNING "id"
)
INSERT INTO "Conversation" ("id", "companyId", "numberId", "contactId", "updatedAt")
SELECT gen_random_uuid(), $1, $6, contact."id", now() FROM contact
ON CONFLICT ("numberId", "contactId") WHERE "status" <> 'RESOLVED' DO UPDATE SET "updatedAt" = "Conversation"."updatedAt"
RETURNING "id"`;

const INSERT_MESSAGE_AND_BUMP = `
WITH msg AS (
  INSERT INTO "Message" ("id", "companyId", "conversationId", "numberId", "direction", "type", "body", "content", "status", "waMessageId", "replyToWaId", "providerTimestamp")
  VALUES (gen_random_uuid(), $1, $2, $3, 'INBOUND', $4, $5, $6::jsonb, 'RECEIVED', $7, $8, $9)
  ON CONFLICT ("numberId", "waMessageId") DO NOTHING
  RETURNING *
), bump AS (
  UPDATE "Conversation" c SET
    "lastMessageAt" = GREATEST(c."lastMessageAt", msg."providerTimestamp"),
    "lastInboundAt" = GREATEST(c."lastInboundAt", msg."providerTimestamp"),
    "unreadCount" = c."unreadCount" + 1,
    "updatedAt" = now()
  FROM msg WHERE c."id" = msg."conversationId"
  RETURNING c.*
)
SELECT (SELECT row_to_json(msg) FROM msg) AS message, (SELECT row_to_json(bump) FROM bump) AS conversation`;

/**
 * Contact, open conversation and message for one inbound WhatsApp message, idempotent on the
 * WhatsApp message id. One open conversation per contact and number is guaranteed by a partial
 * unique index, so two messages processed at once cannot open two.
 */
export async function storeInboundRows(sql: Sql, number: { id: string; companyId: string }, message: NormalisedInbound, profileName: string | undefined): Promise<StoredInbound> {
  const conversation = await sql.query<{ id: string }>(UPSERT_CONTACT_AND_CONVERSATION, [number.companyId, message.from, `+${message.from}`, profileName ?? null, message.timestamp, number.id]);
  const conversationId = conversation.rows[0]!.id;
  const content = { ...message.content, ...(message.media ? { media: { ...message.media } } : {}) };
  const inserted = await sql.query<Omit<StoredInbound, 'conversationId'>>(INSERT_MESSAGE_AND_BUMP, [
    number.companyId,
    conversationId,
    number.id,
    message.type,
    message.body,
    JSON.stringify(content),
    message.waMessageId,
    message.replyToWaId ?? null,
    message.timestamp,
  ]);
  const { message: row, conversation: bumped } = inserted.rows[0]!;
  return { message: utcTimestamps(row), conversation: utcTimestamps(bumped), conversationId };
}

export async function findInbound(sql: Sql, numberId: string, waMessageId: string) {
  const found = await sql.query<{ id: string; companyId: string; conversationId: string; mediaId: string | null; conversationStatus: string }>(
    `SELECT m."id", m."companyId", m."conversationId", m."mediaId", c."status" AS "conversationStatus"
     FROM "Message" m JOIN "Conversation" c ON c."id" = m."conversationId" WHERE m."numberId" = $1 AND m."waMessageId" = $2`,
    [numberId, waMessageId],
  );
  return found.rows[0];
}
