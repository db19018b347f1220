import type pg from 'pg';

/** What the webhook hot path needs of PostgreSQL: plain parameterised queries (a pool or a client). */
export type Sql = Pick<pg.Pool, 'query'>;
