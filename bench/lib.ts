import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { Connection } from '@temporalio/client';
import { createDatabaseIfMissing, dropDatabase, generateClient, migrateDeploy } from '../prisma/database';
import { freePort } from '../scripts/freePort';
import { ensureTemporalCli } from '../temporal/cli';
import { startDevServer, waitForPort } from '../temporal/devServer';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);

/** A throwaway database for one benchmark run, migrated from scratch and dropped afterwards. */
export async function benchDatabase(name: string) {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/orquestra_bench_${name}_${Date.now()}`;
  const databaseUrl = url.toString();
  await generateClient();
  await createDatabaseIfMissing(databaseUrl);
  await migrateDeploy(databaseUrl);
  return { databaseUrl, drop: () => dropDatabase(databaseUrl) };
}

/** One key ring per run, shared by the API and workers it starts (their configs require one). */
const benchSecretsKeys = `bench:${randomBytes(32).toString('base64')}`;

/** Runs the real API as its own process, so the load generator does not share its event loop. */
export async function startApiProcess(env: Record<string, string>): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', PORT: String(port), JWT_SECRET: 'bench-secret-that-is-long-enough-for-hs256', SECRETS_ENCRYPTION_KEYS: benchSecretsKeys, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitForPort(port, 30_000, child);
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Processing signals conversation workflows, so benchmarks run against a real (in-memory) dev server. */
export async function benchTemporal() {
  return startDevServer({ cliPath: await ensureTemporalCli(), port: await freePort(), logLevel: 'error' });
}

/** Runs the real worker (temporal/worker.ts) as its own process and waits until it polls its task queue. */
export async function startWorkerProcess(
  env: Record<string, string> & { TEMPORAL_ADDRESS: string },
  options: { taskQueue?: string; logFile?: string } = {},
): Promise<{ child: ChildProcess; stop: () => Promise<void> }> {
  const taskQueue = options.taskQueue ?? 'orquestra';
  // A worker under load can log thousands of lines (one per failed activity attempt): keep them apart.
  const output = options.logFile ? openSync(options.logFile, 'a') : 'inherit';
  const child = spawn(process.execPath, ['--import', 'tsx', 'temporal/worker.ts'], {
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', TEMPORAL_TASK_QUEUE: taskQueue, SECRETS_ENCRYPTION_KEYS: benchSecretsKeys, ...env },
    stdio: ['ignore', output, output],
  });
  if (typeof output === 'number') closeSync(output);
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
  try {
    // The worker bundles workflows/ before it polls: that takes several seconds.
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`worker exited with code ${child.exitCode} before polling`);
      const described = await connection.workflowService.describeTaskQueue({ namespace: 'default', taskQueue: { name: taskQueue } });
      if ((described.pollers ?? []).length > 0) break;
      if (Date.now() > deadline) throw new Error(`no worker polled ${taskQueue} within 120 s`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await connection.close();
  }
  return {
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

const CLOCK_TICKS_PER_SECOND = 100;

function statFields(pid: number | string): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    return [text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')), ...text.slice(text.lastIndexOf(')') + 2).split(' ')];
  } catch {
    return undefined;
  }
}

/** CPU seconds a process has used so far (all its threads), from /proc; 0 once it is gone. */
export function cpuSeconds(pid: number | undefined): number {
  const f = pid === undefined ? undefined : statFields(pid);
  // utime and stime are fields 14 and 15 of /proc/PID/stat; here the name is index 0 and the state index 1.
  return f ? (Number(f[12]) + Number(f[13])) / CLOCK_TICKS_PER_SECOND : 0;
}

/**
 * CPU seconds of the whole PostgreSQL server: live backends plus what exited ones left in the
 * postmaster's children's account (connections come and go during a run).
 */
export function postgresCpuSeconds(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const f = statFields(entry);
    if (!f || f[0] !== 'postgres') continue;
    total += (Number(f[12]) + Number(f[13])) / CLOCK_TICKS_PER_SECOND;
    const parent = statFields(f[2]!);
    if (!parent || parent[0] !== 'postgres') total += (Number(f[14]) + Number(f[15])) / CLOCK_TICKS_PER_SECOND;
  }
  return total;
}

/** Busy and total CPU seconds of the machine (all cores), from /proc/stat. */
export function machineCpuSeconds(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = line.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = line[3]! + line[4]!;
  return { busy: (total - idle) / CLOCK_TICKS_PER_SECOND, total: total / CLOCK_TICKS_PER_SECOND };
}
