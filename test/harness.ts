import { createLocalMediaStorage } from '../api/media/storage';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { NativeConnection, Runtime, DefaultLogger, type Worker } from '@temporalio/worker';
import pg from 'pg';
import { pino } from 'pino';
import { inject } from 'vitest';
import './providedContext';
import { startApiServer } from '../api/server';
import { createTokenService } from '../api/auth/tokens';
import { apiConfigSchema, type ApiConfig } from '../api/config';
import { hashPassword } from '../api/auth/passwords';
import { createPrisma, type Db } from '../prisma/client';
import { createSqlPool } from '../prisma/sessionOptions';
import { createWorker } from '../temporal/createWorker';
import { createRealtimeNotifier } from '../api/realtime/pgChannel';
import { createMetaProvider } from '../activities/whatsapp/metaProvider';
import type { WhatsAppProvider } from '../activities/whatsapp/provider';
import type { ActivityDeps } from '../activities/deps';
import { createTemporalClient } from '../temporal/client';
import { workerConfigSchema } from '../temporal/config';

let runtimeInstalled = false;
function quietTemporalRuntime() {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger('WARN') });
}

export const testDatabaseUrl = () => inject('databaseUrl');

let sharedDb: Db | undefined;
/** One Prisma client per test file, pointed at this run's throwaway database. */
export function testDb(): Db {
  sharedDb ??= createPrisma(testDatabaseUrl(), { poolSize: 5 });
  return sharedDb;
}

let sharedSql: pg.Pool | undefined;
/** Plain SQL on the same database, for code that uses it (the webhook hot path). */
export function testSql(): pg.Pool {
  sharedSql ??= createSqlPool(testDatabaseUrl(), 5);
  return sharedSql;
}

export function temporalClient(address = inject('temporalAddress')): Client {
  return createTemporalClient({ address, namespace: 'default' });
}

/**
 * What the API and every test worker share, as in production: one key ring (the API encrypts what
 * workers decrypt), and 127.0.0.1 allowed as a destination because the services flows call in tests
 * listen there.
 */
export const TEST_PROCESS_ENV = { SECRETS_ENCRYPTION_KEYS: `test:${Buffer.alloc(32, 'orquestra-test').toString('base64')}`, OUTBOUND_ALLOWED_HOSTS: '127.0.0.1' };

/** The worker's configuration in tests: the key ring the test API encrypts with, loopback allowed. */
export const testWorkerConfig = (env: Record<string, string> = {}) => workerConfigSchema.parse({ DATABASE_URL: testDatabaseUrl(), ...TEST_PROCESS_ENV, ...env });

/** What activities get in tests, as the worker builds it. Without a provider of its own a test's sends go nowhere and fail loudly. */
export function testActivityDeps(options: { whatsapp?: WhatsAppProvider; minuteMs?: number; env?: Record<string, string> } = {}): ActivityDeps {
  const config = testWorkerConfig(options.env);
  return {
    db: testDb(),
    sql: testSql(),
    whatsapp: options.whatsapp ?? createMetaProvider({ baseUrl: 'http://127.0.0.1:1', graphVersion: 'v23.0', accessToken: 'none' }),
    notify: createRealtimeNotifier(testSql()),
    secretKeys: config.SECRETS_ENCRYPTION_KEYS,
    outboundAllowed: config.OUTBOUND_ALLOWED_HOSTS,
    media: createLocalMediaStorage(mediaDir()),
    minuteMs: options.minuteMs,
  };
}

/** A worker on its own task queue so test files never steal each other's tasks. */
export async function startTestWorker(taskQueue: string, options: { whatsapp?: WhatsAppProvider; minuteMs?: number } = {}): Promise<{ worker: Worker; stop: () => Promise<void> }> {
  quietTemporalRuntime();
  const connection = await NativeConnection.connect({ address: inject('temporalAddress') });
  const worker = await createWorker({
    connection,
    namespace: 'default',
    taskQueue,
    deps: testActivityDeps(options),
    workflowBundle: { code: readFileSync(inject('workflowBundlePath'), 'utf8') },
  });
  const running = worker.run();
  return {
    worker,
    stop: async () => {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}

export interface TestApi {
  url: string;
  config: ApiConfig;
  temporal: Client;
  server: Awaited<ReturnType<typeof startApiServer>>;
  close(): Promise<void>;
}

export const TEST_APP_SECRET = 'test-whatsapp-app-secret';

/** Media written by a test file lands in its own temporary folder. */
const mediaDir = (() => {
  let dir: string | undefined;
  return () => (dir ??= mkdtempSync(path.join(os.tmpdir(), 'orquestra-media-')));
})();

/** The real HTTP API on port 0, as practica's tests do: requests go over the wire. */
export async function startTestApi(overrides: Partial<Record<keyof ApiConfig, string>> = {}): Promise<TestApi> {
  const config = apiConfigSchema.parse({
    NODE_ENV: 'test',
    DATABASE_URL: testDatabaseUrl(),
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256',
    SECRETS_ENCRYPTION_KEYS: TEST_PROCESS_ENV.SECRETS_ENCRYPTION_KEYS,
    RATE_LIMIT_PER_IP_PER_MINUTE: '100000',
    RATE_LIMIT_PER_USER_PER_MINUTE: '100000',
    LOGIN_ATTEMPTS_PER_15_MINUTES: '1000',
    WEB_DIST_DIR: 'web/dist',
    WHATSAPP_APP_SECRET: TEST_APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: 'test-verify-token',
    // Tests drive the re-driver with tickNow(); its own timer stays out of the way.
    WEBHOOK_REDRIVE_INTERVAL_MS: '3600000',
    MEDIA_DIR: mediaDir(),
    ...overrides,
  });
  const temporal = temporalClient(config.TEMPORAL_ADDRESS);
  const server = await startApiServer(
    {
      config,
      db: testDb(),
      temporal,
      logger: pino({ level: process.env.TEST_API_LOG ?? 'silent' }),
      tokens: createTokenService({ secret: config.JWT_SECRET, accessTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS }),
    },
    overrides.PORT ? Number(overrides.PORT) : 0,
    '127.0.0.1',
  );
  return {
    url: `http://127.0.0.1:${server.port}`,
    config,
    temporal,
    server,
    close: async () => {
      await server.close();
      await temporal.connection.close();
    },
  };
}

export const TEST_PASSWORD = 'senha-de-teste-1';

export interface CompanyFixture {
  companyId: string;
  departments: { a: string; b: string };
  users: Record<'admin' | 'supervisor' | 'agentA' | 'agentB' | 'viewer', { id: string; email: string; name: string }>;
}

let passwordHash: Promise<string> | undefined;

/** A company of its own per test: two departments, one user per role, agents in one department each. */
export async function createCompanyFixture(label = 'Empresa'): Promise<CompanyFixture> {
  const db = testDb();
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const tag = randomUUID().slice(0, 8);
  const company = await db.company.create({ data: { name: `${label} ${tag}`, slug: `${label.toLowerCase()}-${tag}` } });
  const dept = (name: string) => db.department.create({ data: { companyId: company.id, name, slug: `${name.toLowerCase()}-${tag}` } });
  const [a, b] = await Promise.all([dept('Comercial'), dept('Financeiro')]);
  const user = (key: string, role: 'ADMIN' | 'SUPERVISOR' | 'AGENT' | 'VIEWER', departmentId?: string) =>
    db.user.create({
      data: {
        companyId: company.id,
        name: `${key} ${tag}`,
        email: `${key.toLowerCase()}-${tag}@example.test`,
        role,
        passwordHash: hash,
        ...(departmentId ? { memberships: { create: { departmentId, companyId: company.id } } } : {}),
      },
    });
  const [admin, supervisor, agentA, agentB, viewer] = await Promise.all([
    user('Admin', 'ADMIN'),
    user('Supervisor', 'SUPERVISOR'),
    user('AgentA', 'AGENT', a.id),
    user('AgentB', 'AGENT', b.id),
    user('Viewer', 'VIEWER'),
  ]);
  const pick = (u: { id: string; email: string; name: string }) => ({ id: u.id, email: u.email, name: u.name });
  return {
    companyId: company.id,
    departments: { a: a.id, b: b.id },
    users: { admin: pick(admin), supervisor: pick(supervisor), agentA: pick(agentA), agentB: pick(agentB), viewer: pick(viewer) },
  };
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small HTTP client for the API under test; `as(token)` adds the bearer. */
export function http(baseUrl: string, token?: string) {
  const call = async <T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Non-JSON answers (metrics) stay text.
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  };
  return {
    get: <T = any>(path: string, headers?: Record<string, string>) => call<T>('GET', path, undefined, headers),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>('POST', path, body ?? {}, headers),
    patch: <T = any>(path: string, body: unknown) => call<T>('PATCH', path, body),
    put: <T = any>(path: string, body: unknown) => call<T>('PUT', path, body),
    delete: <T = any>(path: string) => call<T>('DELETE', path),
  };
}

export async function login(baseUrl: string, email: string, password = TEST_PASSWORD) {
  const reply = await http(baseUrl).post('/api/auth/login', { email, password });
  if (reply.status !== 200) throw new Error(`login of ${email} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return { accessToken: reply.body.accessToken as string, refreshToken: refreshCookieOf(reply), api: http(baseUrl, reply.body.accessToken), user: reply.body.user };
}

/** The refresh token travels only in its httpOnly cookie; tests read it from Set-Cookie. */
export function refreshCookieOf(reply: Reply): string {
  const match = /orq_refresh=([^;]*)/.exec(reply.headers.get('set-cookie') ?? '');
  return match?.[1] ?? '';
}

/** Polls until `accept` holds or the time is up, returning the last value (the test asserts on it). */
export async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  do {
    last = await probe();
    if (accept(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  } while (Date.now() < deadline);
  return last;
}
