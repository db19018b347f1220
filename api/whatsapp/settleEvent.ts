import type { Logger } from 'pino';
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

export interface StoredEvent {
  id: string;
  source: string;
  payload: unknown;
  attempts: number;
  companyId: string | null;
}

export interface EventResult {
  outcome: WebhookEventStatus;
  companyId: string | null;
  lastError?: string | null;
}

/**
 * Loads one stored webhook event, hands it to its processor and records how processing ended;
 * RECEIVED and DEFERRED events are picked up again by the re-driver. Every provider's processing
 * goes through here, so an event is read once and settled the same way.
 */
export async function processStoredEvent(sql: Sql, logger: Logger, eventId: string, handle: (event: StoredEvent) => Promise<EventResult>): Promise<WebhookEventStatus> {
  const found = await sql.query<StoredEvent>(`SELECT "id", "source", "payload", "attempts", "companyId" FROM "WebhookEvent" WHERE "id" = $1`, [eventId]);
  const event = found.rows[0];
  if (!event) throw new Error(`webhook event ${eventId} does not exist`);
  let result: EventResult;
  try {
    result = await handle(event);
  } catch (error) {
    result = { companyId: event.companyId, ...outcomeOfFailure(error, event.attempts) };
    logger.error({ err: error, eventId, source: event.source }, 'webhook event processing failed');
  }
  await sql.query(
    `UPDATE "WebhookEvent" SET "status" = $2::"WebhookEventStatus", "companyId" = $3, "lastError" = $4, "processedAt" = CASE WHEN $2 = 'PROCESSED' THEN now() ELSE NULL END WHERE "id" = $1`,
    [eventId, result.outcome, result.companyId, result.lastError ?? null],
  );
  return result.outcome;
}
