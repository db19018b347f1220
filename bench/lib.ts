import { spawn, type ChildProcess } from 'node:child_process';
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

/** Runs the real API as its own process, so the load generator does not share its event loop. */
export async function startApiProcess(env: Record<string, string>): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', PORT: String(port), JWT_SECRET: 'bench-secret-that-is-long-enough-for-hs256', ...env },
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
