import type { Db, MessageStatus } from '../../prisma/client';
import type { StatusUpdate } from './webhookSchemas';

const RANK: Record<MessageStatus, number> = { RECEIVED: 0, QUEUED: 0, UNKNOWN: 0, SENT: 1, DELIVERED: 2, READ: 3, FAILED: 1.5 };
const TIMESTAMP_COLUMN = { SENT: 'sentAt', DELIVERED: 'deliveredAt', READ: 'readAt', FAILED: 'failedAt' } as const;
const FROM_META = { sent: 'SENT', delivered: 'DELIVERED', read: 'READ', failed: 'FAILED' } as const;

export type ApplyStatusResult = { outcome: 'applied' | 'stale' | 'ignored'; messageId?: string; conversationId?: string; status?: MessageStatus } | { outcome: 'missing' };

/**
 * Statuses only move forward (a late "delivered" never undoes "read"), and one may arrive before we
 * stored the message it describes: then it is reported missing and the event is retried later.
 */
export async function applyStatus(db: Db, numberId: string, update: StatusUpdate): Promise<ApplyStatusResult> {
  const status = FROM_META[update.status as keyof typeof FROM_META];
  if (!status) return { outcome: 'ignored' };
  const message = await db.message.findUnique({ where: { numberId_waMessageId: { numberId, waMessageId: update.id } }, select: { id: true, conversationId: true } });
  if (!message) return { outcome: 'missing' };
  const at = new Date(Number(update.timestamp) * 1000 || Date.now());
  const lower = (Object.keys(RANK) as MessageStatus[]).filter((s) => RANK[s] < RANK[status]);
  const error = update.errors?.[0];
  const moved = await db.message.updateMany({
    where: { id: message.id, status: { in: lower } },
    data: {
      status,
      [TIMESTAMP_COLUMN[status]]: at,
      ...(status === 'FAILED' ? { errorCode: error?.code ?? null, errorMessage: error?.error_data?.details ?? error?.message ?? error?.title ?? null } : {}),
    },
  });
  if (moved.count === 0) {
    // Record when it happened even though the status itself stays ahead.
    await db.message.updateMany({ where: { id: message.id, [TIMESTAMP_COLUMN[status]]: null }, data: { [TIMESTAMP_COLUMN[status]]: at } });
  }
  return { outcome: moved.count ? 'applied' : 'stale', messageId: message.id, conversationId: message.conversationId, status };
}
