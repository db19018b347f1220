import { createPrisma } from '../prisma/client';
import { createTemporalClient } from '../temporal/client';
import { createTokenService } from './auth/tokens';
import { loadApiConfig } from './config';
import { createLogger } from './logger';
import { reencryptSecrets } from './secrets/reencryptSecrets';
import { startApiServer } from './server';

async function main() {
  const config = loadApiConfig();
  const logger = createLogger('api', config.LOG_LEVEL);
  const db = createPrisma(config.DATABASE_URL);
  const secrets = await reencryptSecrets(db, config.SECRETS_ENCRYPTION_KEYS);
  if (secrets.reencrypted) logger.info({ count: secrets.reencrypted, keyId: config.SECRETS_ENCRYPTION_KEYS.current.id }, 'company secrets encrypted with the current key');
  if (secrets.unreadable) logger.warn({ count: secrets.unreadable }, 'company secrets no key in SECRETS_ENCRYPTION_KEYS opens; flows using them fail until they are stored again');
  const temporal = createTemporalClient({ address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE });
  const tokens = createTokenService({ secret: config.JWT_SECRET, accessTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS });
  const server = await startApiServer({ config, db, temporal, logger, tokens }, config.PORT);
  logger.info({ port: server.port }, 'api listening');

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'api shutting down');
    setTimeout(() => process.exit(1), 10_000).unref();
    void server
      .close()
      .then(() => Promise.allSettled([db.$disconnect(), temporal.connection.close()]))
      .then(() => process.exit(0));
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
