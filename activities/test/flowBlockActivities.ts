import { randomInt } from 'node:crypto';
import { TEST_PROCESS_ENV, testDatabaseUrl, testDb, testSql } from '../../test/harness';
import { workerConfigSchema } from '../../temporal/config';
import { createFlowBlockActivities } from '../flowBlocks';
import { createMetaProvider } from '../whatsapp/metaProvider';

/** The worker's configuration in tests: the key ring the test API encrypts with, loopback allowed. */
export const testWorkerConfig = (env: Record<string, string> = {}) => workerConfigSchema.parse({ DATABASE_URL: testDatabaseUrl(), ...TEST_PROCESS_ENV, ...env });

/** The flow-block activities as the worker runs them, called directly over the test database. */
export function flowBlockActivities(env: Record<string, string> = {}) {
  const config = testWorkerConfig(env);
  return createFlowBlockActivities({
    db: testDb(),
    sql: testSql(),
    whatsapp: createMetaProvider({ baseUrl: 'http://127.0.0.1:1', graphVersion: 'v23.0', accessToken: 'none' }),
    notify: async () => undefined,
    secretKeys: config.SECRETS_ENCRYPTION_KEYS,
    outboundAllowed: config.OUTBOUND_ALLOWED_HOSTS,
  });
}

/** A conversation of the company for blocks to run in: its own number and contact. */
export async function conversationIn(companyId: string) {
  const db = testDb();
  const digits = String(randomInt(1e9, 1e10));
  const number = await db.whatsAppNumber.create({ data: { companyId, phoneNumberId: `19${digits}`, displayPhoneNumber: '+55 11 4000-0001', name: 'Blocos' } });
  const contact = await db.contact.create({ data: { companyId, waId: `55${digits}`, phone: `+55${digits}` } });
  return (await db.conversation.create({ data: { companyId, numberId: number.id, contactId: contact.id } })).id;
}
