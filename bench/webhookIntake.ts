/**
 * Webhook intake benchmark (issue: WhatsApp layer). Posts signed Cloud API webhooks at increasing
 * rates against the real API process and PostgreSQL, then measures a bare baseline (one INSERT per
 * event on the same kind of pool) in the same run. Prints sustained events/s, ack latency p50/p99,
 * the ratio to the baseline, and checks that every message was stored exactly once although 10% of
 * the webhooks were sent twice.
 *
 *   npx tsx bench/webhookIntake.ts [--seconds 5] [--rates 1000,2000,4000,6000] [--settle-seconds 300]
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Agent, request } from 'undici';
import { signWhatsAppBody } from '../api/whatsapp/signature';
import pg from 'pg';
import { createPrisma } from '../prisma/client';
import { benchDatabase, benchTemporal, fmt, percentile, startApiProcess } from './lib';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' }, rates: { type: 'string', default: '1000,2000,4000,6000' }, concurrency: { type: 'string', default: '256' }, 'settle-seconds': { type: 'string', default: '300' } } });
const SECONDS = Number(values.seconds);
const RATES = values.rates.split(',').map(Number);
const MAX_IN_FLIGHT = Number(values.concurrency);
const APP_SECRET = 'bench-app-secret';
const PHONE_NUMBER_ID = '100000000000777';
const INTAKE_POOL_SIZE = 4;

function webhookBody(index: number, id: string) {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '200000000000001', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '551140000001', phone_number_id: PHONE_NUMBER_ID }, contacts: [{ wa_id: `55119${String(index % 5000).padStart(8, '0')}`, profile: { name: `Cliente ${index % 5000}` } }], messages: [{ from: `55119${String(index % 5000).padStart(8, '0')}`, id, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: `mensagem ${index}` } }] } }] }],
  });
}

interface StepResult {
  offered: number;
  achieved: number;
  p50: number;
  p99: number;
  errors: number;
  sentIds: Set<string>;
}

/** Open-loop load: requests start on schedule whatever the latency, capped by MAX_IN_FLIGHT. */
async function runStep(url: string, rate: number, agent: Agent, counter: { next: number }): Promise<StepResult> {
  const latencies: number[] = [];
  const sentIds = new Set<string>();
  let errors = 0;
  let inFlight = 0;
  const total = rate * SECONDS;
  const pending: Promise<void>[] = [];
  // Bodies are built and signed before the clock starts: the load generator shares the machine's two
  // cores with the API and PostgreSQL, and its own CPU must not count against the intake.
  const prepared = Array.from({ length: total }, () => {
    const index = counter.next++;
    const id = `wamid.BENCH${index}${randomUUID().slice(0, 8)}`;
    const body = webhookBody(index, id);
    sentIds.add(id);
    return { body, signature: signWhatsAppBody(body, APP_SECRET), copies: index % 10 === 0 ? 2 : 1 }; // Meta repeats deliveries: 10% arrive twice.
  });
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    while (inFlight >= MAX_IN_FLIGHT) await new Promise((r) => setImmediate(r));
    const { body, signature, copies } = prepared[i]!;
    for (let c = 0; c < copies; c++) {
      inFlight++;
      const t0 = performance.now();
      pending.push(
        request(`${url}/webhooks/whatsapp`, { method: 'POST', dispatcher: agent, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body })
          .then(async (res) => {
            await res.body.dump();
            if (res.statusCode === 200) latencies.push(performance.now() - t0);
            else errors++;
          })
          .catch(() => {
            errors++;
          })
          .finally(() => {
            inFlight--;
          }),
      );
    }
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { offered: rate, achieved: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors, sentIds };
}

/** The floor under any intake: one INSERT per event through a pool the size of the intake's, nothing else. */
async function baseline(databaseUrl: string, events: number): Promise<number> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: INTAKE_POOL_SIZE });
  const body = webhookBody(0, 'wamid.BASELINE');
  let inFlight = 0;
  const started = performance.now();
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < events; i++) {
    while (inFlight >= 64) await new Promise((r) => setImmediate(r));
    inFlight++;
    pending.push(pool.query(`INSERT INTO "WebhookEvent" ("id", "source", "payload", "status") VALUES ($1::uuid, 'baseline', $2::jsonb, 'PROCESSED')`, [randomUUID(), body]).finally(() => inFlight--));
  }
  await Promise.all(pending);
  const rate = events / ((performance.now() - started) / 1000);
  await pool.end();
  return rate;
}

async function main() {
  const { databaseUrl, drop } = await benchDatabase('webhooks');
  const db = createPrisma(databaseUrl);
  const company = await db.company.create({ data: { name: 'Bench', slug: `bench-${Date.now()}` } });
  await db.whatsAppNumber.create({ data: { companyId: company.id, phoneNumberId: PHONE_NUMBER_ID, displayPhoneNumber: '+55 11 4000-0777', name: 'Bench' } });
  // No worker runs: conversation workflows are started and wait, which is all intake needs of Temporal.
  const temporal = await benchTemporal();
  const api = await startApiProcess({ DATABASE_URL: databaseUrl, WHATSAPP_APP_SECRET: APP_SECRET, WHATSAPP_VERIFY_TOKEN: 'bench-verify', TEMPORAL_ADDRESS: temporal.address, RATE_LIMIT_PER_IP_PER_MINUTE: '100000000', WEBHOOK_INTAKE_POOL_SIZE: String(INTAKE_POOL_SIZE), WEBHOOK_REDRIVE_INTERVAL_MS: process.env.BENCH_REDRIVE_MS ?? '1000', WEBHOOK_PROCESSING_CONCURRENCY: process.env.BENCH_PROCESSING ?? '8' });
  const agent = new Agent({ connections: MAX_IN_FLIGHT, pipelining: 1 });
  const counter = { next: 0 };
  const allIds = new Set<string>();
  try {
    console.log(`Webhook intake: ${SECONDS}s per step, up to ${MAX_IN_FLIGHT} requests in flight, 10% duplicates`);
    console.log('offered/s  achieved/s  ack p50 ms  ack p99 ms  errors');
    // Warm-up (JIT, connection pools, the first workflows), not reported.
    (await runStep(api.url, 300, agent, counter)).sentIds.forEach((id) => allIds.add(id));
    let best = { achieved: 0, p50: NaN, p99: NaN, offered: 0 };
    for (const rate of RATES) {
      const step = await runStep(api.url, rate, agent, counter);
      step.sentIds.forEach((id) => allIds.add(id));
      console.log(`${String(step.offered).padStart(9)}  ${fmt(step.achieved).padStart(10)}  ${fmt(step.p50).padStart(10)}  ${fmt(step.p99).padStart(10)}  ${step.errors}`);
      if (step.errors === 0 && step.achieved > best.achieved) best = step;
    }
    // Processing continues after the acknowledgements: wait until every event is settled.
    const processingStarted = Date.now();
    const deadline = processingStarted + Number(values['settle-seconds']) * 1000;
    while (Date.now() < deadline && (await db.webhookEvent.count({ where: { status: 'RECEIVED', source: 'whatsapp' } })) > 0) await new Promise((r) => setTimeout(r, 500));
    const processed = await db.webhookEvent.count({ where: { status: 'PROCESSED', source: 'whatsapp' } });
    console.log(`processing: ${processed} events processed; backlog drained ${fmt((Date.now() - processingStarted) / 1000)} s after the last acknowledgement`);
    const stored = await db.message.count({ where: { companyId: company.id } });
    const distinct = await db.$queryRaw<{ n: bigint }[]>`SELECT count(DISTINCT "waMessageId") AS n FROM "Message" WHERE "companyId" = ${company.id}::uuid`;
    const baselineRate = await baseline(databaseUrl, 20_000);
    const settled = await db.webhookEvent.groupBy({ by: ['status'], _count: true, where: { source: 'whatsapp' } });
    console.log(`webhook events after the run: ${settled.map((g) => `${g.status} ${g._count}`).join(', ')}`);
    console.log('');
    console.log(`best sustained: ${fmt(best.achieved)} events/s (offered ${best.offered}), ack p50 ${fmt(best.p50)} ms, p99 ${fmt(best.p99)} ms`);
    console.log(`baseline (one INSERT per event, 64 in flight): ${fmt(baselineRate)} events/s`);
    console.log(`ratio intake/baseline: ${fmt(best.achieved / baselineRate, 2)}`);
    const distinctCount = Number(distinct[0]?.n ?? 0);
    const verdict = stored !== distinctCount ? 'SOME MESSAGE STORED TWICE' : stored === allIds.size ? 'each stored exactly once' : `none stored twice; ${allIds.size - stored} still waiting for processing`;
    console.log(`messages sent ${allIds.size} (10% of them delivered twice), stored ${stored}, distinct ${distinctCount} → ${verdict}`);
  } finally {
    await agent.close();
    await api.stop();
    await temporal.stop();
    await db.$disconnect();
    await drop();
  }
}

await main();
