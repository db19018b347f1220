import { ZodError } from 'zod';
import type { Db, WebhookEventStatus } from '../../prisma/client';

/** After this many re-drives a transient failure is treated as permanent and left for a person. */
export const MAX_ATTEMPTS = 20;

/** A shape we cannot read will never improve; anything else (database, network) is retried. */
export function outcomeOfFailure(error: unknown, attempts: number): { outcome: WebhookEventStatus; lastError: string } {
  return {
    outcome: error instanceof ZodError || attempts >= MAX_ATTEMPTS ? 'FAILED' : 'RECEIVED',
    lastError: error instanceof Error ? error.message.slice(0, 2000) : String(error),
  };
}

/** Records how processing ended; RECEIVED and DEFERRED events are picked up again by the re-driver. */
export async function settleEvent(db: Db, eventId: string, result: { outcome: WebhookEventStatus; companyId: string | null; lastError: string | null }) {
  await db.webhookEvent.update({
    where: { id: eventId },
    data: { status: result.outcome, companyId: result.companyId, lastError: result.lastError, processedAt: result.outcome === 'PROCESSED' ? new Date() : null },
  });
}
