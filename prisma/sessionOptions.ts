import pg from 'pg';

/**
 * The timestamp columns hold UTC without a zone, and SQL fills them with now() and column defaults,
 * which follow the session's time zone: every connection we open is UTC, whatever the server says (a
 * PostgreSQL installed in Brazil defaults to America/Sao_Paulo, three hours off what Prisma writes).
 */
export const sessionOptions = (...settings: string[]) => ['-c TimeZone=UTC', ...settings].join(' ');

/** A plain-SQL pool with our session settings; `settings` adds others (`-c synchronous_commit=off`). */
export const createSqlPool = (connectionString: string, max: number, ...settings: string[]) => new pg.Pool({ connectionString, max, options: sessionOptions(...settings) });
