import { setTimeout as delay } from 'node:timers/promises';
import { pino } from 'pino';
import { loadSandboxConfig } from './config';
import { createSandbox } from './server';

/** Pending webhooks get this long to land on shutdown; the queue lives in memory and dies with the process. */
const DRAIN_MS = 5_000;

async function main() {
  const { options, logLevel } = loadSandboxConfig();
  const logger = pino({ name: 'whatsapp-sandbox', level: logLevel });
  const sandbox = createSandbox(options, { logger });
  const { url } = await sandbox.start();
  logger.info(
    { url, graphBaseUrl: `${url}/v23.0`, controlUrl: `${url}/sandbox`, numbers: options.numbers.map((n) => n.phoneNumberId) },
    'whatsapp sandbox ready: use graphBaseUrl as the Graph API base URL',
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, pending: sandbox.stats().webhooks.pending }, 'whatsapp sandbox shutting down');
    await Promise.race([sandbox.webhooks.idle(), delay(DRAIN_MS)]);
    await sandbox.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, 'unhandled rejection');
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
