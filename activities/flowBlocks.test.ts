import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCompanyFixture, testDb } from '../test/harness';
import { conversationIn, flowBlockActivities } from './test/flowBlockActivities';

let conversationId: string;
let companyId: string;
let service: { url: string; hits: () => number; close: () => void };

beforeAll(async () => {
  ({ companyId } = await createCompanyFixture('Destinos'));
  conversationId = await conversationIn(companyId);
  let hits = 0;
  const server = createServer((_req, res) => {
    hits++;
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  service = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits, close: () => server.close() };
});
afterAll(() => service?.close());

const httpRequest = (url: string) => ({ method: 'GET' as const, url, headers: [], timeoutSeconds: 2, saveResponse: [] });
const blocked = (host: string) => ({ type: 'BlockedDestination', nonRetryable: true, message: expect.stringContaining(host) });

describe('flow blocks and internal destinations', () => {
  test('when an HTTP block points at cloud metadata, or at loopback the worker does not allow, then it fails for good naming the host and nothing is called', async () => {
    await expect(flowBlockActivities().callHttpBlock({ conversationId, request: httpRequest('http://169.254.169.254/latest/meta-data/iam/'), values: {} })).rejects.toMatchObject(blocked('169.254.169.254'));
    await expect(flowBlockActivities({ OUTBOUND_ALLOWED_HOSTS: '' }).callHttpBlock({ conversationId, request: httpRequest(`${service.url}/crm`), values: {} })).rejects.toMatchObject(blocked('127.0.0.1'));
    expect(service.hits()).toBe(0);
    // Allowed explicitly (as the test environment does), the same call goes out.
    expect(await flowBlockActivities({ OUTBOUND_ALLOWED_HOSTS: '127.0.0.1' }).callHttpBlock({ conversationId, request: httpRequest(`${service.url}/crm`), values: {} })).toMatchObject({ ok: true });
    expect(service.hits()).toBe(1);
  });

  test('when the company AI endpoint is on the private network, then the AI block fails for good naming the host instead of retrying', async () => {
    await testDb().companySecret.create({ data: { companyId, name: 'AI_KEY', value: 'sk-interno' } });
    await testDb().company.update({ where: { id: companyId }, data: { settings: { aiBaseUrl: 'http://10.0.0.7/v1', aiApiKeySecret: 'AI_KEY' } } });
    await expect(flowBlockActivities().askAiBlock({ conversationId, systemPrompt: 'Oi', historyMessages: 0, timeoutSeconds: 2 })).rejects.toMatchObject(blocked('10.0.0.7'));
  });
});
