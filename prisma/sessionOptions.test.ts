import pg from 'pg';
import { afterEach, describe, expect, test } from 'vitest';
import { testDatabaseUrl } from '../test/harness';
import { createPrisma } from './client';
import { createSqlPool } from './sessionOptions';

const opened: { end(): Promise<unknown> }[] = [];
afterEach(async () => {
  delete process.env.PGOPTIONS;
  await Promise.all(opened.splice(0).map((pool) => pool.end()));
});

describe('database sessions', () => {
  test('when the server or the environment says another time zone, then every connection we open still writes now() as UTC', async () => {
    // node-postgres takes PGOPTIONS for what the server would otherwise decide: here, Brazil's clock.
    process.env.PGOPTIONS = '-c TimeZone=America/Sao_Paulo';
    const plain = new pg.Pool({ connectionString: testDatabaseUrl(), max: 1 });
    const ours = createSqlPool(testDatabaseUrl(), 1);
    const prisma = createPrisma(testDatabaseUrl(), { poolSize: 1 });
    opened.push(plain, ours, { end: () => prisma.$disconnect() });

    expect((await plain.query('SHOW timezone')).rows).toEqual([{ TimeZone: 'America/Sao_Paulo' }]);
    expect((await ours.query('SHOW timezone')).rows).toEqual([{ TimeZone: 'UTC' }]);
    expect(await prisma.$queryRaw`SHOW timezone`).toEqual([{ TimeZone: 'UTC' }]);
    expect(await prisma.$queryRaw`SELECT abs(extract(epoch FROM now()::timestamp - (now() AT TIME ZONE 'UTC')))::int AS drift`).toEqual([{ drift: 0 }]);
  });
});
