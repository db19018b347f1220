/**
 * Conversations benchmark (issue: conversations at load). Sandbox customers write across 1,000
 * concurrent conversations at a fixed offered rate, against the real stack: PostgreSQL (a throwaway
 * database), a Temporal dev server, the API process, the worker process, the WhatsApp sandbox
 * (in this process, so its send log and webhook POSTs are timed without polling) and a supervisor's
 * socket.io connection. Each customer's first message opens a conversation (greeting + department
 * menu), the second answers the menu (routing text, queued), the rest are chat a person will answer.
 * A customer waits for the bot before answering it, as a person does. Customers arrive one after
 * another (--arrival steady), or all at once (--arrival burst).
 *
 * Prints, per offered rate: sustained inbound messages/s; p50/p95/p99 from the webhook POST to the
 * inbound message's 'message.new' at the supervisor's socket, and to the bot's reply accepted by the
 * sandbox; where workflows waited (task schedule → start, activity times, from a sample of histories);
 * CPU per process. The orchestration baseline (signal-with-start on a no-op workflow, same dev server
 * before the load, same concurrency as the API's webhook processing) and the ratio; the checks from
 * the database: every inbound message stored once, each bot message sent once, every conversation
 * with its workflow. A rate is skipped when the one before it was not sustained.
 *
 *   npx tsx bench/conversations.ts [--rates 100,150] [--customers 1000] [--messages 6] [--drain-seconds 45]
 *                                  [--baseline-concurrency 16] [--warmup 50] [--arrival steady|burst]
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { hashPassword } from '../api/auth/passwords';
import { createPrisma } from '../prisma/client';
import { freePort } from '../scripts/freePort';
import { createSandbox, type CustomerMessageInput } from '../sandbox/server';
import { benchDatabase, benchTemporal, cpuSeconds, fmt, machineCpuSeconds, percentile, postgresCpuSeconds, startApiProcess, startWorkerProcess } from './lib';
import { noopWorkflow, pingSignal } from './workflows/noop';

const { values } = parseArgs({
  options: {
    rates: { type: 'string', default: '100,150' },
    customers: { type: 'string', default: '1000' },
    messages: { type: 'string', default: '6' },
    'drain-seconds': { type: 'string', default: '45' },
    'baseline-concurrency': { type: 'string', default: process.env.WEBHOOK_PROCESSING_CONCURRENCY ?? '16' },
    warmup: { type: 'string', default: '50' },
    arrival: { type: 'string', default: 'steady' },
  },
});
const RATES = values.rates.split(',').map(Number);
const CUSTOMERS = Number(values.customers);
const MESSAGES_PER_CUSTOMER = Math.max(2, Number(values.messages));
const DRAIN_MS = Number(values['drain-seconds']) * 1000;
const BASELINE_CONCURRENCY = Number(values['baseline-concurrency']);
const WARMUP_CUSTOMERS = Number(values.warmup);
if (values.arrival !== 'steady' && values.arrival !== 'burst') throw new Error('--arrival is steady or burst');
/**
 * steady: customers start one after another over the first 80% of the step, so the mix of first
 * messages, menu answers and chat stays what 1,000 concurrent conversations send (a sixth of the
 * messages open a conversation). burst: every customer is ready at once, so the first 1,000
 * messages all open conversations (six times the steady rate of new conversations).
 */
const ARRIVAL = values.arrival;
const ARRIVAL_SPAN = 0.8;

const APP_SECRET = 'bench-app-secret';
const ACCESS_TOKEN = 'bench-access-token';
const PASSWORD = 'senha-do-benchmark-1';
const NUMBER = { phoneNumberId: '100000000000555', wabaId: '200000000000555', displayPhoneNumber: '+55 11 4000-0555' };
const TASK_QUEUE = 'orquestra';
const NOOP_TASK_QUEUE = 'bench-noop';
/** temporal.api.enums.v1.TaskQueueKind: a task on a worker's own queue. */
const TASK_QUEUE_KIND_STICKY = 2;
const TARGETS = { rate: 100, socketP95: 300, replyP95: 500 };

type Kind = 'first' | 'answer' | 'chat';
type ReplyKind = 'greeting' | 'menu' | 'route' | 'other';

interface Sent {
  wamid: string;
  kind: Kind;
  customer: Customer;
  /** When the customer pressed send (sandbox clock, ms). */
  sentAt: number;
}

interface Customer {
  waId: string;
  index: number;
  step: Step;
  sent: Sent[];
  replies: { kind: ReplyKind; id: string; at: number }[];
  /** The bot message the customer waits for before writing again. */
  waitingFor?: 'menu' | 'route';
  menu?: { id: string; buttonId: string | undefined };
}

interface Step {
  label: string;
  rate: number;
  customers: Customer[];
  sent: Sent[];
  ready: Customer[];
  readyHead: number;
  /** Customers not yet arrived (steady arrival), in arrival order. */
  arriving: number;
  startedAt: number;
  lastSendAt: number;
  /** Ticks at which no customer was ready (every one still waiting for the bot). */
  starved: number;
}

/** Per inbound wamid: first webhook POST, its acknowledgement, its 'message.new' at the socket. */
const postedAt = new Map<string, number>();
const ackMs = new Map<string, number>();
const socketAt = new Map<string, number>();
let socketDuplicates = 0;
const allAcks: number[] = [];
const webhookCounts = { inbound: 0, status: 0, failed: 0 };
const socketCounts = { inbound: 0, outbound: 0, status: 0, conversation: 0 };
const anomalies: string[] = [];

const customersByWaId = new Map<string, Customer>();
/** Inbound wamid → conversation id, as the socket event said. */
const conversationOf = new Map<string, string>();

function inboundIdsOf(body: unknown): string[] {
  if (!(body instanceof Uint8Array)) return [];
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  if (!text.includes('"messages":')) return [];
  const parsed = JSON.parse(text) as { entry: { changes: { value: { messages?: { id: string }[] } }[] }[] };
  return parsed.entry.flatMap((e) => e.changes.flatMap((c) => (c.value.messages ?? []).map((m) => m.id)));
}

/** The sandbox's outgoing webhook POSTs, timed: the start of the first attempt is "webhook POST". */
const timedFetch: typeof fetch = async (input, init) => {
  const ids = inboundIdsOf(init?.body);
  const t0 = Date.now();
  if (ids.length) webhookCounts.inbound++;
  else webhookCounts.status++;
  for (const id of ids) if (!postedAt.has(id)) postedAt.set(id, t0);
  const response = await fetch(input, init);
  const took = Date.now() - t0;
  if (!response.ok) webhookCounts.failed++;
  else {
    allAcks.push(took);
    for (const id of ids) if (!ackMs.has(id)) ackMs.set(id, took);
  }
  return response;
};

function latencies(values: (number | undefined)[]) {
  const present = values.filter((v): v is number => v !== undefined).sort((a, b) => a - b);
  return { n: present.length, p50: percentile(present, 50), p95: percentile(present, 95), p99: percentile(present, 99), max: present.at(-1) ?? NaN };
}

const row = (label: string, l: ReturnType<typeof latencies>, of?: number) =>
  `  ${label.padEnd(34)} ${String(l.n).padStart(6)}${of !== undefined && of !== l.n ? `/${of}` : ''}  p50 ${fmt(l.p50, 0).padStart(6)}  p95 ${fmt(l.p95, 0).padStart(6)}  p99 ${fmt(l.p99, 0).padStart(6)}  max ${fmt(l.max, 0).padStart(6)} ms`;

async function main() {
  const started = Date.now();
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const { databaseUrl, drop } = await benchDatabase('conversations');
  const db = createPrisma(databaseUrl, { poolSize: 4 });
  const tag = randomUUID().slice(0, 8);
  const company = await db.company.create({ data: { name: 'Bench Conversas', slug: `bench-conversas-${tag}` } });
  const departments = [
    await db.department.create({ data: { companyId: company.id, name: 'Comercial', slug: `comercial-${tag}` } }),
    await db.department.create({ data: { companyId: company.id, name: 'Financeiro', slug: `financeiro-${tag}` } }),
  ];
  const supervisor = await db.user.create({ data: { companyId: company.id, name: 'Supervisora', email: `supervisora-${tag}@example.test`, role: 'SUPERVISOR', passwordHash: await hashPassword(PASSWORD) } });
  await db.whatsAppNumber.create({ data: { companyId: company.id, phoneNumberId: NUMBER.phoneNumberId, displayPhoneNumber: NUMBER.displayPhoneNumber, name: 'Atendimento' } });

  const temporal = await benchTemporal();
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
    MEDIA_DIR: mkdtempSync(path.join(os.tmpdir(), 'orquestra-bench-media-')),
  });
  const sandbox = createSandbox(
    {
      webhookUrl: `${api.url}/webhooks/whatsapp`,
      appSecret: APP_SECRET,
      accessTokens: [ACCESS_TOKEN],
      numbers: [NUMBER],
      // A number at Meta's default tier (80 messages/s) could not greet 100 new customers a second
      // (two bot messages each); 1,000/s is the tier a business at this volume is upgraded to.
      throughputPerSecond: 1000,
    },
    { fetch: timedFetch },
  );
  await sandbox.start(sandboxPort);
  const workerLog = path.join(mkdtempSync(path.join(os.tmpdir(), 'orquestra-bench-')), 'worker.log');
  const [worker, noopWorker] = await Promise.all([
    startWorkerProcess({ DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporal.address, WHATSAPP_GRAPH_URL: sandboxUrl, WHATSAPP_ACCESS_TOKEN: ACCESS_TOKEN }, { taskQueue: TASK_QUEUE, logFile: workerLog }),
    NativeConnection.connect({ address: temporal.address }).then(async (connection) => ({
      connection,
      worker: await Worker.create({ connection, taskQueue: NOOP_TASK_QUEUE, workflowsPath: fileURLToPath(new URL('./workflows/noop.ts', import.meta.url)) }),
    })),
  ]);
  const temporalClient = new Client({ connection: await Connection.connect({ address: temporal.address }) });

  const login = await fetch(`${api.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: supervisor.email, password: PASSWORD }) });
  if (login.status !== 200) throw new Error(`supervisor login failed: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const socket: Socket = connectSocket(api.url, { auth: { token: accessToken }, transports: ['websocket'] });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  socket.on('message.new', (event: { conversationId: string; message: { direction: string; waMessageId: string | null } }) => {
    if (event.message.direction !== 'INBOUND') {
      socketCounts.outbound++;
      return;
    }
    socketCounts.inbound++;
    const id = event.message.waMessageId ?? '';
    if (socketAt.has(id)) socketDuplicates++;
    else socketAt.set(id, Date.now());
    conversationOf.set(id, event.conversationId);
  });
  socket.on('message.status', () => socketCounts.status++);
  socket.on('conversation.updated', () => socketCounts.conversation++);

  // What the bot sent, as the sandbox accepted it: the 'sent' status follows each accepted send, and
  // the sandbox's log holds the moment of acceptance.
  sandbox.subscribe((event) => {
    if (event.type !== 'status' || event.status !== 'sent') return;
    const customer = customersByWaId.get(event.wa_id);
    if (!customer) return;
    const logged = sandbox.conversation(event.wa_id, NUMBER.phoneNumberId)?.messages.findLast((m) => m.id === event.id);
    if (!logged) return;
    const content = logged.content as { type?: string; text?: { body?: string }; interactive?: { action?: { buttons?: { reply: { id: string } }[] } } };
    const body = content.text?.body ?? '';
    const kind: ReplyKind = content.type === 'interactive' ? 'menu' : body.startsWith('Olá') ? 'greeting' : body.startsWith('Certo!') || body.startsWith('Vou te encaminhar') ? 'route' : 'other';
    if (customer.replies.some((r) => r.kind === kind)) anomalies.push(`${customer.waId} received a second ${kind}`);
    if (kind === 'other') anomalies.push(`${customer.waId} received an unexpected bot message: ${body.slice(0, 60)}`);
    customer.replies.push({ kind, id: logged.id, at: logged.at });
    if (kind === 'menu' && customer.waitingFor === 'menu') {
      customer.menu = { id: logged.id, buttonId: content.interactive?.action?.buttons?.[0]?.reply.id };
      customer.waitingFor = undefined;
      makeReady(customer);
    } else if (kind === 'route' && customer.waitingFor === 'route') {
      customer.waitingFor = undefined;
      makeReady(customer);
    }
  });

  function makeReady(customer: Customer) {
    if (customer.sent.length < MESSAGES_PER_CUSTOMER) customer.step.ready.push(customer);
  }

  function nextMessage(customer: Customer): { kind: Kind; message: CustomerMessageInput } {
    const n = customer.sent.length;
    if (n === 0) return { kind: 'first', message: { type: 'text', text: 'Oi, bom dia', name: `Cliente ${customer.index}` } };
    if (n === 1) {
      // Half tap the first button, half type the second option's number.
      if (customer.index % 2 === 0 && customer.menu?.buttonId) return { kind: 'answer', message: { type: 'button_reply', button_reply: { id: customer.menu.buttonId }, context: { message_id: customer.menu.id } } };
      return { kind: 'answer', message: { type: 'text', text: '2' } };
    }
    return { kind: 'chat', message: { type: 'text', text: `Mensagem ${n} do cliente ${customer.index}: preciso de ajuda com o meu pedido.` } };
  }

  let phoneSeq = 0;
  function newStep(label: string, rate: number, count: number): Step {
    const step: Step = { label, rate, customers: [], sent: [], ready: [], readyHead: 0, arriving: 0, startedAt: 0, lastSendAt: 0, starved: 0 };
    for (let i = 0; i < count; i++) {
      const index = phoneSeq++;
      const customer: Customer = { waId: `55119${String(70_000_000 + index).padStart(8, '0')}`, index, step, sent: [], replies: [] };
      step.customers.push(customer);
      customersByWaId.set(customer.waId, customer);
    }
    return step;
  }

  /**
   * Open loop at the offered rate; each tick the longest-ready customer writes. A stack too slow to
   * answer leaves no customer ready: the step then stops at 1.5 times its planned length.
   */
  async function drive(step: Step, total: number) {
    step.startedAt = Date.now();
    const deadline = step.startedAt + ((total * 1000) / step.rate) * 1.5;
    // A burst is an arrival every 0 ms: every customer is ready at the first tick.
    const arrivalEveryMs = ARRIVAL === 'burst' ? 0 : (((total * 1000) / step.rate) * ARRIVAL_SPAN) / step.customers.length;
    const admitArrivals = () => {
      while (step.arriving < step.customers.length && step.startedAt + step.arriving * arrivalEveryMs <= Date.now()) step.ready.push(step.customers[step.arriving++]!);
    };
    for (let i = 0; i < total && Date.now() < deadline; i++) {
      const due = step.startedAt + (i * 1000) / step.rate;
      const wait = due - Date.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      admitArrivals();
      if (step.readyHead >= step.ready.length) {
        step.starved++;
        while (step.readyHead >= step.ready.length && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 5));
          admitArrivals();
        }
        if (step.readyHead >= step.ready.length) break;
      }
      const customer = step.ready[step.readyHead++]!;
      const { kind, message } = nextMessage(customer);
      // The sandbox starts the webhook POST synchronously when it has a free slot: read the clock first.
      const sentAt = Date.now();
      const { wamid } = sandbox.customerSends(customer.waId, { to_phone_number_id: NUMBER.phoneNumberId, ...message });
      const sent: Sent = { wamid, kind, customer, sentAt };
      customer.sent.push(sent);
      step.sent.push(sent);
      if (kind === 'first') customer.waitingFor = 'menu';
      else if (kind === 'answer') customer.waitingFor = 'route';
      else makeReady(customer);
    }
    step.lastSendAt = Date.now();
    step.ready.length = 0;
    step.readyHead = 0;
  }

  const done = (step: Step) =>
    step.sent.every((s) => socketAt.has(s.wamid)) && step.customers.every((c) => c.sent.length < 2 || c.replies.some((r) => r.kind === 'route')) && step.customers.every((c) => c.sent.length < 1 || c.replies.some((r) => r.kind === 'menu'));

  async function drain(step: Step) {
    const deadline = Date.now() + DRAIN_MS;
    while (!done(step) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    return Date.now();
  }

  const pids = { api: api.child.pid, worker: worker.child.pid, temporal: temporal.process.pid, bench: process.pid };
  const cpuSnapshot = () => ({
    api: cpuSeconds(pids.api),
    worker: cpuSeconds(pids.worker),
    temporal: cpuSeconds(pids.temporal),
    postgres: postgresCpuSeconds(),
    bench: cpuSeconds(pids.bench),
    machine: machineCpuSeconds(),
  });

  interface StepResult {
    step: Step;
    sustained: number;
    sentRate: number;
    socket: ReturnType<typeof latencies>;
    reply: ReturnType<typeof latencies>;
    complete: boolean;
  }
  const results: StepResult[] = [];

  async function runStep(label: string, rate: number, customers: number, report: boolean): Promise<StepResult> {
    const step = newStep(label, rate, customers);
    const total = customers * MESSAGES_PER_CUSTOMER;
    const before = cpuSnapshot();
    await apiEventLoopLagP99();
    const probe = probeTemporal();
    await drive(step, total);
    const drainedAt = await drain(step);
    const probes = await probe.stop();
    const after = cpuSnapshot();
    const lag = await apiEventLoopLagP99();
    const complete = done(step);
    // Sustained: inbound messages that reached the agent's socket while the customers were still
    // writing, per second of writing. A stack that falls behind shows it here and in the drain time.
    const window = (step.lastSendAt - step.startedAt) / 1000;
    const sustained = step.sent.filter((s) => (socketAt.get(s.wamid) ?? Infinity) <= step.lastSendAt).length / window;
    const sentRate = step.sent.length / window;
    const since = (s: Sent, at: number | undefined) => (at === undefined || !postedAt.has(s.wamid) ? undefined : at - postedAt.get(s.wamid)!);
    const replyOf = (s: Sent, kind: ReplyKind) => s.customer.replies.find((r) => r.kind === kind)?.at;
    const firsts = step.sent.filter((s) => s.kind === 'first');
    const answers = step.sent.filter((s) => s.kind === 'answer');
    const socket = latencies(step.sent.map((s) => since(s, socketAt.get(s.wamid))));
    const reply = latencies([...firsts.map((s) => since(s, replyOf(s, 'greeting'))), ...answers.map((s) => since(s, replyOf(s, 'route')))]);
    const result: StepResult = { step, sustained, sentRate, socket, reply, complete };
    if (!report) return result;

    const wall = (drainedAt - step.startedAt) / 1000;
    const cpu = (key: 'api' | 'worker' | 'temporal' | 'postgres' | 'bench') => `${key} ${fmt((100 * (after[key] - before[key])) / wall, 0)}%`;
    const machineBusy = (100 * (after.machine.busy - before.machine.busy)) / (after.machine.total - before.machine.total);
    // The machine is shared: whatever else ran (other sessions' tests, browsers) competed for the same cores.
    const ours = (['api', 'worker', 'temporal', 'postgres', 'bench'] as const).reduce((sum, key) => sum + after[key] - before[key], 0);
    const others = (100 * Math.max(0, after.machine.busy - before.machine.busy - ours)) / wall;
    console.log('');
    console.log(`${label}: ${step.sent.length}${step.sent.length < total ? ` of ${total} planned (STOPPED: customers waited too long for the bot)` : ''} inbound messages from ${customers} customers (${MESSAGES_PER_CUSTOMER} each), sent in ${fmt((step.lastSendAt - step.startedAt) / 1000)} s; drained ${fmt((drainedAt - step.lastSendAt) / 1000)} s after the last${complete ? '' : ' (DRAIN TIMED OUT)'}`);
    console.log(`  offered ${rate}/s, sent ${fmt(sentRate)}/s${step.starved ? ` (${step.starved} ticks found no customer ready)` : ''}, sustained ${fmt(sustained)}/s (inbound messages at the agent's socket while customers wrote)`);
    console.log(row('customer send → webhook POST', latencies(step.sent.map((s) => (postedAt.has(s.wamid) ? postedAt.get(s.wamid)! - s.sentAt : undefined))), step.sent.length));
    console.log(row('webhook POST → 200', latencies(step.sent.map((s) => ackMs.get(s.wamid))), step.sent.length));
    console.log(row('webhook → socket message.new', socket, step.sent.length));
    for (const kind of ['first', 'answer', 'chat'] as const) console.log(row(`  of ${kind} messages`, latencies(step.sent.filter((s) => s.kind === kind).map((s) => since(s, socketAt.get(s.wamid))))));
    console.log(row('webhook → bot reply accepted', reply, firsts.length + answers.length));
    console.log(row('  first message → greeting', latencies(firsts.map((s) => since(s, replyOf(s, 'greeting'))))));
    console.log(row('  first message → menu', latencies(firsts.map((s) => since(s, replyOf(s, 'menu'))))));
    console.log(row('  menu answer → routing text', latencies(answers.map((s) => since(s, replyOf(s, 'route'))))));
    console.log(row('Temporal signal-with-start probe', probes));
    for (const line of await historyStats(step)) console.log(line);
    console.log(`  API event loop lag p99 ${fmt(lag, 0)} ms`);
    console.log(`  CPU (100% = one core): ${cpu('api')}, ${cpu('worker')}, ${cpu('temporal')}, ${cpu('postgres')}, ${cpu('bench')} (sandbox + customers + socket), other processes ${fmt(others, 0)}%; machine busy ${fmt(machineBusy, 0)}% of ${os.cpus().length} cores`);
    if (others > 25) console.log(`  WARNING: other processes took ${fmt(others, 0)}% of a core during this step; the figures understate the stack on a machine of its own`);
    results.push(result);
    return result;
  }

  /** Two signal-with-starts a second on a no-op workflow while the step runs: Temporal's own latency under the load. */
  function probeTemporal() {
    const samples: number[] = [];
    let stopped = false;
    let n = 0;
    const loop = (async () => {
      while (!stopped) {
        const t0 = performance.now();
        await temporalClient.workflow.signalWithStart(noopWorkflow, { workflowId: `probe-${n++ % 50}`, taskQueue: NOOP_TASK_QUEUE, signal: pingSignal, signalArgs: [{ messageId: String(n) }] });
        samples.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 500));
      }
    })();
    return {
      async stop() {
        stopped = true;
        await loop;
        return latencies(samples);
      },
    };
  }

  /** prom-client resets the event loop histogram at each scrape: the value covers the time since the last. */
  async function apiEventLoopLagP99(): Promise<number> {
    const text = await (await fetch(`${api.url}/metrics`)).text().catch(() => '');
    return Number(/^nodejs_eventloop_lag_p99_seconds (\S+)/m.exec(text)?.[1] ?? NaN) * 1000;
  }

  /** Where workflows spent their time: waiting for the worker, or in activities (a sample of the step's conversations). */
  async function historyStats(step: Step): Promise<string[]> {
    const ids = step.customers.map((c) => c.sent[0] && conversationOf.get(c.sent[0].wamid)).filter((id): id is string => Boolean(id));
    const sample = ids.filter((_, i) => i % Math.max(1, Math.floor(ids.length / 40)) === 0).slice(0, 40);
    const wtWait: number[] = [];
    const stickyWait: number[] = [];
    const normalWait: number[] = [];
    const atWait: number[] = [];
    const run = new Map<string, number[]>();
    const ms = (t: { seconds?: unknown; nanos?: number | null } | null | undefined) => {
      const seconds = t?.seconds as number | { toNumber(): number } | undefined;
      return (typeof seconds === 'number' ? seconds : (seconds?.toNumber() ?? 0)) * 1000 + (t?.nanos ?? 0) / 1e6;
    };
    await Promise.all(
      sample.map(async (id) => {
        const events = (await temporalClient.workflow.getHandle(`conversation-${id}`).fetchHistory()).events ?? [];
        const byId = new Map(events.map((e) => [Number(e.eventId), e]));
        for (const e of events) {
          const wt = e.workflowTaskStartedEventAttributes;
          if (wt) {
            const scheduled = byId.get(Number(wt.scheduledEventId));
            const wait = ms(e.eventTime) - ms(scheduled?.eventTime);
            wtWait.push(wait);
            // The first task of a workflow, and any task its worker's cache lost, go to the shared queue.
            (scheduled?.workflowTaskScheduledEventAttributes?.taskQueue?.kind === TASK_QUEUE_KIND_STICKY ? stickyWait : normalWait).push(wait);
          }
          const at = e.activityTaskStartedEventAttributes;
          if (at) atWait.push(ms(e.eventTime) - ms(byId.get(Number(at.scheduledEventId))?.eventTime));
          const done = e.activityTaskCompletedEventAttributes;
          if (done) {
            const scheduled = byId.get(Number(done.scheduledEventId));
            const started = byId.get(Number(done.startedEventId));
            const type = scheduled?.activityTaskScheduledEventAttributes?.activityType?.name ?? '?';
            if (!run.has(type)) run.set(type, []);
            run.get(type)!.push(ms(e.eventTime) - ms(started?.eventTime));
          }
        }
      }),
    );
    return [
      row(`workflow task schedule → start (${sample.length} wf)`, latencies(wtWait)),
      row('  on the shared task queue', latencies(normalWait)),
      row('  on the worker\'s sticky queue', latencies(stickyWait)),
      row('activity schedule → start', latencies(atWait)),
      ...[...run].map(([type, values]) => row(`activity ${type}`, latencies(values))),
    ];
  }

  /** Where the time of one slow greeting went: the workflow's history, relative to the webhook POST. */
  async function explainSlowestGreeting() {
    const firsts = results.flatMap((r) => r.step.sent.filter((s) => s.kind === 'first'));
    const greetingLatency = (s: Sent) => (s.customer.replies.find((r) => r.kind === 'greeting')?.at ?? Infinity) - (postedAt.get(s.wamid) ?? 0);
    const sorted = firsts.filter((s) => conversationOf.has(s.wamid) && Number.isFinite(greetingLatency(s))).sort((a, b) => greetingLatency(a) - greetingLatency(b));
    const sample = sorted[Math.floor(sorted.length * 0.95)];
    if (!sample) return;
    const posted = postedAt.get(sample.wamid)!;
    const history = await temporalClient.workflow.getHandle(`conversation-${conversationOf.get(sample.wamid)}`).fetchHistory();
    const ms = (t: { seconds?: unknown; nanos?: number | null } | null | undefined) => {
      const seconds = t?.seconds as number | { toNumber(): number } | undefined;
      return (typeof seconds === 'number' ? seconds : (seconds?.toNumber() ?? 0)) * 1000 + (t?.nanos ?? 0) / 1e6;
    };
    const steps = (history.events ?? []).slice(0, 30).map((e) => {
      const name = Object.keys(e).find((k) => k.endsWith('EventAttributes'))?.replace(/EventAttributes$/, '') ?? '?';
      const activity = (e.activityTaskScheduledEventAttributes?.activityType?.name ?? '') as string;
      return `${name}${activity ? `(${activity})` : ''} +${fmt(ms(e.eventTime) - posted, 0)}`;
    });
    console.log(`p95 of the greetings sent (${fmt(greetingLatency(sample), 0)} ms after the webhook POST; ${firsts.length - sorted.length} first messages had none by the end): its workflow history in ms after the POST (socket event at +${fmt((socketAt.get(sample.wamid) ?? NaN) - posted, 0)}):`);
    console.log(`  ${steps.join(', ')}`);
  }

  try {
    console.log(`Conversations: ${CUSTOMERS} customers per step, ${MESSAGES_PER_CUSTOMER} messages each (first, menu answer, ${MESSAGES_PER_CUSTOMER - 2} chat), ${ARRIVAL === 'steady' ? `arriving one after another over the first ${ARRIVAL_SPAN * 100}% of each step` : 'all ready at once'}; set up in ${fmt((Date.now() - started) / 1000)} s`);
    // Warm-up (JIT, pools, workflow cache), not reported but checked with the rest.
    if (WARMUP_CUSTOMERS > 0) await runStep('warm-up', 40, WARMUP_CUSTOMERS, false);
    // Measured before the load, on the same (idle) dev server: the floor under any orchestration.
    const baseline = await measureBaseline(temporalClient, noopWorker.worker);
    console.log(`baseline: ${fmt(baseline)} signal-with-start/s on a no-op workflow, ${BASELINE_CONCURRENCY} in flight, ${CUSTOMERS} workflow ids`);
    for (const rate of RATES) {
      const previous = results.at(-1);
      if (previous && !(previous.complete && previous.sustained >= previous.step.rate * 0.9)) {
        console.log(`\n${rate}/s: skipped, ${previous.step.label} was not sustained`);
        continue;
      }
      await runStep(`${rate}/s`, rate, CUSTOMERS, true);
    }

    // Status webhooks of the last bot messages still arrive; let them settle (for a while) before counting.
    await Promise.race([sandbox.webhooks.idle(), new Promise((r) => setTimeout(r, 15_000))]);

    const checks = await verify();
    const sandboxStats = sandbox.stats();
    const numberStats = sandboxStats.numbers[NUMBER.phoneNumberId];
    const events = await db.webhookEvent.groupBy({ by: ['status'], _count: true, where: { source: 'whatsapp' } });
    const redriven = await db.$queryRaw<{ inbound: bigint; status: bigint }[]>`
      SELECT count(*) FILTER (WHERE "payload"::text LIKE '%"messages":%') AS inbound, count(*) FILTER (WHERE "payload"::text NOT LIKE '%"messages":%') AS status
      FROM "WebhookEvent" WHERE "source" = 'whatsapp' AND "attempts" > 0`;

    console.log('');
    console.log(`webhooks POSTed by the sandbox: ${webhookCounts.inbound} inbound, ${webhookCounts.status} status, ${webhookCounts.failed} answered non-2xx or failed (${sandboxStats.webhooks.failedAttempts} retried); all acks p50 ${fmt(percentile(allAcks.sort((a, b) => a - b), 50), 0)} ms p99 ${fmt(percentile(allAcks, 99), 0)} ms`);
    console.log(`webhook events stored: ${events.map((g) => `${g.status} ${g._count}`).join(', ')}; went through the re-driver instead of being processed after their 200: ${redriven[0]?.inbound ?? 0} inbound, ${redriven[0]?.status ?? 0} status`);
    console.log(`bot sends accepted by the sandbox: ${numberStats?.sent ?? 0}; refused for throughput ${numberStats?.throughputRejected ?? 0}, pair rate ${numberStats?.pairRateRejected ?? 0}`);
    console.log(`socket events at the supervisor: ${socketCounts.inbound} inbound message.new (${socketDuplicates} repeated), ${socketCounts.outbound} outbound message.new, ${socketCounts.status} message.status, ${socketCounts.conversation} conversation.updated`);
    for (const line of checks.lines) console.log(line);
    if (anomalies.length) console.log(`anomalies (${anomalies.length}): ${anomalies.slice(0, 5).join('; ')}${anomalies.length > 5 ? '; …' : ''}`);
    const workerLines = readFileSync(workerLog, 'utf8').split('\n').filter(Boolean);
    if (workerLines.length) {
      const byMessage = new Map<string, number>();
      for (const l of workerLines) {
        const msg = (/"msg":"([^"]{0,140})/.exec(l)?.[1] ?? l.slice(0, 140)).replace(/[0-9a-f-]{36}/g, '…');
        byMessage.set(msg, (byMessage.get(msg) ?? 0) + 1);
      }
      console.log(`worker logged ${workerLines.length} warnings/errors (${workerLog}); most frequent:`);
      for (const [msg, n] of [...byMessage].sort((a, b) => b[1] - a[1]).slice(0, 3)) console.log(`  ${n} × ${msg}`);
    }
    await explainSlowestGreeting();

    console.log('');
    const cols = results.map((r) => r.step.label.padStart(14)).join('');
    console.log(`${'figure'.padEnd(44)}${cols}   target`);
    const line = (label: string, cells: string[], target = '') => console.log(`${label.padEnd(44)}${cells.map((c) => c.padStart(14)).join('')}   ${target}`);
    line('sustained inbound messages/s', results.map((r) => fmt(r.sustained)), `≥ ${TARGETS.rate}`);
    line('webhook → socket p50 / p95 ms', results.map((r) => `${fmt(r.socket.p50, 0)}/${fmt(r.socket.p95, 0)}`), `p95 ≤ ${TARGETS.socketP95}`);
    line('webhook → bot reply p50 / p95 ms', results.map((r) => `${fmt(r.reply.p50, 0)}/${fmt(r.reply.p95, 0)}`), `p95 ≤ ${TARGETS.replyP95}`);
    line(`baseline signal-with-start/s (${BASELINE_CONCURRENCY} in flight)`, results.map(() => fmt(baseline)));
    line('ratio sustained / baseline', results.map((r) => fmt(r.sustained / baseline, 2)));
    console.log(`lost: ${checks.lost}, not yet processed: ${checks.unprocessed}, duplicated: ${checks.duplicated}, bot messages sent twice: ${checks.botTwice}, bot messages missing: ${checks.botMissing}, conversations without workflow: ${checks.withoutWorkflow}`);
    const pass = results.some((r) => r.complete && r.step.sent.length === r.step.customers.length * MESSAGES_PER_CUSTOMER && r.step.rate >= TARGETS.rate && r.sustained >= TARGETS.rate * 0.98 && r.socket.p95 <= TARGETS.socketP95 && r.reply.p95 <= TARGETS.replyP95);
    console.log(`targets ${pass && checks.lost + checks.unprocessed + checks.duplicated + checks.botTwice + checks.botMissing + checks.withoutWorkflow === 0 ? 'MET' : 'NOT MET'} (total run ${fmt((Date.now() - started) / 1000)} s)`);
  } finally {
    socket.close();
    await worker.stop();
    await sandbox.stop();
    await api.stop();
    await noopWorker.connection.close().catch(() => undefined);
    await temporalClient.connection.close();
    await temporal.stop();
    await db.$disconnect();
    await drop();
  }

  /** Signal-with-start on a workflow that does nothing, same ids pattern and concurrency as the API's. */
  async function measureBaseline(client: Client, noop: Worker): Promise<number> {
    const running = noop.run();
    const total = CUSTOMERS * MESSAGES_PER_CUSTOMER;
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: BASELINE_CONCURRENCY }, async () => {
        for (let i = next++; i < total; i = next++) {
          await client.workflow.signalWithStart(noopWorkflow, { workflowId: `noop-${i % CUSTOMERS}`, taskQueue: NOOP_TASK_QUEUE, signal: pingSignal, signalArgs: [{ messageId: String(i) }] });
        }
      }),
    );
    const rate = total / ((performance.now() - t0) / 1000);
    noop.shutdown();
    await running;
    return rate;
  }

  /** From the database and the sandbox's log: nothing lost, nothing twice, every conversation orchestrated. */
  async function verify() {
    const customers = [...customersByWaId.values()];
    const sentIds = customers.flatMap((c) => c.sent.map((s) => s.wamid));
    const stored = await db.$queryRaw<{ waMessageId: string; n: bigint }[]>`
      SELECT "waMessageId", count(*) AS n FROM "Message" WHERE "companyId" = ${company.id}::uuid AND "direction" = 'INBOUND' GROUP BY "waMessageId"`;
    const storedCount = new Map(stored.map((r) => [r.waMessageId, Number(r.n)]));
    // Not stored yet is not lost: the sandbox may still hold the webhook (retrying, or queued behind slow
    // acknowledgements), or the API holds the event for its re-driver. Lost means acknowledged and gone.
    const unstored = sentIds.filter((id) => !storedCount.has(id));
    const notPosted = unstored.filter((id) => !postedAt.has(id) || !ackMs.has(id));
    const acked = unstored.filter((id) => ackMs.has(id));
    const pendingRows = acked.length
      ? await db.$queryRaw<{ id: string }[]>`
          SELECT ids.id FROM unnest(${acked}::text[]) AS ids(id)
          WHERE EXISTS (SELECT 1 FROM "WebhookEvent" w WHERE w."status" IN ('RECEIVED', 'DEFERRED') AND strpos(w."payload"::text, ids.id) > 0)`
      : [];
    const lost = acked.length - pendingRows.length;
    const duplicated = [...storedCount.values()].filter((n) => n > 1).length;
    const unknown = [...storedCount.keys()].filter((id) => !postedAt.has(id)).length;

    const conversations = await db.$queryRaw<{ id: string; waId: string; status: string; outbound: bigint; distinctBodies: bigint }[]>`
      SELECT c."id", ct."waId", c."status"::text AS status,
             count(m."id") FILTER (WHERE m."direction" = 'OUTBOUND') AS outbound,
             count(DISTINCT m."body") FILTER (WHERE m."direction" = 'OUTBOUND') AS "distinctBodies"
      FROM "Conversation" c JOIN "Contact" ct ON ct."id" = c."contactId" LEFT JOIN "Message" m ON m."conversationId" = c."id"
      WHERE c."companyId" = ${company.id}::uuid GROUP BY c."id", ct."waId", c."status"`;
    const perCustomer = new Map<string, number>();
    for (const c of conversations) perCustomer.set(c.waId, (perCustomer.get(c.waId) ?? 0) + 1);
    const customersWithoutConversation = customers.filter((c) => c.sent.length > 0 && !perCustomer.has(c.waId)).length;
    const customersWithTwo = [...perCustomer.values()].filter((n) => n > 1).length;
    // Greeting, menu and routing text: three bot messages per conversation that reached its queue.
    const expected = (waId: string) => [0, 2, 3][Math.min(2, customersByWaId.get(waId)!.sent.length)]!;
    const storedTwice = conversations.filter((c) => Number(c.outbound) > expected(c.waId) || Number(c.distinctBodies) < Number(c.outbound)).length;
    const storedMissing = conversations.filter((c) => Number(c.outbound) < expected(c.waId)).length;
    const notQueued = conversations.filter((c) => c.status !== 'QUEUED').length;
    // What the customers' phones show, which is what "sent twice" means to them.
    const received = customers.map((c) => ({ c, n: sandbox.conversation(c.waId, NUMBER.phoneNumberId)?.messages.filter((m) => m.direction === 'outbound').length ?? 0 }));
    const receivedTwice = received.filter(({ c, n }) => n > expected(c.waId)).length;
    const receivedMissing = received.filter(({ c, n }) => n < expected(c.waId)).length;

    const workflowIds = new Set<string>();
    for await (const execution of temporalClient.workflow.list({ query: `WorkflowType = 'conversationWorkflow'` })) workflowIds.add(execution.workflowId);
    const withoutWorkflow = conversations.filter((c) => !workflowIds.has(`conversation-${c.id}`)).length;
    const missedAtSocket = sentIds.filter((id) => !socketAt.has(id)).length;

    return {
      lost,
      unprocessed: unstored.length - lost,
      duplicated,
      botTwice: Math.max(storedTwice, receivedTwice),
      botMissing: Math.max(storedMissing, receivedMissing),
      withoutWorkflow,
      lines: [
        `inbound: ${sentIds.length} sent by customers, ${storedCount.size} stored (${unknown} unknown ids); not stored by the end: ${notPosted.length} still with the sandbox (not yet acknowledged), ${pendingRows.length} acknowledged and waiting for the API's re-driver, ${lost} acknowledged and lost; stored twice ${duplicated}; ${missedAtSocket} not seen at the supervisor's socket`,
        `conversations: ${conversations.length} for ${perCustomer.size} customers (${customersWithTwo} customers with two, ${customersWithoutConversation} with none), ${conversations.length - notQueued} QUEUED, ${notQueued} in another status`,
        `bot messages: stored ${conversations.reduce((a, c) => a + Number(c.outbound), 0)}; conversations with one stored twice ${storedTwice}, with one missing ${storedMissing}; customers who received one twice ${receivedTwice}, missing one ${receivedMissing}`,
        `workflows: ${workflowIds.size} conversation workflows in Temporal, ${withoutWorkflow} conversations without one`,
      ],
    };
  }
}

await main();
