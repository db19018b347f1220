import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';
import { sessionOptions } from './sessionOptions';

export type Db = PrismaClient;
export * from './generated/client';

export interface PrismaOptions {
  poolSize?: number;
  /**
   * Commit without waiting for the WAL flush. Only for work that can be redone from something already
   * durable (webhook processing replays the stored raw event): a crash loses at most the last moments.
   */
  asyncCommit?: boolean;
}

export function createPrisma(databaseUrl: string, options: PrismaOptions = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    options: sessionOptions(...(options.asyncCommit ? ['-c synchronous_commit=off'] : [])),
  });
  return new PrismaClient({ adapter });
}
