import { PrismaPg } from '@prisma/adapter-pg';

const PG_NAME_OID = 19;
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] };

/**
 * The migration engine talks to PostgreSQL through adapter-pg, which has three defects in 6.19
 * (see ENVIRONMENT.md): `name`/`"char"` columns it cannot deserialize, a shadow database that ignores
 * its own name when given a connection string, and idle connections that block the shadow DROP.
 */
export function migrationAdapter(databaseUrl: string) {
  // Commands that never connect (migrate diff between schema files) still build the adapter.
  const url = new URL(databaseUrl || 'postgresql://postgres@127.0.0.1:5432/postgres');
  const adapter = new PrismaPg({
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || 'postgres'),
    password: decodeURIComponent(url.password),
    database: url.pathname.slice(1),
    idleTimeoutMillis: 1,
  });
  const connect = adapter.connect.bind(adapter);
  const connectToShadowDb = adapter.connectToShadowDb.bind(adapter);
  adapter.connect = async () => reportNamesAsText(await connect());
  adapter.connectToShadowDb = async () => reportNamesAsText(await connectToShadowDb());
  return adapter;
}

function reportNamesAsText<T>(driver: T): T {
  const client = (driver as unknown as { client: { query: (...args: unknown[]) => Promise<QueryResultLike> } }).client;
  const query = client.query.bind(client);
  client.query = async (...args: unknown[]) => {
    const result = await query(...args);
    for (const field of result.fields ?? []) {
      if (field.dataTypeID === PG_NAME_OID || field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
    return result;
  };
  return driver;
}
