import { DefaultLogger, NativeConnection, Runtime, type LogLevel } from '@temporalio/worker';
import { createProviderFromEnv } from '../activities/whatsapp/providerConfig';
import { createLocalMediaStorage } from '../api/media/storage';
import { createRealtimeNotifier } from '../api/realtime/pgChannel';
import { createPrisma } from '../prisma/client';
import { createSqlPool } from '../prisma/sessionOptions';
import { createLogger } from '../api/logger';
import { loadWorkerConfig } from './config';
import { createWorker } from './createWorker';

const TEMPORAL_LEVELS: Record<string, LogLevel> = { trace: 'TRACE', debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR', fatal: 'ERROR', silent: 'ERROR' };

async function main() {
  const config = loadWorkerConfig();
  const logger = createLogger('worker', config.LOG_LEVEL);
  // Workflow and activity logs (with the requestId they carry) go to the same JSON stream as the API's.
  Runtime.install({
    logger: new DefaultLogger(TEMPORAL_LEVELS[config.LOG_LEVEL] ?? 'INFO', ({ level, message, meta }) => {
      const method = level.toLowerCase() as 'trace' | 'debug' | 'info' | 'warn' | 'error';
      logger[method in logger ? method : 'info'](meta ?? {}, message);
    }),
  });
  // Activities run up to WORKER_MAX_CONCURRENT_ACTIVITIES at once; each holds a connection per query.
  const db = createPrisma(config.DATABASE_URL, { poolSize: config.WORKER_DB_POOL_SIZE });
  const sql = createSqlPool(config.DATABASE_URL, config.WORKER_DB_POOL_SIZE);
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const worker = await createWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    deps: {
      db,
      sql,
      whatsapp: createProviderFromEnv(config),
      notify: createRealtimeNotifier(sql),
      secretKeys: config.SECRETS_ENCRYPTION_KEYS,
      outboundAllowed: config.OUTBOUND_ALLOWED_HOSTS,
      media: createLocalMediaStorage(config.MEDIA_DIR),
    },
    maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
  });
  logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, address: config.TEMPORAL_ADDRESS }, 'worker started');
  // The SDK shuts the worker down gracefully on SIGINT/SIGTERM, letting running activities finish.
  await worker.run();
  await db.$disconnect();
  await sql.end();
  await connection.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
