import pg from 'pg';
import type { Logger } from 'pino';
import type { Db } from '../../prisma/client';
import type { Sql } from '../whatsapp/sql';
import type { Publish, RealtimeEvent } from './events';

export const REALTIME_CHANNEL = 'orquestra_realtime';
// NOTIFY payloads must stay under 8000 bytes; message bodies are trimmed to keep events well below it.
const MAX_BODY = 1000;

/**
 * How workers (which have no sockets) tell every API instance that something changed: through a
 * Prisma client or transaction (the event leaves with its commit), or a plain pool (the hot path).
 */
export function createRealtimeNotifier(target: Pick<Db, '$executeRaw'> | Sql) {
  return async (event: RealtimeEvent) => {
    const payload = JSON.stringify(event, (key, value: unknown) => (key === 'body' && typeof value === 'string' && value.length > MAX_BODY ? `${value.slice(0, MAX_BODY)}…` : value));
    if ('query' in target) await target.query('SELECT pg_notify($1, $2)', [REALTIME_CHANNEL, payload]);
    else await target.$executeRaw`SELECT pg_notify(${REALTIME_CHANNEL}, ${payload})`;
  };
}

export type RealtimeNotifier = ReturnType<typeof createRealtimeNotifier>;

/**
 * Each API instance LISTENs and forwards what it hears to its sockets, so workers' changes (bot
 * messages, assignments) reach browsers without Redis. Reconnects with backoff if the connection drops.
 */
export function listenForRealtime(databaseUrl: string, publish: Publish, logger: Logger) {
  let client: pg.Client | undefined;
  let stopped = false;
  let delay = 500;

  async function connect() {
    if (stopped) return;
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on('notification', (message) => {
      try {
        publish(JSON.parse(message.payload ?? '') as RealtimeEvent);
      } catch (error) {
        logger.warn({ err: error }, 'unreadable realtime notification');
      }
    });
    next.on('error', (error) => {
      logger.warn({ err: error }, 'realtime listener lost its connection; reconnecting');
      void next.end().catch(() => undefined);
      if (!stopped) setTimeout(() => void connect(), (delay = Math.min(delay * 2, 30_000))).unref();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${REALTIME_CHANNEL}`);
      client = next;
      delay = 500;
    } catch (error) {
      logger.warn({ err: error }, 'realtime listener could not connect; retrying');
      await next.end().catch(() => undefined);
      if (!stopped) setTimeout(() => void connect(), (delay = Math.min(delay * 2, 30_000))).unref();
    }
  }

  const ready = connect();
  return {
    ready,
    async stop() {
      stopped = true;
      await client?.end().catch(() => undefined);
    },
  };
}
