import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const prismaCli = path.resolve('node_modules/prisma/build/index.js');

/**
 * Prisma's CLI downloads native engines unless these point at an existing file; we use the Wasm
 * query compiler and the JS schema engine (prisma.config.ts), so the natives are never loaded.
 */
export function prismaEnv(databaseUrl?: string): NodeJS.ProcessEnv {
  const anyFile = path.resolve('package.json');
  return {
    ...process.env,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    PRISMA_QUERY_ENGINE_LIBRARY: anyFile,
    PRISMA_SCHEMA_ENGINE_BINARY: anyFile,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  };
}

export async function prismaCommand(args: string[], databaseUrl?: string): Promise<string> {
  const { stdout } = await run(process.execPath, [prismaCli, ...args], { env: prismaEnv(databaseUrl), maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

const schemaStamp = path.resolve('prisma/generated/.schema-hash');

/** Regenerates the client only when schema.prisma changed since the last generation. */
export async function generateClient(): Promise<void> {
  const hash = createHash('sha256').update(readFileSync(path.resolve('prisma/schema.prisma'))).digest('hex');
  if (existsSync(schemaStamp) && readFileSync(schemaStamp, 'utf8') === hash) return;
  await prismaCommand(['generate']);
  writeFileSync(schemaStamp, hash);
}

function adminUrl(databaseUrl: string): { admin: string; name: string } {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  return { admin: url.toString(), name };
}

async function withAdmin<T>(databaseUrl: string, work: (client: pg.Client, name: string) => Promise<T>): Promise<T> {
  const { admin, name } = adminUrl(databaseUrl);
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    return await work(client, name);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function createDatabaseIfMissing(databaseUrl: string): Promise<boolean> {
  return withAdmin(databaseUrl, async (client, name) => {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return false;
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    return true;
  });
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  await withAdmin(databaseUrl, async (client, name) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  });
}

export async function migrateDeploy(databaseUrl: string): Promise<void> {
  await prismaCommand(['migrate', 'deploy'], databaseUrl);
}
