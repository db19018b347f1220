import type { Logger } from 'pino';
import type { Faults } from '../config';
import { encodeWebhookBody } from './encode';
import { signWebhookBody } from './sign';

export interface RetryPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  maxDurationMs: number;
  timeoutMs: number;
}

export interface WebhookDeliveryOptions {
  url: string;
  appSecret: string;
  retry: RetryPolicy;
  /** Requests in flight at once across all conversations, so a benchmark does not open thousands of sockets. */
  maxConcurrent: number;
  faults: () => Pick<Faults, 'duplicateProbability' | 'reorderProbability' | 'reorderWindowMs'>;
  random: () => number;
  now: () => number;
  logger: Logger;
  fetch?: typeof fetch;
}

export interface WebhookStats {
  enqueued: number;
  attempted: number;
  succeeded: number;
  failedAttempts: number;
  pending: number;
  expired: number;
  duplicatesInjected: number;
  batchesReordered: number;
}

export interface DeliverySummary {
  id: number;
  lane: string;
  attempts: number;
  duplicate: boolean;
  lastError: string | null;
  payload: unknown;
}

export interface WebhookDelivery {
  /** Queues a payload on a lane (one per conversation): a lane delivers in order, retrying its head until it lands. */
  enqueue(lane: string, payload: unknown): void;
  stats(): WebhookStats;
  pending(): DeliverySummary[];
  expired(): DeliverySummary[];
  /** Puts parked deliveries back in their lanes with a fresh retry budget; returns how many. */
  redeliverExpired(): number;
  /** Resolves when nothing is held, queued or in flight. */
  idle(): Promise<void>;
  clear(): void;
  close(): void;
}

interface Item {
  id: number;
  lane: string;
  body: Buffer;
  signature: string;
  duplicate: boolean;
  attempts: number;
  firstAttemptAt?: number;
  lastError?: string;
}

interface Lane {
  queue: Item[];
  holding: Item[];
  holdTimer?: NodeJS.Timeout;
  retryTimer?: NodeJS.Timeout;
  inFlight?: AbortController;
}

const emptyStats = (): WebhookStats => ({
  enqueued: 0,
  attempted: 0,
  succeeded: 0,
  failedAttempts: 0,
  pending: 0,
  expired: 0,
  duplicatesInjected: 0,
  batchesReordered: 0,
});

/**
 * Delivers signed webhooks to the app the way Meta does: POST with `X-Hub-Signature-256`, any non-2xx
 * or network error retried with capped exponential backoff for up to `maxDurationMs`. Nothing is ever
 * dropped: a delivery that outlives its budget is parked (see `expired`) until redelivered or reset.
 */
export function createWebhookDelivery(options: WebhookDeliveryOptions): WebhookDelivery {
  const send = options.fetch ?? fetch;
  const lanes = new Map<string, Lane>();
  let parked: Item[] = [];
  let stats = emptyStats();
  let nextId = 1;
  // Bumped by clear/close, so an attempt that finishes after a reset leaves the new state alone.
  let generation = 0;
  let closed = false;
  let idleWaiters: Array<() => void> = [];
  let requestsInFlight = 0;
  const waitingForSlot = new Set<string>();

  const isIdle = () => lanes.size === 0;

  function settleIdle() {
    if (!isIdle()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  function laneFor(key: string): Lane {
    let lane = lanes.get(key);
    if (!lane) {
      lane = { queue: [], holding: [] };
      lanes.set(key, lane);
    }
    return lane;
  }

  function pump(key: string, lane: Lane) {
    if (closed || lane.inFlight || lane.retryTimer) return;
    const item = lane.queue[0];
    if (!item) {
      if (lane.holding.length === 0 && !lane.holdTimer) lanes.delete(key);
      settleIdle();
      return;
    }
    if (requestsInFlight >= options.maxConcurrent) {
      waitingForSlot.add(key);
      return;
    }
    void attempt(key, lane, item);
  }

  function releaseSlot() {
    requestsInFlight -= 1;
    for (const key of waitingForSlot) {
      if (requestsInFlight >= options.maxConcurrent) return;
      waitingForSlot.delete(key);
      const lane = lanes.get(key);
      if (lane) pump(key, lane);
    }
  }

  async function attempt(key: string, lane: Lane, item: Item) {
    const myGeneration = generation;
    const controller = new AbortController();
    lane.inFlight = controller;
    requestsInFlight += 1;
    const timeout = setTimeout(() => controller.abort(new Error(`timed out after ${options.retry.timeoutMs} ms`)), options.retry.timeoutMs);
    item.attempts += 1;
    item.firstAttemptAt ??= options.now();
    stats.attempted += 1;
    let delivered = false;
    try {
      const response = await send(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': item.signature, 'user-agent': 'facebookexternalua' },
        body: new Uint8Array(item.body),
        signal: controller.signal,
      });
      await response.arrayBuffer().catch(() => undefined);
      delivered = response.ok;
      if (!delivered) item.lastError = `HTTP ${response.status}`;
    } catch (error) {
      // undici reports every network failure as "fetch failed"; the cause says which (ECONNREFUSED, …).
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      item.lastError = controller.signal.aborted
        ? String((controller.signal.reason as Error | undefined)?.message ?? 'aborted')
        : [(error as Error).message, cause?.code ?? cause?.message].filter(Boolean).join(': ');
    } finally {
      clearTimeout(timeout);
      lane.inFlight = undefined;
    }
    if (closed || myGeneration !== generation) return;
    releaseSlot();

    if (delivered) {
      lane.queue.shift();
      stats.succeeded += 1;
      options.logger.debug({ delivery: item.id, lane: key, attempts: item.attempts }, 'webhook delivered');
      return pump(key, lane);
    }
    stats.failedAttempts += 1;
    if (options.now() - item.firstAttemptAt >= options.retry.maxDurationMs) {
      lane.queue.shift();
      parked.push(item);
      options.logger.error({ delivery: item.id, lane: key, attempts: item.attempts, error: item.lastError }, 'webhook retry budget exhausted; parked');
      return pump(key, lane);
    }
    const delay = Math.min(options.retry.maxDelayMs, options.retry.initialDelayMs * 2 ** (item.attempts - 1));
    options.logger.warn({ delivery: item.id, lane: key, attempts: item.attempts, error: item.lastError, retryInMs: delay }, 'webhook delivery failed; will retry');
    lane.retryTimer = setTimeout(() => {
      lane.retryTimer = undefined;
      pump(key, lane);
    }, delay);
  }

  function release(key: string, lane: Lane) {
    lane.holdTimer = undefined;
    const batch = lane.holding.splice(0);
    if (batch.length > 1 && options.random() < options.faults().reorderProbability) {
      batch.reverse();
      stats.batchesReordered += 1;
    }
    lane.queue.push(...batch);
    pump(key, lane);
  }

  function summary(item: Item): DeliverySummary {
    return {
      id: item.id,
      lane: item.lane,
      attempts: item.attempts,
      duplicate: item.duplicate,
      lastError: item.lastError ?? null,
      payload: JSON.parse(item.body.toString('utf8')) as unknown,
    };
  }

  function stopTimers() {
    generation += 1;
    requestsInFlight = 0;
    waitingForSlot.clear();
    for (const lane of lanes.values()) {
      clearTimeout(lane.holdTimer);
      clearTimeout(lane.retryTimer);
      lane.inFlight?.abort(new Error('sandbox stopped'));
    }
    lanes.clear();
  }

  return {
    enqueue(key, payload) {
      if (closed) return;
      const body = encodeWebhookBody(payload);
      const signature = signWebhookBody(body, options.appSecret);
      const faults = options.faults();
      const items: Item[] = [{ id: nextId++, lane: key, body, signature, duplicate: false, attempts: 0 }];
      if (faults.duplicateProbability > 0 && options.random() < faults.duplicateProbability) {
        items.push({ id: nextId++, lane: key, body, signature, duplicate: true, attempts: 0 });
        stats.duplicatesInjected += 1;
      }
      stats.enqueued += items.length;
      const lane = laneFor(key);
      if (faults.reorderProbability > 0) {
        lane.holding.push(...items);
        lane.holdTimer ??= setTimeout(() => release(key, lane), faults.reorderWindowMs);
        return;
      }
      lane.queue.push(...items);
      pump(key, lane);
    },
    stats() {
      let pending = 0;
      for (const lane of lanes.values()) pending += lane.queue.length + lane.holding.length;
      return { ...stats, pending, expired: parked.length };
    },
    pending() {
      return [...lanes.values()].flatMap((lane) => [...lane.queue, ...lane.holding]).map(summary);
    },
    expired() {
      return parked.map(summary);
    },
    redeliverExpired() {
      const items = parked;
      parked = [];
      for (const item of items) {
        item.firstAttemptAt = undefined;
        item.attempts = 0;
        laneFor(item.lane).queue.push(item);
      }
      for (const [key, lane] of lanes) pump(key, lane);
      return items.length;
    },
    idle() {
      if (isIdle()) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    clear() {
      stopTimers();
      parked = [];
      stats = emptyStats();
      settleIdle();
    },
    close() {
      closed = true;
      stopTimers();
      settleIdle();
    },
  };
}
