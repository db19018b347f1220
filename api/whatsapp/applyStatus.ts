import type { MessageStatus } from '../../prisma/client';
import type { Sql } from './sql';
import type { StatusUpdate } from './webhookSchemas';

const RANK: Record<MessageStatus, number> = { RECEIVED: 0, QUEUED: 0, UNKNOWN: 0, SENT: 1, DELIVERED: 2, READ: 3, FAILED: 1.5 };
const TIMESTAMP_COLUMN = { SENT: 'sentAt', DELIVERED: 'deliveredAt', READ: 'readAt', FAILED: 'failedAt' } as const;
const FROM_META = { sent: 'SENT', delivered: 'DELIVERED', read: 'READ', failed: 'FAILED' } as const;

export type ApplyStatusResult =
  | { outcome: 'applied' | 'stale' | 'ignored'; messageId?: string; conversationId?: string; departmentId?: string | null; assigneeId?: string | null; status?: MessageStatus }
  | { outcome: 'missing' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A send whose answer never reached us (the worker died between Meta's 200 and our write) left its
 * row without a WhatsApp id; the status carries our row id back, so the row learns its id here and
 * the send's retry finds the message already sent instead of sending it twice.
 */
async function adoptLostSend(sql: Sql, numberId: string, update: StatusUpdate): Promise<boolean> {
  const rowId = update.biz_opaque_callback_data;
  if (!rowId || !UUID.test(rowId)) return false;
  const adopted = await sql.query(`UPDATE "Message" SET "waMessageId" = $3 WHERE "id" = $1 AND "numberId" = $2 AND "waMessageId" IS NULL AND "direction" = 'OUTBOUND'`, [rowId, numberId, update.id]);
  return (adopted.rowCount ?? 0) > 0;
}

/**
 * Statuses only move forward (a late "delivered" never undoes "read"), and one may arrive before we
 * stored the message it describes: then it is reported missing and the event is retried later.
 * Whether or not the status moves, the moment it happened is kept.
 */
export async function applyStatus(sql: Sql, numberId: string, update: StatusUpdate): Promise<ApplyStatusResult> {
  const status = FROM_META[update.status as keyof typeof FROM_META];
  if (!status) return { outcome: 'ignored' };
  const at = new Date(Number(update.timestamp) * 1000 || Date.now());
  const lower = (Object.keys(RANK) as MessageStatus[]).filter((s) => RANK[s] < RANK[status]);
  const error = update.errors?.[0];
  const column = TIMESTAMP_COLUMN[status];
  const failure = status === 'FAILED' ? [error?.code ?? null, error?.error_data?.details ?? error?.message ?? error?.title ?? null] : [null, null];
  // The column name comes from the fixed map above, never from input.
  const result = await sql.query<{ id: string; conversationId: string; departmentId: string | null; assigneeId: string | null; moved: boolean }>(
    `UPDATE "Message" SET
       "status" = CASE WHEN "status" = ANY($3::"MessageStatus"[]) THEN $4::"MessageStatus" ELSE "status" END,
       "${column}" = CASE WHEN "status" = ANY($3::"MessageStatus"[]) THEN $5 ELSE COALESCE("${column}", $5) END,
       "errorCode" = CASE WHEN "status" = ANY($3::"MessageStatus"[]) AND $4::"MessageStatus" = 'FAILED' THEN $6 ELSE "errorCode" END,
       "errorMessage" = CASE WHEN "status" = ANY($3::"MessageStatus"[]) AND $4::"MessageStatus" = 'FAILED' THEN $7 ELSE "errorMessage" END
     WHERE "numberId" = $1 AND "waMessageId" = $2
     RETURNING "id", "conversationId", ("status" = $4::"MessageStatus") AS moved,
       (SELECT c."departmentId" FROM "Conversation" c WHERE c."id" = "Message"."conversationId") AS "departmentId",
       (SELECT c."assigneeId" FROM "Conversation" c WHERE c."id" = "Message"."conversationId") AS "assigneeId"`,
    [numberId, update.id, lower, status, at, ...failure],
  );
  const row = result.rows[0];
  if (!row) return (await adoptLostSend(sql, numberId, update)) ? applyStatus(sql, numberId, update) : { outcome: 'missing' };
  return { outcome: row.moved ? 'applied' : 'stale', messageId: row.id, conversationId: row.conversationId, departmentId: row.departmentId, assigneeId: row.assigneeId, status };
}
