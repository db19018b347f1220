import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProviderFromEnv } from '../activities/whatsapp/providerConfig';
import { WhatsAppProviderError } from '../activities/whatsapp/providerErrors';
import { createWahaProvider } from '../activities/whatsapp/wahaProvider';
import { createPrisma } from '../prisma/client';
import { createSqlPool } from '../prisma/sessionOptions';
import { createApp } from './app';
import { createInboundDelivery } from './conversations/deliverToWorkflow';
import { createWhatsAppIntake, isWhatsAppWebhookPost } from './whatsapp/acceptWebhook';
import { createIntakePressure } from './whatsapp/intakePressure';
import { createProcessingQueue, limitConcurrency, type ProcessingSlot } from './whatsapp/processingQueue';
import type { AppDeps } from './deps';
import { createLocalMediaStorage } from './media/storage';
import type { Publish } from './realtime/events';
import { createRealtimeGateway } from './realtime/gateway';
import { nudgeQueues } from './conversations/nudgeQueues';
import { scopedDb } from './db/scoped';
import { listenForRealtime } from './realtime/pgChannel';
import { startRedriver } from './whatsapp/redriver';
import { processAnyWebhookEvent } from './whatsapp/waha/processAnyWebhookEvent';
import { createWebhookEventWriter } from './whatsapp/webhookEventWriter';
import type { StoredEvent } from './whatsapp/settleEvent';

/**
 * The API process: HTTP app, socket.io gateway on the same port, webhook processing after each
 * acknowledgement, and the re-driver for events left behind. Used by api/main.ts and by tests.
 */
export async function startApiServer(deps: AppDeps, port: number, host?: string) {
  const httpServer: Server = createServer();
  // The webhook hot path writes through its own small pool, so a burst never waits behind API queries.
  const intakePool = createSqlPool(deps.config.DATABASE_URL, deps.config.WEBHOOK_INTAKE_POOL_SIZE);
  const webhookEvents = createWebhookEventWriter(intakePool);
  const provider = createProviderFromEnv(deps.config);
  const media = { storage: createLocalMediaStorage(deps.config.MEDIA_DIR), download: (id: string) => provider.downloadMedia(id) };
  // socket.io must attach to a server that already has its request handler: it takes its own path
  // (/socket.io/) first and hands every other request on.
  let publish: Publish = () => undefined;
  // Processing is redone from the durable raw event after a crash, so it may commit asynchronously.
  const processingDb = createPrisma(deps.config.DATABASE_URL, { poolSize: 4, asyncCommit: true });
  const processingSql = createSqlPool(deps.config.DATABASE_URL, deps.config.WEBHOOK_PROCESSING_CONCURRENCY + 2, '-c synchronous_commit=off');
  const deliver = createInboundDelivery(deps.temporal, deps.config.TEMPORAL_TASK_QUEUE);
  const signalsInFlight = limitConcurrency(deps.config.WEBHOOK_PROCESSING_CONCURRENCY);
  const waha = deps.config.WAHA_BASE_URL
    ? createWahaProvider({ baseUrl: deps.config.WAHA_BASE_URL, apiKey: deps.config.WAHA_API_KEY ?? '', timeoutMs: deps.config.WAHA_TIMEOUT_MS })
    : undefined;
  const wahaMedia = {
    storage: media.storage,
    download: (url: string) => (waha ? waha.downloadMedia(url) : Promise.reject(new WhatsAppProviderError('invalid', 'WAHA não configurado (WAHA_BASE_URL)', null))),
  };
  const process = (event: string | StoredEvent, slot?: ProcessingSlot) =>
    processAnyWebhookEvent(
      {
        db: processingDb,
        sql: processingSql,
        logger: deps.logger,
        publish: (event) => publish(event),
        media,
        deliver: slot ? (conversation, message) => slot.outside(() => signalsInFlight(() => deliver(conversation, message))) : deliver,
        waha: { media: wahaMedia, phoneNumberForLid: waha?.phoneNumberForLid },
      },
      event,
    );

  const pressure = createIntakePressure(deps.config.WEBHOOK_BURST_PER_SECOND);
  const queue = createProcessingQueue<StoredEvent>({
    concurrency: deps.config.WEBHOOK_PROCESSING_CONCURRENCY,
    backlog: deps.config.WEBHOOK_PROCESSING_BACKLOG,
    process,
    onError: (error, event) => deps.logger.error({ err: error, eventId: event.id }, 'webhook processing failed; the re-driver will retry'),
  });
  const onStored = (event: StoredEvent) => {
    pressure.arrived();
    if (!pressure.high()) queue.offer(event);
  };
  const app = createApp(deps, { webhookEvents, onWebhookStored: onStored });
  const whatsappIntake = createWhatsAppIntake({ events: webhookEvents, logger: deps.logger, appSecret: deps.config.WHATSAPP_APP_SECRET, onStored });
  httpServer.on('request', (req, res) => {
    if (isWhatsAppWebhookPost(req)) void whatsappIntake(req, res);
    else app(req, res);
  });
  const gateway = createRealtimeGateway(httpServer, {
    db: deps.db,
    tokens: deps.tokens,
    logger: deps.logger,
    redisUrl: deps.config.REDIS_URL,
    offlineGraceMs: deps.config.PRESENCE_OFFLINE_GRACE_MS,
    onPresence: (user, status) => {
      publish({ type: 'presence.updated', companyId: user.companyId, conversationId: null, departmentId: null, payload: { userId: user.id, status } });
      if (status === 'ONLINE') void nudgeQueues(deps.temporal, scopedDb(deps.db, user.companyId), { userId: user.id }).catch((error: unknown) => deps.logger.warn({ err: error }, 'could not nudge queues'));
    },
  });
  publish = gateway.publish;
  const realtimeListener = listenForRealtime(deps.config.DATABASE_URL, gateway.publish, deps.logger);
  await realtimeListener.ready;
  const redriver = startRedriver({
    db: deps.db,
    logger: deps.logger,
    process,
    intervalMs: deps.config.WEBHOOK_REDRIVE_INTERVAL_MS,
    graceMs: deps.config.WEBHOOK_REDRIVE_GRACE_MS,
    concurrency: deps.config.WEBHOOK_PROCESSING_CONCURRENCY,
    paused: () => pressure.high(),
  });

  await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
  const { port: boundPort } = httpServer.address() as AddressInfo;
  return {
    port: boundPort,
    gateway,
    redriver,
    async close() {
      await redriver.stop();
      await realtimeListener.stop();
      await queue.settled();
      await gateway.close();
      await new Promise((resolve) => httpServer.close(resolve));
      await intakePool.end();
      await processingDb.$disconnect();
      await processingSql.end();
    },
  };
}
