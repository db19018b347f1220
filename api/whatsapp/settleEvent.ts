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

async function readEvent(sql: Sql, eventId: string): Promise<StoredEvent> {
  const found = await sql.query<StoredEvent>(`SELECT "id", "source", "payload", "attempts", "companyId" FROM "WebhookEvent" WHERE "id" = $1`, [eventId]);
  if (!found.rows[0]) throw new Error(`webhook event ${eventId} does not exist`);
  return found.rows[0];
}

export interface EventResult {
  outcome: WebhookEventStatus;
  companyId: string | null;
  lastError?: string | null;
}

/** An event the intake has just stored, as the processor reads it: no need to read it back. */
export const freshEvent = (id: string, source: string, payload: unknown): StoredEvent => ({ id, source, payload, attempts: 0, companyId: null });

/**
 * Hands one stored webhook event to its processor and records how processing ended; RECEIVED and
 * DEFERRED events are picked up again by the re-driver. Every provider's processing goes through
 * here, so an event is settled the same way. The re-driver passes an id and the event is read; the
 * intake passes the event it has just stored.
 */
export async function processStoredEvent(sql: Sql, logger: Logger, eventOrId: string | StoredEvent, handle: (event: StoredEvent) => Promise<EventResult>): Promise<WebhookEventStatus> {
  const event = typeof eventOrId === 'string' ? await readEvent(sql, eventOrId) : eventOrId;
  const eventId = event.id;
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
