import type { Logger } from 'pino';
import type { Db } from '../../prisma/client';

interface RedriverDeps {
  db: Db;
  logger: Logger;
  process: (eventId: string) => Promise<unknown>;
  intervalMs: number;
  /** Events younger than this are left to the immediate processing that follows their 200. */
  graceMs: number;
  batchSize?: number;
  /** Events processed at once; each is independent and idempotent. */
  concurrency?: number;
  /** While true (a burst of webhooks), the re-driver leaves the CPU to the acknowledgements. */
  paused?: () => boolean;
}

/**
 * Picks up every stored webhook event not yet processed (the API crashed after the 200, Temporal was
 * down, a status came before its message) and processes it again, with backoff per event. Claims rows
 * with SKIP LOCKED so several API instances share the work without doing it twice at once.
 */
export function startRedriver(deps: RedriverDeps) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  async function tick() {
    if (deps.paused?.()) return 0;
    const claimed = await deps.db.$queryRaw<{ id: string }[]>`
      UPDATE "WebhookEvent" SET
        "attempts" = "attempts" + 1,
        "nextAttemptAt" = now() + least(interval '1 second' * power(2, "attempts"), interval '10 minutes')
      WHERE "id" IN (
        SELECT "id" FROM "WebhookEvent"
        WHERE "status" IN ('RECEIVED', 'DEFERRED')
          AND "nextAttemptAt" <= now()
          AND "receivedAt" <= now() - ${deps.graceMs} * interval '1 millisecond'
        ORDER BY "receivedAt"
        LIMIT ${deps.batchSize ?? 200}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING "id"`;
    const queue = claimed.map((row) => row.id);
    const workers = Array.from({ length: Math.min(deps.concurrency ?? 1, queue.length) }, async () => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        await deps.process(id).catch((error: unknown) => deps.logger.error({ err: error, eventId: id }, 're-drive failed'));
      }
    });
    await Promise.all(workers);
    if (claimed.length) deps.logger.info({ count: claimed.length }, 're-drove webhook events');
    return claimed.length;
  }

  // A full batch means a backlog: the next tick starts at once instead of after the interval.
  function schedule(delayMs = deps.intervalMs) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick()
        .then((count) => schedule(count >= (deps.batchSize ?? 200) ? 0 : deps.intervalMs))
        .catch((error: unknown) => {
          deps.logger.error({ err: error }, 're-driver tick failed');
          schedule();
        });
    }, delayMs);
    timer.unref();
  }
  schedule();

  return {
    tickNow: async () => {
      await tick();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
