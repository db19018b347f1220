import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import type { Db } from '../prisma/client';
import type { ApiConfig } from './config';
import type { TokenService } from './auth/tokens';

/** Everything a route needs from the outside world, injected so tests build the app on port 0. */
export interface AppDeps {
  config: ApiConfig;
  db: Db;
  temporal: Client;
  logger: Logger;
  tokens: TokenService;
}
