import { randomInt } from 'node:crypto';
import { testActivityDeps, testDb } from '../../test/harness';
import { createFlowBlockActivities } from '../flowBlocks';

/** The flow-block activities as the worker runs them, called directly over the test database. */
export const flowBlockActivities = (env: Record<string, string> = {}) => createFlowBlockActivities({ ...testActivityDeps({ env }), notify: async () => undefined });

/** A conversation of the company for blocks to run in: its own number and contact. */
export async function conversationIn(companyId: string) {
  const db = testDb();
  const digits = String(randomInt(1e9, 1e10));
  const number = await db.whatsAppNumber.create({ data: { companyId, phoneNumberId: `19${digits}`, displayPhoneNumber: '+55 11 4000-0001', name: 'Blocos' } });
  const contact = await db.contact.create({ data: { companyId, waId: `55${digits}`, phone: `+55${digits}` } });
  return (await db.conversation.create({ data: { companyId, numberId: number.id, contactId: contact.id } })).id;
}
