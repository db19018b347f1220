import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxOptionsInput } from '../config';
import { createSandbox, type Sandbox, type SandboxDeps } from '../server';

export const APP_SECRET = 'test-app-secret';
export const TOKEN = 'test-access-token';
export const PHONE_ID = '100000000000001';
export const WABA_ID = '200000000000001';
export const DISPLAY_DIGITS = '551140000001';
export const CUSTOMER = '5511999990000';

/** Webhook and API JSON, inspected freely by assertions. */
export type Json = any;

export interface Delivery {
  raw: Buffer;
  headers: IncomingHttpHeaders;
  body: Json;
}

/** Our own check of Meta's signature, written independently of the sandbox's signer. */
export function signatureIsValid(delivery: Delivery, secret = APP_SECRET): boolean {
  const expected = `sha256=${createHmac('sha256', secret).update(delivery.raw).digest('hex')}`;
  return delivery.headers['x-hub-signature-256'] === expected;
}

/** A stand-in for the app's webhook endpoint: records what arrives; can be told to fail. */
async function startReceiver() {
  const received: Delivery[] = [];
  let attempts = 0;
  let down = false;
  let latencyMs = 0;
  let concurrent = 0;
  let maxConcurrent = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    concurrent += 1;
    maxConcurrent = Math.max(maxConcurrent, concurrent);
    res.on('finish', () => {
      concurrent -= 1;
    });
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      attempts += 1;
      if (latencyMs) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      if (down) {
        res.statusCode = 503;
        res.end();
        return;
      }
      const raw = Buffer.concat(chunks);
      received.push({ raw, headers: req.headers, body: JSON.parse(raw.toString('utf8')) });
      res.statusCode = 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/whatsapp`,
    received,
    attempts: () => attempts,
    maxConcurrent: () => maxConcurrent,
    setDown(value: boolean) {
      down = value;
    },
    setLatency(ms: number) {
      latencyMs = ms;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/** Every status object delivered so far, in arrival order. */
export function statusesOf(receiver: Receiver, wamid?: string): Json[] {
  return receiver.received
    .flatMap((d) => d.body.entry.flatMap((e: Json) => e.changes.flatMap((c: Json) => c.value.statuses ?? [])))
    .filter((s: Json) => !wamid || s.id === wamid);
}

export function inboundOf(receiver: Receiver): Json[] {
  return receiver.received.flatMap((d) => d.body.entry.flatMap((e: Json) => e.changes.flatMap((c: Json) => c.value.messages ?? [])));
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 4_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Short delays everywhere so a test sees a message's whole life in well under a second. */
const FAST: SandboxOptionsInput = {
  webhookUrl: 'http://127.0.0.1:1/unused',
  appSecret: APP_SECRET,
  accessTokens: [TOKEN],
  statusDelaysMs: { sent: 5, delivered: 15, read: 25 },
  templateApproval: { mode: 'auto', delayMs: 20 },
  webhookRetry: { initialDelayMs: 20, maxDelayMs: 80, maxDurationMs: 60_000, timeoutMs: 1_000 },
};

export interface Harness {
  sandbox: Sandbox;
  receiver: Receiver;
  url: string;
  graph(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; headers: Headers; body: Json }>;
  control(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }>;
  sendText(to: string, text: string): Promise<string>;
  close(): Promise<void>;
}

export async function startHarness(options: Partial<SandboxOptionsInput> = {}, deps: SandboxDeps = {}): Promise<Harness> {
  const receiver = await startReceiver();
  const sandbox = createSandbox({ ...FAST, ...options, webhookUrl: receiver.url }, deps);
  const { url } = await sandbox.start(0);
  const call = async (method: string, path: string, body: unknown, headers: Record<string, string>) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Json) : undefined };
  };
  const harness: Harness = {
    sandbox,
    receiver,
    url,
    graph: (method, path, body, token = TOKEN) => call(method, path, body, { authorization: `Bearer ${token}` }),
    async control(method, path, body) {
      const { status, body: json } = await call(method, `/sandbox${path}`, body, {});
      return { status, body: json };
    },
    async sendText(to, text) {
      const response = await harness.graph('POST', `/v23.0/${PHONE_ID}/messages`, { messaging_product: 'whatsapp', to, type: 'text', text: { body: text } });
      if (response.status !== 200) throw new Error(`send failed: ${JSON.stringify(response.body)}`);
      return response.body.messages[0].id as string;
    },
    async close() {
      await sandbox.stop();
      await receiver.close();
    },
  };
  return harness;
}
