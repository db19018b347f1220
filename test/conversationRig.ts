import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { createMetaProvider } from '../activities/whatsapp/metaProvider';
import { createSandbox, type Sandbox } from '../sandbox/server';
import { freePort } from '../scripts/freePort';
import { createCompanyFixture, eventually, startTestApi, startTestWorker, TEST_APP_SECRET, TEST_PROCESS_ENV, testDb, type CompanyFixture, type TestApi } from './harness';

export type SandboxMessage = { id: string; direction: 'inbound' | 'outbound'; type: string; status?: string; content: Record<string, any> };

/**
 * The whole inbound path for real: a customer writes on the sandbox, the API stores the signed
 * webhook and signals the conversation workflow, the worker runs the flow and answers through the
 * Cloud API client, and the customer sees the bot's messages. Each rig has its own number, company
 * and task queue, so test files run side by side.
 */
export async function startConversationRig(options: { label: string; phoneNumberId: string; minuteMs?: number; inProcessWorker?: boolean }) {
  const token = `rig-token-${randomUUID()}`;
  const taskQueue = `test-conversation-${randomUUID()}`;
  const apiPort = await freePort();
  const sandbox: Sandbox = createSandbox({
    webhookUrl: `http://127.0.0.1:${apiPort}/webhooks/whatsapp`,
    appSecret: TEST_APP_SECRET,
    accessTokens: [token],
    numbers: [{ phoneNumberId: options.phoneNumberId, wabaId: `2${options.phoneNumberId.slice(1)}`, displayPhoneNumber: '+55 11 4000-0077' }],
    statusDelaysMs: { sent: 5, delivered: 10, read: 20 },
  });
  const sandboxUrl = (await sandbox.start(0)).url;
  const whatsapp = createMetaProvider({ baseUrl: sandboxUrl, graphVersion: 'v23.0', accessToken: token });
  const [api, worker] = await Promise.all([
    startTestApi({ PORT: String(apiPort), TEMPORAL_TASK_QUEUE: taskQueue, WHATSAPP_GRAPH_URL: sandboxUrl, WHATSAPP_ACCESS_TOKEN: token, PRESENCE_OFFLINE_GRACE_MS: '500' }),
    options.inProcessWorker === false ? undefined : startTestWorker(taskQueue, { whatsapp, minuteMs: options.minuteMs }),
  ]);
  const company: CompanyFixture = await createCompanyFixture(options.label);
  await testDb().whatsAppNumber.create({ data: { companyId: company.companyId, phoneNumberId: options.phoneNumberId, displayPhoneNumber: '+55 11 4000-0077', name: 'Atendimento' } });

  async function customerSays(waId: string, body: Record<string, unknown>) {
    const reply = await fetch(`${sandboxUrl}/sandbox/customers/${waId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to_phone_number_id: options.phoneNumberId, name: 'Joana Cliente', ...body }),
    });
    expect(reply.status).toBeLessThan(300);
  }
  /** What the business sent this customer, oldest first. */
  async function received(waId: string): Promise<SandboxMessage[]> {
    const reply = await fetch(`${sandboxUrl}/sandbox/customers/${waId}/messages?phone_number_id=${options.phoneNumberId}`);
    if (reply.status === 404) return [];
    return ((await reply.json()) as { messages: SandboxMessage[] }).messages.filter((m) => m.direction === 'outbound');
  }
  const conversationOf = (waId: string) => testDb().conversation.findFirstOrThrow({ where: { contact: { waId, companyId: company.companyId } }, orderBy: { createdAt: 'desc' } });
  /** Writes, reads the menu, picks a department by name: the conversation waits in its queue. */
  async function queued(waId: string, department = 'financeiro') {
    await customerSays(waId, { type: 'text', text: 'Olá' });
    const before = (await eventually(() => received(waId), (m) => m.length >= 2, 15_000)).length;
    await customerSays(waId, { type: 'text', text: department });
    await eventually(() => received(waId), (m) => m.length > before, 15_000);
    return eventually(() => conversationOf(waId), (c) => c.status === 'QUEUED' || c.status === 'ASSIGNED', 15_000);
  }

  return {
    api,
    phoneNumberId: options.phoneNumberId,
    taskQueue,
    /** What a worker started as its own process needs on top of the rig's queue and sandbox. */
    workerEnv: TEST_PROCESS_ENV,
    token,
    company,
    sandboxUrl,
    customerSays,
    received,
    conversationOf,
    queued,
    async stop() {
      await api.close();
      await worker?.stop();
      await sandbox.stop();
    },
  };
}

export type ConversationRig = Awaited<ReturnType<typeof startConversationRig>>;

export const visibleText = (m: SandboxMessage) => m.content.text?.body ?? m.content.interactive?.body?.text ?? '';
