import type { Server } from 'node:http';
import { createPrisma } from '../prisma/client';
import { createTemporalClient } from '../temporal/client';
import { createApp } from './app';
import { createTokenService } from './auth/tokens';
import { loadApiConfig } from './config';
import { createLogger } from './logger';

async function main() {
  const config = loadApiConfig();
  const logger = createLogger('api', config.LOG_LEVEL);
  const db = createPrisma(config.DATABASE_URL);
  const temporal = createTemporalClient({ address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE });
  const tokens = createTokenService({ secret: config.JWT_SECRET, accessTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS });
  const app = createApp({ config, db, temporal, logger, tokens });
  const server: Server = app.listen(config.PORT, () => logger.info({ port: config.PORT }, 'api listening'));

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'api shutting down');
    server.close(async () => {
      await Promise.allSettled([db.$disconnect(), temporal.connection.close()]);
      process.exit(0);
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, 'unhandled rejection');
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
