import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProviderFromEnv } from '../activities/whatsapp/providerConfig';
import { createApp } from './app';
import { createLocalMediaStorage } from './media/storage';
import type { AppDeps } from './deps';
import type { Publish } from './realtime/events';
import { createRealtimeGateway } from './realtime/gateway';
import { processWebhookEvent } from './whatsapp/processWebhookEvent';
import { startRedriver } from './whatsapp/redriver';

/**
 * The API process: HTTP app, socket.io gateway on the same port, webhook processing after each
 * acknowledgement, and the re-driver for events left behind. Used by api/main.ts and by tests.
 */
export async function startApiServer(deps: AppDeps, port: number, host?: string) {
  const httpServer: Server = createServer();
  // socket.io must attach to a server that already has its request handler: it takes its own path
  // (/socket.io/) first and hands every other request on.
  let publish: Publish = () => undefined;
  const inFlight = new Set<Promise<unknown>>();
  const provider = createProviderFromEnv(deps.config);
  const media = { storage: createLocalMediaStorage(deps.config.MEDIA_DIR), download: (id: string) => provider.downloadMedia(id) };
  const process = (eventId: string) => processWebhookEvent({ db: deps.db, logger: deps.logger, publish: (event) => publish(event), media }, eventId);
  const onStored = (eventId: string) => {
    const work = process(eventId)
      .catch((error: unknown) => deps.logger.error({ err: error, eventId }, 'webhook processing failed; the re-driver will retry'))
      .finally(() => inFlight.delete(work));
    inFlight.add(work);
  };
  const app = createApp(deps, { onWebhookStored: onStored });
  httpServer.on('request', app);
  const gateway = createRealtimeGateway(httpServer, { db: deps.db, tokens: deps.tokens, logger: deps.logger, redisUrl: deps.config.REDIS_URL });
  publish = gateway.publish;
  const redriver = startRedriver({ db: deps.db, logger: deps.logger, process, intervalMs: deps.config.WEBHOOK_REDRIVE_INTERVAL_MS, graceMs: deps.config.WEBHOOK_REDRIVE_GRACE_MS });

  await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
  const { port: boundPort } = httpServer.address() as AddressInfo;
  return {
    port: boundPort,
    gateway,
    redriver,
    async close() {
      await redriver.stop();
      await Promise.allSettled([...inFlight]);
      await gateway.close();
      await new Promise((resolve) => httpServer.close(resolve));
    },
  };
}
