import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { config as loadDotenv } from 'dotenv';
import { createDatabaseIfMissing, generateClient, migrateDeploy } from '../prisma/database';
import { ensureTemporalCli } from '../temporal/cli';
import { startDevServer, waitForPort, type DevServer } from '../temporal/devServer';

loadDotenv({ quiet: true });

const DATA_DIR = path.resolve(process.env.ORQUESTRA_DATA_DIR ?? 'data');
const color = { api: 36, worker: 35, web: 33, temporal: 34, sandbox: 32 } as const;
type Name = keyof typeof color;

function say(line: string) {
  console.log(`\x1b[1m▶\x1b[0m ${line}`);
}

/** A development secret, made once and kept under data/ so sessions and signatures survive restarts. */
function devSecret(name: string, make = () => randomBytes(48).toString('base64url')): string {
  const file = path.join(DATA_DIR, `dev-${name}`);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(DATA_DIR, { recursive: true });
  const secret = make();
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

const env: NodeJS.ProcessEnv & Record<'DATABASE_URL' | 'JWT_SECRET' | 'SECRETS_ENCRYPTION_KEYS' | 'WHATSAPP_APP_SECRET' | 'WHATSAPP_VERIFY_TOKEN' | 'WHATSAPP_PROVIDER' | 'PORT' | 'WEB_PORT' | 'TEMPORAL_PORT' | 'TEMPORAL_UI_PORT' | 'TEMPORAL_ADDRESS' | 'API_URL' | 'NODE_ENV', string> = {
  ...process.env,
  NODE_ENV: process.env.NODE_ENV ?? 'development',
  DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/orquestra',
  JWT_SECRET: process.env.JWT_SECRET ?? devSecret('jwt-secret'),
  // Company secrets stored in development open only with this key: deleting the file loses them.
  SECRETS_ENCRYPTION_KEYS: process.env.SECRETS_ENCRYPTION_KEYS ?? devSecret('secrets-encryption-keys', () => `dev:${randomBytes(32).toString('base64')}`),
  WHATSAPP_APP_SECRET: process.env.WHATSAPP_APP_SECRET ?? devSecret('whatsapp-app-secret'),
  WHATSAPP_VERIFY_TOKEN: process.env.WHATSAPP_VERIFY_TOKEN ?? devSecret('whatsapp-verify-token'),
  PORT: process.env.PORT ?? '4000',
  WEB_PORT: process.env.WEB_PORT ?? '5173',
  TEMPORAL_PORT: process.env.TEMPORAL_PORT ?? '7233',
  TEMPORAL_UI_PORT: process.env.TEMPORAL_UI_PORT ?? '8233',
  TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? `127.0.0.1:${process.env.TEMPORAL_PORT ?? '7233'}`,
  API_URL: process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? '4000'}`,
  WHATSAPP_PROVIDER: process.env.WHATSAPP_PROVIDER ?? 'sandbox',
};
// The embedded WhatsApp sandbox stands in for Meta unless the provider is switched to `meta`.
const embeddedSandbox = env.WHATSAPP_PROVIDER === 'sandbox';
if (embeddedSandbox) {
  env.SANDBOX_PORT ??= '4010';
  env.SANDBOX_URL ??= `http://127.0.0.1:${env.SANDBOX_PORT}`;
  env.WHATSAPP_GRAPH_URL ??= env.SANDBOX_URL;
  env.WHATSAPP_ACCESS_TOKEN ??= 'sandbox-access-token';
  env.SANDBOX_WEBHOOK_URL ??= `${env.API_URL}/webhooks/whatsapp`;
}
const embeddedTemporal = !process.env.TEMPORAL_ADDRESS;

/** pino writes JSON; in a terminal a person wants "level message {fields}". */
function pretty(name: Name, line: string): string {
  const tag = `\x1b[${color[name]}m${name.padEnd(8)}\x1b[0m`;
  try {
    const entry = JSON.parse(line) as Record<string, unknown>;
    const { level, msg, time, pid, hostname, name: _n, ...rest } = entry;
    const levelName = typeof level === 'number' ? ({ 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' } as Record<number, string>)[level] : String(level);
    const fields = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
    return `${tag} ${levelName} ${String(msg ?? '')}${fields.length > 400 ? `${fields.slice(0, 400)}…` : fields}`;
  } catch {
    return `${tag} ${line}`;
  }
}

const children = new Map<Name, ChildProcess>();
let stopping = false;
let temporal: DevServer | undefined;

/** Starts a child and restarts it if it dies on its own, so one crash does not take the system down. */
function supervise(name: Name, command: string, args: string[], restarts = 0): void {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.set(name, child);
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => console.log(pretty(name, line)));
  }
  child.on('exit', (code, signal) => {
    if (stopping) return;
    const delay = Math.min(30_000, 1000 * 2 ** restarts);
    console.log(pretty(name, `exited (${signal ?? code}); restarting in ${delay / 1000}s`));
    setTimeout(() => supervise(name, command, args, restarts + 1), delay).unref();
  });
}

async function waitForReady(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} was not ready within ${timeoutMs / 1000}s`);
}

/** Ctrl-C at any moment, even mid-start, stops every child and the Temporal dev server. */
async function stop(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping...');
  await Promise.all(
    [...children.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
  await temporal?.stop();
  process.exit(exitCode);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

async function main() {
  say('Temporal CLI');
  const cliPath = await ensureTemporalCli(say);
  say('Prisma client');
  await generateClient();
  say(`Database ${new URL(env.DATABASE_URL).pathname.slice(1)}: create if missing, migrate, seed demo data`);
  await createDatabaseIfMissing(env.DATABASE_URL);
  await migrateDeploy(env.DATABASE_URL);
  const { createPrisma } = await import('../prisma/client');
  const { seedDemo, DEMO_PASSWORD } = await import('../prisma/seed');
  const db = createPrisma(env.DATABASE_URL);
  const seeded = await seedDemo(db, { production: env.NODE_ENV === 'production', sandboxNumber: embeddedSandbox });
  await db.$disconnect();

  if (embeddedTemporal) {
    say(`Temporal dev server on ${env.TEMPORAL_ADDRESS} (state in ${path.relative('.', DATA_DIR)}/temporal.sqlite)`);
    mkdirSync(DATA_DIR, { recursive: true });
    temporal = await startDevServer({
      cliPath,
      port: Number(env.TEMPORAL_PORT),
      uiPort: Number(env.TEMPORAL_UI_PORT),
      dbFile: path.join(DATA_DIR, 'temporal.sqlite'),
      stdio: 'ignore',
    }).catch((error: Error) => {
      throw new Error(`Could not start the Temporal dev server (is port ${env.TEMPORAL_PORT} or ${env.TEMPORAL_UI_PORT} already in use?): ${error.message}`);
    });
    temporal.process.on('exit', (code) => {
      if (!stopping) console.log(pretty('temporal', `dev server exited (${code}); stop with Ctrl-C and start again`));
    });
  }

  say(embeddedSandbox ? 'WhatsApp sandbox, worker, API and web app' : 'Worker, API and web app');
  if (embeddedSandbox) supervise('sandbox', process.execPath, ['--import', 'tsx', 'sandbox/main.ts']);
  supervise('worker', process.execPath, ['--import', 'tsx', 'temporal/worker.ts']);
  supervise('api', process.execPath, ['--import', 'tsx', 'api/main.ts']);
  supervise('web', process.execPath, ['node_modules/vite/bin/vite.js', '--config', 'web/vite.config.ts', '--strictPort']);
  await Promise.all([waitForReady(`${env.API_URL}/readyz`, 60_000), waitForPort(Number(env.WEB_PORT), 60_000)]);

  const webUrl = `http://127.0.0.1:${env.WEB_PORT}`;
  const lines = [
    '',
    '\x1b[1mOrquestra is running\x1b[0m',
    `  Web app       ${webUrl}`,
    `  API           ${env.API_URL}/api   (health ${env.API_URL}/readyz, metrics ${env.API_URL}/metrics)`,
    `  Temporal UI   ${temporal?.uiUrl ?? '(external Temporal at ' + env.TEMPORAL_ADDRESS + ')'}`,
    `  Temporal gRPC ${env.TEMPORAL_ADDRESS}`,
    embeddedSandbox
      ? `  WhatsApp      sandbox at ${env.SANDBOX_URL} (Graph API ${env.SANDBOX_URL}/v23.0); play the customer at ${webUrl}/phone`
      : `  WhatsApp      Meta Cloud API (${env.WHATSAPP_GRAPH_URL ?? 'https://graph.facebook.com'}); webhook URL ${env.API_URL}/webhooks/whatsapp`,
    '',
    seeded.users.length ? `  Demo logins (company "${seeded.company.name}", password ${DEMO_PASSWORD}):` : '  Production mode: no demo users were created.',
    ...seeded.users.map((u) => `    ${u.role.padEnd(10)} ${u.email.padEnd(28)} ${u.name}${'department' in u ? ` (${u.department})` : ''}`),
    '',
    'Ctrl-C stops everything.',
  ];
  console.log(lines.join('\n'));

}

main().catch(async (error: unknown) => {
  console.error(`\x1b[31m✖ ${error instanceof Error ? error.message : String(error)}\x1b[0m`);
  await stop(1);
});
