import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { conversationIn, flowBlockActivities } from '../../activities/test/flowBlockActivities';
import { createCompanyFixture, login, startTestApi, TEST_PROCESS_ENV, testDb, testSql, testWorkerConfig, type CompanyFixture, type TestApi } from '../../test/harness';
import { secretsEncryptionKeysSchema } from './encryptionKeys';
import { reencryptSecrets } from './reencryptSecrets';
import { decryptSecret, encryptSecret } from './secretCipher';

type Session = Awaited<ReturnType<typeof login>>;

let api: TestApi;
let company: CompanyFixture;
let admin: Session;
let supervisor: Session;
let outsider: Session;
let service: { url: string; close: () => void; headers: IncomingHttpHeaders[] };

/** Where the HTTP and AI blocks below send their requests: it keeps the headers and answers like an OpenAI API. */
async function startService() {
  const headers: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    headers.push(req.headers);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ choices: [{ message: { content: 'ok' } }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close(), headers };
}

const storedValue = (companyId: string, name: string) => testDb().companySecret.findFirstOrThrow({ where: { companyId, name } }).then((s) => s.value);
const ownValue = (name: string) => storedValue(company.companyId, name);
const keys = () => testWorkerConfig().SECRETS_ENCRYPTION_KEYS;

beforeAll(async () => {
  [api, service] = await Promise.all([startTestApi(), startService()]);
  const [own, other] = await Promise.all([createCompanyFixture('Segredos'), createCompanyFixture('Alheia')]);
  company = own;
  [admin, supervisor, outsider] = await Promise.all([login(api.url, own.users.admin.email), login(api.url, own.users.supervisor.email), login(api.url, other.users.admin.email)]);
});
afterAll(async () => {
  service?.close();
  await api?.close();
});

describe('company secrets', () => {
  test('when an admin stores and replaces a secret, then only its name and dates come back, and the audit log never holds the value', async () => {
    const created = await admin.api.put('/api/secrets/CRM_TOKEN', { value: 'tok-primeiro' });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({ name: 'CRM_TOKEN', createdAt: expect.any(String), updatedAt: expect.any(String) });
    const replaced = await admin.api.put('/api/secrets/CRM_TOKEN', { value: 'tok-segundo' });
    expect(replaced.body).not.toHaveProperty('value');

    const list = await admin.api.get('/api/secrets');
    expect(list.body.items).toEqual([{ name: 'CRM_TOKEN', createdAt: created.body.createdAt, updatedAt: expect.any(String) }]);
    expect(JSON.stringify(list.body)).not.toContain('tok-');
    const stored = await ownValue('CRM_TOKEN');
    expect(stored).toMatch(/^v1:test:/);
    expect(stored).not.toContain('tok-');
    expect(decryptSecret(keys(), { companyId: company.companyId, name: 'CRM_TOKEN' }, stored)).toBe('tok-segundo');

    const audit = await testDb().auditLog.findMany({ where: { companyId: company.companyId, entity: 'companySecret' }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => [a.action, a.metadata])).toEqual([
      ['secret.create', { name: 'CRM_TOKEN' }],
      ['secret.replace', { name: 'CRM_TOKEN' }],
    ]);
    expect(JSON.stringify(audit)).not.toContain('tok-');
  });

  test('when an admin deletes a secret, then it is gone; a second delete and a malformed name are 404, an empty value is refused', async () => {
    await admin.api.put('/api/secrets/AI_KEY', { value: 'sk-abc' });
    expect((await admin.api.delete('/api/secrets/AI_KEY')).status).toBe(204);
    expect((await admin.api.get('/api/secrets')).body.items.map((s: { name: string }) => s.name)).not.toContain('AI_KEY');
    expect((await admin.api.delete('/api/secrets/AI_KEY')).body.error).toMatchObject({ code: 'NOT_FOUND' });
    expect((await admin.api.put('/api/secrets/com-traço', { value: 'x' })).status).toBe(404);
    expect((await admin.api.put('/api/secrets/VAZIO', { value: '' })).body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await testDb().auditLog.findFirstOrThrow({ where: { companyId: company.companyId, action: 'secret.delete' } })).metadata).toEqual({ name: 'AI_KEY' });
  });

  test('when someone who is not an admin, or another company, reaches for secrets, then they get nothing', async () => {
    await admin.api.put('/api/secrets/ERP_PASSWORD', { value: 'segredo-da-empresa' });
    expect((await supervisor.api.get('/api/secrets')).status).toBe(403);
    expect((await supervisor.api.put('/api/secrets/ERP_PASSWORD', { value: 'trocado' })).status).toBe(403);
    expect((await outsider.api.get('/api/secrets')).body.items).toEqual([]);
    expect((await outsider.api.delete('/api/secrets/ERP_PASSWORD')).status).toBe(404);
    // The same name in another company is that company's own secret, not a replacement of this one.
    expect((await outsider.api.put('/api/secrets/ERP_PASSWORD', { value: 'outra' })).status).toBe(200);
    expect(decryptSecret(keys(), { companyId: company.companyId, name: 'ERP_PASSWORD' }, await ownValue('ERP_PASSWORD'))).toBe('segredo-da-empresa');
  });

  test('when a flow uses secrets the API stored, then PostgreSQL holds no plaintext while the HTTP and AI blocks send the real values', async () => {
    await admin.api.put('/api/secrets/BLOCK_TOKEN', { value: 'tok-do-fluxo' });
    await admin.api.put('/api/secrets/AI_API_KEY', { value: 'sk-do-fluxo' });
    const rows = await testDb().companySecret.findMany({ where: { companyId: company.companyId, name: { in: ['BLOCK_TOKEN', 'AI_API_KEY'] } } });
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toMatch(/tok-do-fluxo|sk-do-fluxo/);
    const { rows: raw } = await testSql().query<{ value: string }>('SELECT value FROM "CompanySecret" WHERE "companyId" = $1', [company.companyId]);
    expect(raw.every((r) => r.value.startsWith('v1:'))).toBe(true);

    const conversationId = await conversationIn(company.companyId);
    const blocks = flowBlockActivities();
    const request = { method: 'GET' as const, url: `${service.url}/crm`, headers: [{ name: 'Authorization', value: 'Bearer {{secrets.BLOCK_TOKEN}}' }], timeoutSeconds: 2, saveResponse: [] };
    expect(await blocks.callHttpBlock({ conversationId, request, values: {} })).toMatchObject({ ok: true, status: 200 });
    expect(service.headers.at(-1)?.authorization).toBe('Bearer tok-do-fluxo');

    await testDb().company.update({ where: { id: company.companyId }, data: { settings: { aiBaseUrl: service.url, aiApiKeySecret: 'AI_API_KEY' } } });
    expect(await blocks.askAiBlock({ conversationId, systemPrompt: 'Seja breve.', historyMessages: 0, timeoutSeconds: 2 })).toEqual({ text: 'ok' });
    expect(service.headers.at(-1)?.authorization).toBe('Bearer sk-do-fluxo');
  });

  test('when a stored value does not open (copied from another secret, or sealed with a key no longer configured), then the block fails for good saying which secret, and nothing is sent', async () => {
    await admin.api.put('/api/secrets/SOURCE', { value: 'tok-origem' });
    const copied = await ownValue('SOURCE');
    await testDb().companySecret.create({ data: { companyId: company.companyId, name: 'COPIED', value: copied } });
    const conversationId = await conversationIn(company.companyId);
    const sent = service.headers.length;
    const request = { method: 'GET' as const, url: `${service.url}/crm`, headers: [{ name: 'Authorization', value: 'Bearer {{secrets.COPIED}}' }], timeoutSeconds: 2, saveResponse: [] };
    await expect(flowBlockActivities().callHttpBlock({ conversationId, request, values: {} })).rejects.toMatchObject({
      type: 'UnreadableSecret',
      nonRetryable: true,
      message: expect.stringMatching(/^Não foi possível ler o segredo COPIED: /),
    });
    await testDb().companySecret.update({ where: { companyId_name: { companyId: company.companyId, name: 'COPIED' } }, data: { value: copied.replace(/^v1:test:/, 'v1:retired:') } });
    await expect(flowBlockActivities().callHttpBlock({ conversationId, request, values: {} })).rejects.toMatchObject({ type: 'UnreadableSecret', nonRetryable: true });
    expect(service.headers.length).toBe(sent);
  });

  test('when rows are in plaintext from before encryption, or sealed with a key being retired, then flows read them, and the API start brings each to the current key once, keeping its date', async () => {
    const legacy = await createCompanyFixture('Legado');
    const written = new Date('2026-01-02T03:04:05.000Z');
    const retiring = `old:${randomBytes(32).toString('base64')}`;
    // During a rotation the ring is the current test key first and the one being retired after it.
    const rotating = secretsEncryptionKeysSchema.parse(`${TEST_PROCESS_ENV.SECRETS_ENCRYPTION_KEYS},${retiring}`);
    await testDb().companySecret.createMany({
      data: [
        { companyId: legacy.companyId, name: 'PLAIN_TOKEN', value: 'tok-em-claro', updatedAt: written },
        { companyId: legacy.companyId, name: 'OLD_KEY_TOKEN', value: encryptSecret(secretsEncryptionKeysSchema.parse(retiring), { companyId: legacy.companyId, name: 'OLD_KEY_TOKEN' }, 'tok-chave-antiga'), updatedAt: written },
      ],
    });
    const conversationId = await conversationIn(legacy.companyId);
    const sendsWith = async (name: string) => {
      const request = { method: 'GET' as const, url: `${service.url}/crm`, headers: [{ name: 'Authorization', value: `Bearer {{secrets.${name}}}` }], timeoutSeconds: 2, saveResponse: [] };
      await flowBlockActivities().callHttpBlock({ conversationId, request, values: {} });
      return service.headers.at(-1)?.authorization;
    };
    expect(await sendsWith('PLAIN_TOKEN')).toBe('Bearer tok-em-claro');

    const result = await reencryptSecrets(testDb(), rotating);
    expect(result.reencrypted).toBeGreaterThanOrEqual(2);
    const rows = await testDb().companySecret.findMany({ where: { companyId: legacy.companyId }, orderBy: { name: 'asc' } });
    expect(rows.map((r) => [r.name, r.value.split(':').slice(0, 2).join(':'), r.updatedAt])).toEqual([
      ['OLD_KEY_TOKEN', 'v1:test', written],
      ['PLAIN_TOKEN', 'v1:test', written],
    ]);
    // The workers' ring no longer has the retired key, and both still open.
    expect(await sendsWith('PLAIN_TOKEN')).toBe('Bearer tok-em-claro');
    expect(await sendsWith('OLD_KEY_TOKEN')).toBe('Bearer tok-chave-antiga');

    // Run again (a second instance starting), it leaves the rows as they are.
    await reencryptSecrets(testDb(), rotating);
    expect(await testDb().companySecret.findMany({ where: { companyId: legacy.companyId }, orderBy: { name: 'asc' } })).toEqual(rows);
  });
});
