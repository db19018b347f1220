import { randomUUID } from 'node:crypto';
import type pg from 'pg';

export interface NewWebhookEvent {
  source: string;
  /** The body exactly as received: stored as jsonb without being re-serialised. */
  rawJson: string;
  status?: 'RECEIVED' | 'FAILED';
  lastError?: string;
}

interface Pending extends NewWebhookEvent {
  id: string;
  resolve: (id: string) => void;
  reject: (error: unknown) => void;
}

const COLUMNS = 5;

/**
 * Group commit for the webhook hot path: every event that arrives during one turn of the event loop
 * is written by a single multi-row INSERT, and each request is acknowledged only once its row is
 * committed. Under load this turns thousands of round trips into a few dozen without delaying a lone
 * event (a batch of one goes out on the next turn).
 */
export function createWebhookEventWriter(pool: pg.Pool, options: { maxBatch?: number } = {}) {
  const maxBatch = options.maxBatch ?? 250;
  let queue: Pending[] = [];
  let scheduled = false;

  async function flush(batch: Pending[]) {
    const values: unknown[] = [];
    const rows = batch.map((event, i) => {
      values.push(event.id, event.source, event.rawJson, event.status ?? 'RECEIVED', event.lastError ?? null);
      const o = i * COLUMNS;
      return `($${o + 1}::uuid, $${o + 2}, $${o + 3}::jsonb, $${o + 4}::"WebhookEventStatus", $${o + 5})`;
    });
    try {
      await pool.query(`INSERT INTO "WebhookEvent" ("id", "source", "payload", "status", "lastError") VALUES ${rows.join(', ')}`, values);
      for (const event of batch) event.resolve(event.id);
    } catch (error) {
      for (const event of batch) event.reject(error);
    }
  }

  function drain() {
    scheduled = false;
    while (queue.length) void flush(queue.splice(0, maxBatch));
  }

  return {
    write(event: NewWebhookEvent): Promise<string> {
      return new Promise((resolve, reject) => {
        queue.push({ ...event, id: randomUUID(), resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(drain);
        }
      });
    },
  };
}

export type WebhookEventWriter = ReturnType<typeof createWebhookEventWriter>;
