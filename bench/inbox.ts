/**
 * Agent inbox benchmark (issue 5: the inbox in the browser). Builds web/ for production into a
 * temporary folder, served by the real API process (as in production: express.static plus the SPA
 * fallback), with PostgreSQL (a throwaway database), a Temporal dev server, the worker process, the
 * WhatsApp sandbox (in this process) and Debian's Chromium driven by playwright-core.
 *
 * Prints, against the targets:
 * 1. inbox interactive: navigation start → the first conversation row rendered (a clickable button
 *    in the list), p50/p95 over N navigations, cold (a fresh browser context each time: empty HTTP
 *    cache) and warm (same page, cache filled), for a supervisor on "Todas" and an agent on "Fila",
 *    with 10,000 conversations in the database; the baseline is the same navigation with 100
 *    conversations, measured in the same run before the other 9,900 are seeded.
 * 2. initial JavaScript of /inbox: every script the browser loads from a fresh context until the list
 *    is interactive and the network idle, each gzipped with node:zlib at level 9, summed; biggest chunks listed.
 * 3. a customer message on screen: the agent has the conversation open; a customer writes through the
 *    sandbox; a MutationObserver in the page stamps performance.timeOrigin + performance.now() when the
 *    text enters the DOM (and at the next animation frame), against Date.now() just before the sandbox
 *    POST. The same messages are timed at a plain socket.io client logged in as the same agent: the
 *    webhook → socket floor the UI adds to.
 *
 *   npx tsx bench/inbox.ts [--conversations 10000] [--baseline-conversations 100] [--navigations 10] [--samples 30] [--waterfall]
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { hashPassword } from '../api/auth/passwords';
import { createPrisma } from '../prisma/client';
import { freePort } from '../scripts/freePort';
import { createSandbox } from '../sandbox/server';
import { benchDatabase, benchTemporal, fmt, machineCpuSeconds, percentile, startApiProcess, startWorkerProcess } from './lib';

const { values } = parseArgs({
  options: {
    conversations: { type: 'string', default: '10000' },
    'baseline-conversations': { type: 'string', default: '100' },
    navigations: { type: 'string', default: '10' },
    samples: { type: 'string', default: '30' },
    waterfall: { type: 'boolean', default: false },
  },
});
const CONVERSATIONS = Number(values.conversations);
const BASELINE_CONVERSATIONS = Number(values['baseline-conversations']);
const NAVIGATIONS = Number(values.navigations);
const SAMPLES = Number(values.samples);
const WARMUP_SAMPLES = 3;

const TARGETS = { interactiveMs: 1000, initialJsGzipBytes: 250_000, onScreenP95Ms: 300 };
const APP_SECRET = 'bench-app-secret';
const ACCESS_TOKEN = 'bench-access-token';
const PASSWORD = 'senha-do-benchmark-1';
const NUMBER = { phoneNumberId: '100000000000666', wabaId: '200000000000666', displayPhoneNumber: '+55 11 4000-0666' };
const TASK_QUEUE = 'orquestra';
const CUSTOMER_WA_ID = '5511977770001';
const VIEWPORT = { width: 1440, height: 900 };

declare global {
  interface Window {
    __firstRowAt?: number;
    /** [start, duration] of main-thread tasks over 50 ms. */
    __longTasks: [number, number][];
    __pending: Set<string>;
    __seenAt: Record<string, number>;
    __frameAt: Record<string, number>;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * How busy the whole machine was between two readings: this run's processes and anything else on it
 * (other test runs share the two cores, and every figure here moves with them).
 */
function busyShare(from: ReturnType<typeof machineCpuSeconds>) {
  const now = machineCpuSeconds();
  return `${fmt((100 * (now.busy - from.busy)) / Math.max(0.01, now.total - from.total), 0)}% busy`;
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? NaN };
}

// ─── Seeding ─────────────────────────────────────────────────────────────────────────────────────

interface Fixture {
  companyId: string;
  numberId: string;
  departments: [string, string];
  agents: [{ id: string; email: string }, { id: string; email: string }];
  supervisor: { id: string; email: string };
}

/**
 * Conversations numbered [from, to): one contact each, alternating departments, 30% QUEUED, 30%
 * ASSIGNED to the department's agent, 40% RESOLVED; an inbound message each, plus the agent's answer
 * when someone took it. Plain SQL in one statement: 10,000 rows in a few seconds.
 */
const SEED = `
WITH src AS (
  SELECT i,
    CASE WHEN i % 10 < 3 THEN 'QUEUED' WHEN i % 10 < 6 THEN 'ASSIGNED' ELSE 'RESOLVED' END AS status,
    CASE WHEN i % 2 = 0 THEN $3::uuid ELSE $4::uuid END AS department_id,
    CASE WHEN i % 2 = 0 THEN $5::uuid ELSE $6::uuid END AS agent_id,
    now() - (i * interval '53 seconds') - interval '2 minutes' AS at,
    (ARRAY['Ana','Bruno','Carla','Diego','Elaine','Fábio','Gabriela','Heitor','Isabela','João','Karen','Lucas','Marina','Nelson','Olívia','Paulo'])[1 + i % 16]
      || ' ' || (ARRAY['Silva','Souza','Oliveira','Santos','Pereira','Lima','Costa','Ferreira','Almeida','Ribeiro','Carvalho','Gomes','Martins'])[1 + (i / 16) % 13] AS name,
    '5521' || lpad(i::text, 9, '0') AS wa_id
  FROM generate_series($7::int, $8::int - 1) AS i
), contact AS (
  INSERT INTO "Contact" ("id", "companyId", "waId", "phone", "profileName", "lastInboundAt", "createdAt", "updatedAt")
  SELECT gen_random_uuid(), $1::uuid, wa_id, '+' || wa_id, name, at, at, now() FROM src
  RETURNING "id", "waId"
), conv AS (
  INSERT INTO "Conversation" ("id", "companyId", "numberId", "contactId", "status", "departmentId", "assigneeId", "unreadCount", "flowState",
    "queuedAt", "firstResponseAt", "lastMessageAt", "lastInboundAt", "closedAt", "createdAt", "updatedAt")
  SELECT gen_random_uuid(), $1::uuid, $2::uuid, contact."id", src.status::"ConversationStatus", src.department_id,
    CASE WHEN src.status = 'QUEUED' THEN NULL ELSE src.agent_id END,
    CASE WHEN src.status = 'RESOLVED' THEN 0 ELSE src.i % 3 END,
    CASE WHEN src.status = 'QUEUED' THEN 'DEPARTMENT_SELECTED' ELSE src.status END,
    CASE WHEN src.status = 'QUEUED' THEN src.at END,
    CASE WHEN src.status <> 'QUEUED' THEN src.at END,
    src.at, src.at - interval '1 minute',
    CASE WHEN src.status = 'RESOLVED' THEN src.at END,
    src.at - interval '5 minutes', now()
  FROM src JOIN contact ON contact."waId" = src.wa_id
  RETURNING "id", "status", "assigneeId", "lastMessageAt"
)
INSERT INTO "Message" ("id", "companyId", "conversationId", "numberId", "direction", "type", "body", "status", "waMessageId", "senderUserId", "createdAt")
SELECT gen_random_uuid(), $1::uuid, conv."id", $2::uuid, m.direction::"MessageDirection", 'text', m.body, m.status::"MessageStatus", 'wamid.seed.' || conv."id" || '.' || m.direction,
  CASE WHEN m.direction = 'OUTBOUND' THEN conv."assigneeId" END, m.at
FROM conv CROSS JOIN LATERAL (VALUES
  ('INBOUND', 'Olá, gostaria de saber o prazo de entrega do meu pedido', 'RECEIVED', conv."lastMessageAt" - interval '1 minute'),
  ('OUTBOUND', 'Claro! Vou verificar agora mesmo e já te respondo.', 'READ', conv."lastMessageAt")
) AS m(direction, body, status, at)
WHERE m.direction = 'INBOUND' OR conv."status" <> 'QUEUED'`;

async function seed(sql: pg.Pool, fixture: Fixture, from: number, to: number) {
  if (to <= from) return;
  await sql.query(SEED, [fixture.companyId, fixture.numberId, ...fixture.departments, fixture.agents[0].id, fixture.agents[1].id, from, to]);
  await sql.query('VACUUM ANALYZE "Contact", "Conversation", "Message"');
}

// ─── Browser helpers ─────────────────────────────────────────────────────────────────────────────

function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A session as the web app restores it on load: the refresh token in its httpOnly cookie. */
async function loginCookie(apiUrl: string, email: string) {
  const reply = await fetch(`${apiUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  if (reply.status !== 200) throw new Error(`login of ${email} failed: ${reply.status} ${await reply.text()}`);
  const refresh = /orq_refresh=([^;]*)/.exec(reply.headers.get('set-cookie') ?? '')?.[1];
  if (!refresh) throw new Error('login answered without the refresh cookie');
  const body = (await reply.json()) as { accessToken: string };
  return { accessToken: body.accessToken, refresh };
}

/**
 * The first rendered row is stamped from inside the page, before any of its scripts run, so the
 * figure does not include the round trips of a test driver polling for it.
 */
// In-page code goes as text: tsx wraps named functions in a `__name` helper the page does not have.
const FIRST_ROW_OBSERVER = `(() => {
  const observer = new MutationObserver(() => {
    if (window.__firstRowAt === undefined && document.querySelector('[role="list"] button[data-conversation-id]')) {
      window.__firstRowAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask' });
  } catch {}
})();`;

/** A fresh context (empty cache) signed in through the refresh cookie; a login when no cookie is given. */
async function sessionContext(browser: Browser, apiUrl: string, session: { email: string } | { refresh: string }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'pt-BR' });
  const refresh = 'refresh' in session ? session.refresh : (await loginCookie(apiUrl, session.email)).refresh;
  const url = new URL(apiUrl);
  await context.addCookies([{ name: 'orq_refresh', value: refresh, domain: url.hostname, path: '/api/auth', httpOnly: true, secure: true, sameSite: 'Strict' }]);
  await context.addInitScript({ content: FIRST_ROW_OBSERVER });
  return context;
}

/**
 * The refresh token the context holds now. The web app rotates it on every load, and presenting a
 * rotated one revokes the session: the next context carries this one on (no password hash per context).
 */
async function heldRefresh(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === 'orq_refresh');
  if (!cookie) throw new Error('the context holds no refresh cookie');
  return cookie.value;
}

/** Milliseconds from navigation start, read from the page's own timings. */
interface Navigation {
  interactive: number;
  /** The document (index.html) received. */
  html: number;
  /** The last script that started before the session refresh finished loading. */
  scripts: number;
  refreshStart: number;
  refreshEnd: number;
  listStart: number;
  listEnd: number;
  /** Main-thread time spent in tasks over 50 ms before the first row. */
  longTasks: number;
  rows: number;
  waterfall: string[];
}

async function navigate(page: Page, url: string): Promise<Navigation> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__firstRowAt !== undefined, undefined, { timeout: 20_000, polling: 50 }).catch(async (error: Error) => {
    const text = await page.evaluate(() => document.body?.innerText.slice(0, 300) ?? '').catch(() => '');
    throw new Error(`no conversation row at ${page.url()} (${error.message}); the page says: ${JSON.stringify(text)}`);
  });
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const refresh = resources.find((e) => e.name.includes('/api/auth/refresh'));
    const list = resources.filter((e) => e.name.includes('/api/conversations?')).sort((a, b) => a.responseEnd - b.responseEnd)[0];
    const scripts = resources.filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js')).filter((e) => !refresh || e.startTime < refresh.startTime);
    return {
      interactive: window.__firstRowAt!,
      html: navigation?.responseEnd ?? NaN,
      scripts: scripts.length ? Math.max(...scripts.map((e) => e.responseEnd)) : NaN,
      refreshStart: refresh?.startTime ?? NaN,
      refreshEnd: refresh?.responseEnd ?? NaN,
      listStart: list?.startTime ?? NaN,
      listEnd: list?.responseEnd ?? NaN,
      longTasks: window.__longTasks.filter(([start]) => start < window.__firstRowAt!).reduce((a, [, d]) => a + d, 0),
      waterfall: [
        ...resources.map((e) => [e.startTime, `${Math.round(e.startTime)}–${Math.round(e.responseEnd)} ${new URL(e.name).pathname}${new URL(e.name).search.slice(0, 40)}`] as const),
        ...window.__longTasks.map(([start, d]) => [start, `${Math.round(start)}–${Math.round(start + d)} (long task)`] as const),
      ]
        .sort((a, b) => a[0] - b[0])
        .map(([, line]) => line),
      rows: document.querySelectorAll('[role="list"] button[data-conversation-id]').length,
    };
  });
}

interface Scenario {
  label: string;
  email: string;
  path: string;
}

async function measureNavigations(browser: Browser, apiUrl: string, scenario: Scenario, checkClick: boolean) {
  const url = `${apiUrl}${scenario.path}`;
  const cold: Navigation[] = [];
  let refresh = (await loginCookie(apiUrl, scenario.email)).refresh;
  for (let i = 0; i < NAVIGATIONS; i++) {
    const context = await sessionContext(browser, apiUrl, { refresh });
    const page = await context.newPage();
    cold.push(await navigate(page, url));
    refresh = await heldRefresh(context);
    if (checkClick && i === 0) {
      // Rendered is not enough: the row must answer a click by opening the chat.
      await page.locator('[role="list"] button[data-conversation-id]').first().click();
      await page.waitForURL(/\/inbox\/[0-9a-f-]{36}/, { timeout: 10_000 });
      await page.getByRole('log').waitFor({ timeout: 10_000 });
    }
    await context.close();
  }
  const context = await sessionContext(browser, apiUrl, { refresh });
  const page = await context.newPage();
  await navigate(page, url); // fills the HTTP cache
  const warm: Navigation[] = [];
  for (let i = 0; i < NAVIGATIONS; i++) {
    await page.goto('about:blank');
    warm.push(await navigate(page, url));
  }
  await context.close();
  return { cold, warm };
}

/**
 * Stamps when each awaited text first enters the DOM (a new node or a changed text node) and the
 * animation frame after it, the one that paints it. Wall clock: performance.timeOrigin + now().
 */
const TEXT_OBSERVER = `(() => {
  window.__pending = new Set();
  window.__seenAt = {};
  window.__frameAt = {};
  const stamp = (text) => {
    for (const wanted of window.__pending) {
      if (window.__seenAt[wanted] === undefined && text.includes(wanted)) {
        window.__seenAt[wanted] = performance.timeOrigin + performance.now();
        requestAnimationFrame(() => { window.__frameAt[wanted] = performance.timeOrigin + performance.now(); });
      }
    }
  };
  new MutationObserver((records) => {
    if (window.__pending.size === 0) return;
    for (const record of records) {
      if (record.type === 'characterData') stamp(record.target.textContent || '');
      else for (const node of record.addedNodes) stamp(node.textContent || '');
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
})()`;

// ─── Main ────────────────────────────────────────────────────────────────────────────────────────

function buildWeb(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], { stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}`))));
  });
}

async function main() {
  const runStarted = Date.now();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'orquestra-bench-inbox-'));
  const webDist = path.join(scratch, 'dist');
  const buildStarted = Date.now();
  await buildWeb(webDist);
  console.log(`web build: ${fmt((Date.now() - buildStarted) / 1000)} s → ${webDist}`);

  const [{ databaseUrl, drop }, temporal] = await Promise.all([benchDatabase('inbox'), benchTemporal()]);
  const db = createPrisma(databaseUrl, { poolSize: 4 });
  const sql = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const tag = randomUUID().slice(0, 8);
  const passwordHash = await hashPassword(PASSWORD);
  const company = await db.company.create({ data: { name: 'Bench Inbox', slug: `bench-inbox-${tag}` } });
  const comercial = await db.department.create({ data: { companyId: company.id, name: 'Comercial', slug: `comercial-${tag}`, color: '#059669' } });
  const financeiro = await db.department.create({ data: { companyId: company.id, name: 'Financeiro', slug: `financeiro-${tag}`, color: '#2563eb' } });
  const user = (name: string, role: 'SUPERVISOR' | 'AGENT', departmentId?: string) =>
    db.user.create({
      data: {
        companyId: company.id,
        name,
        email: `${name.split(' ')[0]!.toLowerCase()}-${tag}@example.test`,
        role,
        passwordHash,
        ...(departmentId ? { memberships: { create: { departmentId, companyId: company.id } } } : {}),
      },
    });
  const supervisor = await user('Sofia Supervisora', 'SUPERVISOR');
  const agentA = await user('Alice Comercial', 'AGENT', comercial.id);
  const agentB = await user('Bruno Financeiro', 'AGENT', financeiro.id);
  const number = await db.whatsAppNumber.create({ data: { companyId: company.id, phoneNumberId: NUMBER.phoneNumberId, displayPhoneNumber: NUMBER.displayPhoneNumber, name: 'Atendimento' } });
  const fixture: Fixture = { companyId: company.id, numberId: number.id, departments: [comercial.id, financeiro.id], agents: [agentA, agentB], supervisor };

  // Webhook POSTs from the sandbox, timed by the text they carry: the start of the webhook → socket floor.
  const webhookPostedAt = new Map<string, number>();
  const timedFetch: typeof fetch = async (input, init) => {
    if (init?.body instanceof Uint8Array || typeof init?.body === 'string') {
      const text = typeof init.body === 'string' ? init.body : Buffer.from(init.body).toString('utf8');
      const match = /"body":"(bench-[^"]+)"/.exec(text);
      if (match && !webhookPostedAt.has(match[1]!)) webhookPostedAt.set(match[1]!, Date.now());
    }
    return fetch(input, init);
  };

  const sandboxPort = await freePort();
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const api = await startApiProcess({
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: TASK_QUEUE,
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: 'bench-verify-token',
    WHATSAPP_GRAPH_URL: sandboxUrl,
    WHATSAPP_ACCESS_TOKEN: ACCESS_TOKEN,
    WEB_DIST_DIR: webDist,
    MEDIA_DIR: path.join(scratch, 'media'),
    RATE_LIMIT_PER_IP_PER_MINUTE: '1000000',
    RATE_LIMIT_PER_USER_PER_MINUTE: '1000000',
    LOGIN_ATTEMPTS_PER_15_MINUTES: '100000',
  });
  const sandbox = createSandbox(
    { webhookUrl: `${api.url}/webhooks/whatsapp`, appSecret: APP_SECRET, accessTokens: [ACCESS_TOKEN], numbers: [NUMBER], statusDelaysMs: { sent: 5, delivered: 10, read: 20 } },
    { fetch: timedFetch },
  );
  await sandbox.start(sandboxPort);
  const [worker, browser] = await Promise.all([
    startWorkerProcess(
      { DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporal.address, WHATSAPP_GRAPH_URL: sandboxUrl, WHATSAPP_ACCESS_TOKEN: ACCESS_TOKEN, MEDIA_DIR: path.join(scratch, 'media') },
      { taskQueue: TASK_QUEUE, logFile: path.join(scratch, 'worker.log') },
    ),
    launchChromium(),
  ]);
  console.log(`stack up in ${fmt((Date.now() - runStarted) / 1000)} s (API ${api.url}, sandbox ${sandboxUrl}, worker log ${path.join(scratch, 'worker.log')})`);

  const scenarios: Scenario[] = [
    { label: 'supervisor, Todas', email: supervisor.email, path: '/inbox?tab=all' },
    { label: 'agent, Fila', email: agentA.email, path: '/inbox?tab=queue' },
  ];
  let socket: Socket | undefined;
  try {
    // 1. Interactive: the baseline first, then the full load.
    const loadAtStart = os.loadavg()[0]!;
    const navigationsCpu = machineCpuSeconds();
    await seed(sql, fixture, 0, BASELINE_CONVERSATIONS);
    const navigations: { dataset: number; scenario: Scenario; cold: Navigation[]; warm: Navigation[] }[] = [];
    for (const scenario of scenarios) navigations.push({ dataset: BASELINE_CONVERSATIONS, scenario, ...(await measureNavigations(browser, api.url, scenario, false)) });
    const seedStarted = Date.now();
    await seed(sql, fixture, BASELINE_CONVERSATIONS, CONVERSATIONS);
    const counted = await sql.query<{ n: string }>('SELECT count(*) AS n FROM "Conversation" WHERE "companyId" = $1', [company.id]);
    console.log(`seeded ${counted.rows[0]!.n} conversations (${CONVERSATIONS - BASELINE_CONVERSATIONS} in ${fmt((Date.now() - seedStarted) / 1000)} s, with VACUUM ANALYZE)`);
    for (const scenario of scenarios) navigations.push({ dataset: CONVERSATIONS, scenario, ...(await measureNavigations(browser, api.url, scenario, true)) });

    const navigationsLoad = busyShare(navigationsCpu);

    // 2. Initial JavaScript of /inbox from an empty cache.
    const scripts: { url: string; raw: number; gzip: number; encoding: string }[] = [];
    const styles: { raw: number; gzip: number }[] = [];
    {
      const context = await sessionContext(browser, api.url, { email: supervisor.email });
      const page = await context.newPage();
      const bodies: Promise<void>[] = [];
      page.on('response', (response) => {
        const type = response.request().resourceType();
        const contentType = response.headers()['content-type'] ?? '';
        const isScript = type === 'script' || /javascript/.test(contentType);
        const isStyle = type === 'stylesheet' || /text\/css/.test(contentType);
        if (!isScript && !isStyle) return;
        bodies.push(
          response.body().then(
            (body) => {
              const entry = { raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
              if (isScript) scripts.push({ url: new URL(response.url()).pathname, ...entry, encoding: response.headers()['content-encoding'] ?? 'none' });
              else styles.push(entry);
            },
            () => undefined,
          ),
        );
      });
      await navigate(page, `${api.url}/inbox?tab=all`);
      await page.waitForLoadState('networkidle');
      await Promise.all(bodies);
      await context.close();
    }

    // 3. A customer message on screen. The conversation is made the real way: the customer writes,
    // the bot asks for a department, the customer picks Comercial, the agent accepts.
    const customerSays = async (text: string) => {
      const reply = await fetch(`${sandboxUrl}/sandbox/customers/${CUSTOMER_WA_ID}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ to_phone_number_id: NUMBER.phoneNumberId, name: 'Joana Benchmark', type: 'text', text }),
      });
      if (reply.status >= 300) throw new Error(`sandbox refused the customer message: ${reply.status} ${await reply.text()}`);
    };
    const botMessages = async () => {
      const reply = await fetch(`${sandboxUrl}/sandbox/customers/${CUSTOMER_WA_ID}/messages?phone_number_id=${NUMBER.phoneNumberId}`);
      if (reply.status === 404) return 0;
      return ((await reply.json()) as { messages: { direction: string }[] }).messages.filter((m) => m.direction === 'outbound').length;
    };
    const until = async <T>(probe: () => Promise<T>, accept: (v: T) => boolean, what: string, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await probe();
        if (accept(value)) return value;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await sleep(100);
      }
    };
    await customerSays('Olá, boa tarde');
    await until(botMessages, (n) => n >= 2, 'the bot menu');
    await customerSays('1');
    const conversation = await until(
      () => db.conversation.findFirst({ where: { companyId: company.id, contact: { waId: CUSTOMER_WA_ID } }, orderBy: { createdAt: 'desc' } }),
      (c) => c?.status === 'QUEUED',
      'the conversation to reach the Comercial queue',
    );
    const agentSession = await loginCookie(api.url, agentA.email);
    const accepted = await fetch(`${api.url}/api/conversations/${conversation!.id}/accept`, { method: 'POST', headers: { authorization: `Bearer ${agentSession.accessToken}` } });
    if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${await accepted.text()}`);

    const socketSeenAt = new Map<string, number>();
    const socketWaiters = new Map<string, () => void>();
    socket = connectSocket(api.url, { path: '/socket.io', transports: ['websocket'], auth: { token: agentSession.accessToken } });
    socket.on('message.new', (event: { message?: { body?: string | null } }) => {
      const body = event.message?.body;
      if (!body || socketSeenAt.has(body)) return;
      socketSeenAt.set(body, Date.now());
      socketWaiters.get(body)?.();
    });
    await new Promise<void>((resolve, reject) => {
      socket!.once('connect', () => resolve());
      socket!.once('connect_error', reject);
    });

    const context = await sessionContext(browser, api.url, { email: agentA.email });
    const page = await context.newPage();
    await page.goto(`${api.url}/inbox/${conversation!.id}?tab=mine`);
    await page.locator('[data-testid="realtime-state"][data-state="live"]').waitFor({ timeout: 15_000 });
    await page.getByRole('log').getByText('Olá, boa tarde').waitFor({ timeout: 15_000 });
    await page.evaluate(TEXT_OBSERVER);

    // Both clocks are this machine's wall clock; the offset is checked, not assumed.
    const clockOffset = async () => {
      const before = Date.now();
      const inPage = await page.evaluate(() => performance.timeOrigin + performance.now());
      const after = Date.now();
      return { offset: inPage - (before + after) / 2, uncertainty: (after - before) / 2 };
    };
    const clockBefore = await clockOffset();
    const samplesCpu = machineCpuSeconds();

    const samples: { socket: number; webhookToSocket: number; dom: number; frame: number; webhookToFrame: number }[] = [];
    for (let i = 0; i < WARMUP_SAMPLES + SAMPLES; i++) {
      const text = `bench-${i}-${randomUUID().slice(0, 8)} quero saber do meu pedido`;
      await page.evaluate((t) => window.__pending.add(t), text);
      const heardBySocket = new Promise<void>((resolve) => socketWaiters.set(text, resolve));
      const sentAt = Date.now();
      await customerSays(text);
      await Promise.race([heardBySocket, sleep(10_000).then(() => Promise.reject(new Error(`socket never heard sample ${i}`)))]);
      await page.waitForFunction((t) => window.__frameAt[t] !== undefined, text, { timeout: 10_000, polling: 20 });
      const [seenAt, frameAt] = await page.evaluate((t) => {
        window.__pending.delete(t);
        return [window.__seenAt[t]!, window.__frameAt[t]!] as const;
      }, text);
      if (i >= WARMUP_SAMPLES) {
        const socketAt = socketSeenAt.get(text)!;
        const webhookAt = webhookPostedAt.get(text) ?? NaN;
        samples.push({ socket: socketAt - sentAt, webhookToSocket: socketAt - webhookAt, dom: seenAt - sentAt, frame: frameAt - sentAt, webhookToFrame: frameAt - webhookAt });
      }
      await sleep(100 + Math.random() * 150);
    }
    const samplesLoad = busyShare(samplesCpu);
    const clockAfter = await clockOffset();
    await context.close();

    // ─── Report ──────────────────────────────────────────────────────────────────────────────────
    console.log('');
    console.log(`machine: ${os.cpus().length} cores, load average ${fmt(loadAtStart)} when the navigations began, ${fmt(os.loadavg()[0]!)} at the end`);
    console.log(`1. Inbox interactive (navigation start → first conversation row rendered), ${NAVIGATIONS} navigations each, ms; machine ${navigationsLoad}`);
    const columns = ['html', 'scripts', 'refreshStart', 'refreshEnd', 'listStart', 'listEnd', 'longTasks'] as const;
    console.log(`   ${'conversations'.padStart(13)}  ${'view'.padEnd(18)}  ${'cache'.padEnd(5)}  ${'p50'.padStart(5)}  ${'p95'.padStart(5)}  ${'max'.padStart(5)}  │ p50 of: ${columns.map((c) => c.padStart(13)).join('')}  rows`);
    const summary = new Map<string, { p50: number; p95: number }>();
    for (const { dataset, scenario, cold, warm } of navigations) {
      for (const [cache, runs] of [['cold', cold], ['warm', warm]] as const) {
        const s = stats(runs.map((r) => r.interactive));
        summary.set(`${dataset}|${scenario.label}|${cache}`, s);
        const breakdown = columns.map((c) => fmt(stats(runs.map((r) => r[c])).p50, 0).padStart(13)).join('');
        console.log(`   ${String(dataset).padStart(13)}  ${scenario.label.padEnd(18)}  ${cache.padEnd(5)}  ${fmt(s.p50, 0).padStart(5)}  ${fmt(s.p95, 0).padStart(5)}  ${fmt(s.max, 0).padStart(5)}  │         ${breakdown}  ${runs[0]!.rows}`);
      }
    }
    console.log('   (breakdown, ms from navigation start: document received, scripts loaded before the session refresh, the refresh request, the first list page request; longTasks: main-thread ms in tasks over 50 ms before the first row)');
    if (values.waterfall) {
      for (const { dataset, scenario, cold, warm } of navigations.filter((n) => n.dataset === CONVERSATIONS)) {
        for (const [cache, runs] of [['cold', cold], ['warm', warm]] as const) {
          const run = runs.at(-1)!;
          console.log(`   waterfall, ${dataset} conversations, ${scenario.label}, ${cache} (first row at ${fmt(run.interactive, 0)} ms):`);
          for (const entry of run.waterfall) console.log(`     ${entry}`);
        }
      }
    }
    console.log('   ratio to the baseline (p50, 10k / 100):');
    for (const scenario of scenarios) {
      for (const cache of ['cold', 'warm']) {
        const full = summary.get(`${CONVERSATIONS}|${scenario.label}|${cache}`)!;
        const base = summary.get(`${BASELINE_CONVERSATIONS}|${scenario.label}|${cache}`)!;
        console.log(`     ${scenario.label.padEnd(18)} ${cache}: ${fmt(full.p50 / base.p50, 2)} (p95 ${fmt(full.p95 / base.p95, 2)})`);
      }
    }

    const jsRaw = scripts.reduce((a, s) => a + s.raw, 0);
    const jsGzip = scripts.reduce((a, s) => a + s.gzip, 0);
    console.log('');
    console.log(`2. Initial JavaScript of /inbox (fresh context, until interactive and network idle): ${scripts.length} files, ${fmt(jsRaw / 1000)} kB raw, ${fmt(jsGzip / 1000)} kB gzip -9`);
    console.log(`   served with content-encoding: ${[...new Set(scripts.map((s) => s.encoding))].join(', ')}; CSS besides: ${styles.length} files, ${fmt(styles.reduce((a, s) => a + s.gzip, 0) / 1000)} kB gzip`);
    for (const s of [...scripts].sort((a, b) => b.gzip - a.gzip).slice(0, 6)) console.log(`   ${fmt(s.gzip / 1000).padStart(7)} kB gzip  ${fmt(s.raw / 1000).padStart(7)} kB raw  ${s.url}`);

    const on = (key: keyof (typeof samples)[number]) => stats(samples.map((s) => s[key]));
    const socketStats = on('socket');
    const floor = on('webhookToSocket');
    const dom = on('dom');
    const frame = on('frame');
    const webhookToFrame = on('webhookToFrame');
    const added = stats(samples.map((s) => s.frame - s.socket));
    const line = (label: string, s: ReturnType<typeof stats>) => `   ${label.padEnd(44)} p50 ${fmt(s.p50, 0).padStart(5)}  p95 ${fmt(s.p95, 0).padStart(5)}  max ${fmt(s.max, 0).padStart(5)} ms`;
    console.log('');
    console.log(`3. Customer message → on the agent's screen (conversation open, ${samples.length} samples after ${WARMUP_SAMPLES} warm-up); machine ${samplesLoad}`);
    console.log(line('sandbox POST → text in the DOM', dom));
    console.log(line('sandbox POST → next animation frame', frame));
    console.log(line('sandbox POST → plain socket.io client', socketStats));
    console.log(line('webhook POST → plain socket.io client (floor)', floor));
    console.log(line('webhook POST → next animation frame', webhookToFrame));
    console.log(line('added by the page (frame − socket client)', added));
    console.log(`   ratio p95 on screen (webhook → frame) / floor (webhook → socket): ${fmt(webhookToFrame.p95 / floor.p95, 2)}`);
    console.log(`   clock check, page − node: ${fmt(clockBefore.offset, 1)} ms ±${fmt(clockBefore.uncertainty, 1)} before, ${fmt(clockAfter.offset, 1)} ms ±${fmt(clockAfter.uncertainty, 1)} after`);

    const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
    const worst = (cache: string) => Math.max(...scenarios.map((s) => summary.get(`${CONVERSATIONS}|${s.label}|${cache}`)!.p95));
    const rows: [string, string, string, boolean][] = [
      [`inbox interactive, ${CONVERSATIONS} conv., cold p95`, `${fmt(worst('cold'), 0)} ms`, `≤ ${TARGETS.interactiveMs} ms`, worst('cold') <= TARGETS.interactiveMs],
      [`inbox interactive, ${CONVERSATIONS} conv., warm p95`, `${fmt(worst('warm'), 0)} ms`, `≤ ${TARGETS.interactiveMs} ms`, worst('warm') <= TARGETS.interactiveMs],
      ['initial JavaScript of /inbox, gzip', `${fmt(jsGzip / 1000)} kB`, `< ${TARGETS.initialJsGzipBytes / 1000} kB`, jsGzip < TARGETS.initialJsGzipBytes],
      ['sandbox message on screen, p95', `${fmt(frame.p95, 0)} ms`, `≤ ${TARGETS.onScreenP95Ms} ms`, frame.p95 <= TARGETS.onScreenP95Ms],
    ];
    console.log('');
    console.log(`   ${'target'.padEnd(44)} ${'measured'.padStart(10)}  ${'target'.padStart(10)}  verdict`);
    for (const [label, measured, target, ok] of rows) console.log(`   ${label.padEnd(44)} ${measured.padStart(10)}  ${target.padStart(10)}  ${verdict(ok)}`);
    console.log(`   (interactive: the worse of the two views; on screen: the frame after the text entered the DOM)`);
    console.log(`run took ${fmt((Date.now() - runStarted) / 1000)} s`);
  } finally {
    socket?.close();
    await browser.close();
    await api.stop();
    await worker.stop();
    await sandbox.stop();
    await temporal.stop();
    await sql.end();
    await db.$disconnect();
    await drop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
