import { ZodError } from 'zod';
import type { WebhookEventStatus } from '../../prisma/client';
import type { Sql } from './sql';

/** After this many re-drives a transient failure is treated as permanent and left for a person. */
export const MAX_ATTEMPTS = 20;

/** A shape we cannot read will never improve; anything else (database, network) is retried. */
export function outcomeOfFailure(error: unknown, attempts: number): { outcome: WebhookEventStatus; lastError: string } {
  return {
    outcome: error instanceof ZodError || attempts >= MAX_ATTEMPTS ? 'FAILED' : 'RECEIVED',
    lastError: error instanceof Error ? error.message.slice(0, 2000) : String(error),
  };
}

export async function loadEvent(sql: Sql, eventId: string) {
  const found = await sql.query<{ id: string; payload: unknown; attempts: number; companyId: string | null }>(
    `SELECT "id", "payload", "attempts", "companyId" FROM "WebhookEvent" WHERE "id" = $1`,
    [eventId],
  );
  if (!found.rows[0]) throw new Error(`webhook event ${eventId} does not exist`);
  return found.rows[0];
}

/** Records how processing ended; RECEIVED and DEFERRED events are picked up again by the re-driver. */
export async function settleEvent(sql: Sql, eventId: string, result: { outcome: WebhookEventStatus; companyId: string | null; lastError: string | null }) {
  await sql.query(
    `UPDATE "WebhookEvent" SET "status" = $2::"WebhookEventStatus", "companyId" = $3, "lastError" = $4, "processedAt" = CASE WHEN $2 = 'PROCESSED' THEN now() ELSE NULL END WHERE "id" = $1`,
    [eventId, result.outcome, result.companyId, result.lastError],
  );
}
