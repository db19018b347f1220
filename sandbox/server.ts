import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler } from 'express';
import { pino, type Logger } from 'pino';
import type { z } from 'zod';
import { createClock, type SandboxClock } from './clock';
import { parseSandboxOptions, type Faults, type SandboxConfig, type SandboxOptionsInput } from './config';
import type { SandboxContext } from './context';
import { controlRouter } from './control';
import { createCustomers, type Conversation } from './customers';
import { createEventHub, type SandboxEvent } from './events';
import { newTraceId } from './ids';
import { downloadMediaHandler } from './graph/media';
import { graphRouter } from './graph/router';
import { customerMessageSchema, customerReads, receiveCustomerMessage } from './inbound';
import { createPairRateLimit } from './limits/pairRate';
import { createThroughputLimit } from './limits/throughput';
import { createMediaStore, DOWNLOAD_PATH } from './mediaStore';
import { createNumberDirectory } from './numbers';
import { createSendStats, type NumberStats } from './stats';
import { createStatusEngine } from './statuses';
import { createTemplateReview } from './templateReview';
import { createTemplateStore, type StoredTemplate } from './templateStore';
import { createWebhookDelivery, type DeliverySummary, type WebhookStats } from './webhooks/deliver';

export interface SandboxDeps {
  /** The base of the sandbox clock (default `Date.now`); freeze it to make rate limits deterministic. */
  now?: () => number;
  /** Drives duplicate and reordering injection (default `Math.random`). */
  random?: () => number;
  logger?: Logger;
  fetch?: typeof fetch;
}

export interface SandboxStats {
  numbers: Record<string, NumberStats>;
  webhooks: WebhookStats;
}

export type CustomerMessageInput = z.input<typeof customerMessageSchema>;

export interface Sandbox {
  start(port?: number): Promise<{ url: string }>;
  stop(): Promise<void>;
  /** The listening address; undefined until `start` resolves. */
  readonly url: string | undefined;
  readonly config: SandboxConfig;
  readonly clock: SandboxClock;
  /** The customer `waId` sends a message (delivered to the app as a signed inbound webhook). */
  customerSends(waId: string, message: CustomerMessageInput): { wamid: string };
  /** The customer opens the chat: read statuses for what was delivered. Returns how many messages it covered. */
  customerReads(waId: string, phoneNumberId?: string): number;
  conversation(waId: string, phoneNumberId?: string): Conversation | undefined;
  templates: {
    list(wabaId?: string): StoredTemplate[];
    approve(id: string): StoredTemplate | undefined;
    reject(id: string, reason?: string): StoredTemplate | undefined;
  };
  stats(): SandboxStats;
  faults: { get(): Faults; set(patch: Partial<Faults>): Faults };
  webhooks: {
    /** Resolves once every queued webhook has been delivered (or parked). */
    idle(): Promise<void>;
    pending(): DeliverySummary[];
    expired(): DeliverySummary[];
    redeliverExpired(): number;
  };
  /** Watch what the phone page would see. Returns an unsubscribe function. */
  subscribe(listener: (event: SandboxEvent) => void): () => void;
  /** Clears customers, media, templates (re-seeded), stats, webhook queues, faults and clock offset. */
  reset(): void;
}

/**
 * A local stand-in for Meta's WhatsApp Cloud API: the Graph endpoints an app calls (same paths, JSON
 * shapes, error codes and limits), signed webhooks back to the app, and a control API under `/sandbox`
 * that plays the customers. Pointing the app at Meta instead is a change of base URL and credentials.
 */
export function createSandbox(options: SandboxOptionsInput, deps: SandboxDeps = {}): Sandbox {
  const config = parseSandboxOptions(options);
  const logger = deps.logger ?? pino({ name: 'whatsapp-sandbox', level: 'silent' });
  const clock = createClock(deps.now);
  const random = deps.random ?? Math.random;
  let faults: Faults = structuredClone(config.faults);
  let listening: { server: Server; url: string } | undefined;

  const numbers = createNumberDirectory(config.numbers);
  const events = createEventHub();
  const customers = createCustomers(clock.now);
  const media = createMediaStore({ now: clock.now, urlTtlMs: config.mediaUrlTtlMs });
  const templates = createTemplateStore(clock.now);
  const stats = createSendStats();
  const limits = { throughput: createThroughputLimit(config.throughputPerSecond, clock.now), pairRate: createPairRateLimit(config.pairRate, clock.now) };
  const webhooks = createWebhookDelivery({
    url: config.webhookUrl,
    appSecret: config.appSecret,
    retry: config.webhookRetry,
    maxConcurrent: config.webhookConcurrency,
    faults: () => faults,
    random,
    now: clock.now,
    logger,
    fetch: deps.fetch,
  });
  const review = createTemplateReview({ config, store: templates, webhooks, events, now: clock.now });
  const statuses = createStatusEngine({ config, numbers, webhooks, events, now: clock.now });

  const ctx: SandboxContext = {
    config,
    clock,
    numbers,
    customers,
    media,
    templates,
    review,
    statuses,
    webhooks,
    events,
    stats,
    limits,
    faults: {
      get: () => faults,
      set: (next) => {
        faults = next;
      },
    },
    publicUrl: () => config.publicUrl ?? listening?.url ?? `http://${config.host}:${config.port}`,
  };

  function seed() {
    for (const wabaId of new Set(config.numbers.map((n) => n.wabaId))) {
      for (const definition of config.seedTemplates) templates.create(wabaId, definition, 'APPROVED');
    }
  }

  function reset() {
    statuses.cancelAll();
    review.cancelAll();
    webhooks.clear();
    customers.clear();
    media.clear();
    templates.clear();
    stats.clear();
    limits.throughput.clear();
    limits.pairRate.clear();
    faults = structuredClone(config.faults);
    clock.reset();
    seed();
    events.publish({ type: 'reset' });
  }

  seed();

  const unexpected: ErrorRequestHandler = (error, req, res, _next) => {
    logger.error({ err: error, method: req.method, path: req.path }, 'sandbox request failed');
    if (res.headersSent) return;
    if (req.path.startsWith('/sandbox')) {
      res.status(500).json({ error: { code: 'INTERNAL', message: 'Unexpected sandbox error', details: null } });
      return;
    }
    res.status(500).json({
      error: { message: '(#131000) Something went wrong', type: 'OAuthException', code: 131000, error_data: { messaging_product: 'whatsapp', details: 'Unexpected sandbox error' }, fbtrace_id: newTraceId() },
    });
  };

  const app = express();
  app.disable('x-powered-by');
  // Graph does not send ETags, and a 304 would confuse clients that poll template or media state.
  app.set('etag', false);
  app.use('/sandbox', controlRouter(ctx, reset));
  app.get(DOWNLOAD_PATH, downloadMediaHandler(ctx));
  app.use(graphRouter(ctx));
  app.use(unexpected);

  return {
    get url() {
      return listening?.url;
    },
    config,
    clock,
    async start(port = config.port) {
      if (listening) return { url: listening.url };
      const server = app.listen(port, config.host);
      await new Promise<void>((resolve, reject) => {
        server.once('listening', resolve);
        server.once('error', reject);
      });
      const { port: actual } = server.address() as AddressInfo;
      const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
      listening = { server, url: `http://${host}:${actual}` };
      logger.info({ url: listening.url, webhookUrl: config.webhookUrl }, 'whatsapp sandbox listening');
      return { url: listening.url };
    },
    async stop() {
      statuses.cancelAll();
      review.cancelAll();
      webhooks.close();
      const current = listening;
      listening = undefined;
      if (!current) return;
      // Event streams never end on their own; without this `close` would wait for every phone page.
      current.server.closeAllConnections();
      await new Promise<void>((resolve, reject) => current.server.close((error) => (error ? reject(error) : resolve())));
    },
    customerSends(waId, message) {
      return { wamid: receiveCustomerMessage(ctx, waId, customerMessageSchema.parse(message)).wamid };
    },
    customerReads: (waId, phoneNumberId) => customerReads(ctx, waId, phoneNumberId),
    conversation: (waId, phoneNumberId) => customers.find(phoneNumberId ?? numbers.defaultNumber.phoneNumberId, waId),
    templates: {
      list: (wabaId) => (wabaId ? templates.list(wabaId) : [...new Set(config.numbers.map((n) => n.wabaId))].flatMap((id) => templates.list(id))),
      approve: (id) => review.approve(id),
      reject: (id, reason = 'INVALID_FORMAT') => review.reject(id, reason),
    },
    stats: () => ({ numbers: stats.snapshot(), webhooks: webhooks.stats() }),
    faults: {
      get: () => faults,
      set(patch) {
        faults = { ...faults, ...patch };
        return faults;
      },
    },
    webhooks: {
      idle: () => webhooks.idle(),
      pending: () => webhooks.pending(),
      expired: () => webhooks.expired(),
      redeliverExpired: () => webhooks.redeliverExpired(),
    },
    subscribe: (listener) => events.subscribe(listener),
    reset,
  };
}
