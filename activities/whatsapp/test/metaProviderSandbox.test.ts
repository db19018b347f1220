import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSandbox, type Sandbox } from '../../../sandbox/server';
import { createCompanyFixture, eventually, startTestApi, TEST_APP_SECRET, testDb, type CompanyFixture, type TestApi } from '../../../test/harness';
import { freePort } from '../../../scripts/freePort';
import { createMetaProvider } from '../metaProvider';
import type { WhatsAppProvider } from '../provider';
import { WhatsAppProviderError } from '../providerErrors';

// The Cloud API provider against the sandbox, with the real API receiving the sandbox's signed
// webhooks: the same path a deployment on Meta takes, minus Meta.
const PHONE_NUMBER_ID = '100000000000042';
const WABA_ID = '200000000000042';
const TOKEN = 'sandbox-test-token';

let api: TestApi;
let sandbox: Sandbox;
let sandboxUrl: string;
let provider: WhatsAppProvider;
let company: CompanyFixture;
let numberId: string;

beforeAll(async () => {
  // Each side must know the other's address: reserve the API's port, start the sandbox, then the API.
  const apiPort = await freePort();
  sandbox = createSandbox({
    webhookUrl: `http://127.0.0.1:${apiPort}/webhooks/whatsapp`,
    appSecret: TEST_APP_SECRET,
    accessTokens: [TOKEN],
    numbers: [{ phoneNumberId: PHONE_NUMBER_ID, wabaId: WABA_ID, displayPhoneNumber: '+55 11 4000-0042' }],
    statusDelaysMs: { sent: 10, delivered: 30, read: 60 },
    throughputPerSecond: 5,
    pairRate: { burst: 3, intervalMs: 60_000 },
    templateApproval: { mode: 'manual' },
  });
  sandboxUrl = (await sandbox.start(0)).url;
  api = await startTestApi({ PORT: String(apiPort), WHATSAPP_GRAPH_URL: sandboxUrl, WHATSAPP_ACCESS_TOKEN: TOKEN });
  provider = createMetaProvider({ baseUrl: sandboxUrl, graphVersion: 'v23.0', accessToken: TOKEN });
  company = await createCompanyFixture('Sandbox');
  numberId = (await testDb().whatsAppNumber.create({ data: { companyId: company.companyId, phoneNumberId: PHONE_NUMBER_ID, wabaId: WABA_ID, displayPhoneNumber: '+55 11 4000-0042', name: 'Atendimento' } })).id;
});
afterAll(async () => {
  await sandbox?.stop();
  await api?.close();
});

async function customerSays(waId: string, text: string) {
  const reply = await fetch(`${sandboxUrl}/sandbox/customers/${waId}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ to_phone_number_id: PHONE_NUMBER_ID, type: 'text', text, name: 'Cliente Teste' }),
  });
  expect(reply.status).toBeLessThan(300);
  return (await reply.json()) as { wamid: string };
}

const stored = (waMessageId: string) => testDb().message.findUnique({ where: { numberId_waMessageId: { numberId, waMessageId } } });

async function rejection(promise: Promise<unknown>): Promise<WhatsAppProviderError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(WhatsAppProviderError);
  return error as WhatsAppProviderError;
}

describe('the Cloud API provider against the sandbox', () => {
  test('when a customer writes and we answer, then the API stores the inbound message and our reply climbs to read through signed status webhooks', async () => {
    const { wamid } = await customerSays('5511911110001', 'Quero marcar um exame');
    const inbound = await eventually(() => stored(wamid), Boolean);
    expect(inbound).toMatchObject({ direction: 'INBOUND', type: 'text', body: 'Quero marcar um exame' });

    const { waMessageId } = await provider.send(PHONE_NUMBER_ID, { type: 'text', to: '5511911110001', body: 'Claro! Qual exame?' });
    await testDb().message.create({
      data: { companyId: company.companyId, conversationId: inbound!.conversationId, numberId, direction: 'OUTBOUND', type: 'text', body: 'Claro! Qual exame?', status: 'QUEUED', waMessageId },
    });
    await fetch(`${sandboxUrl}/sandbox/customers/5511911110001/read`, { method: 'POST' });
    const read = await eventually(() => stored(waMessageId), (m) => m?.status === 'READ');
    expect(read?.status).toBe('READ');
    const history = (await (await fetch(`${sandboxUrl}/sandbox/customers/5511911110001/messages`)).json()) as { messages: { text?: string; body?: string }[] } | { text?: string }[];
    expect(JSON.stringify(history)).toContain('Claro! Qual exame?');
    await provider.markRead(PHONE_NUMBER_ID, wamid, { typing: true });
  });

  test('when interactive buttons and lists are sent, then they reach the customer; when they break WhatsApp limits, then nothing is sent', async () => {
    await customerSays('5511911110002', 'oi');
    await provider.send(PHONE_NUMBER_ID, { type: 'buttons', to: '5511911110002', body: 'Escolha', buttons: [{ id: 'lab', title: 'Laboratório' }, { id: 'com', title: 'Comercial' }] });
    await provider.send(PHONE_NUMBER_ID, {
      type: 'list',
      to: '5511911110002',
      body: 'Com quem deseja falar?',
      buttonLabel: 'Ver opções',
      sections: [{ rows: [{ id: 'fin', title: 'Financeiro' }, { id: 'adm', title: 'Administrativo' }] }],
    });
    const tooMany = await rejection(provider.send(PHONE_NUMBER_ID, { type: 'buttons', to: '5511911110002', body: 'x', buttons: [1, 2, 3, 4].map((i) => ({ id: `b${i}`, title: `Opção ${i}` })) }));
    expect(tooMany.kind).toBe('invalid');
  });

  test('when sending to an unknown token, then the failure is an auth alert, not a retry', async () => {
    const wrong = createMetaProvider({ baseUrl: sandboxUrl, graphVersion: 'v23.0', accessToken: 'nope' });
    const error = await rejection(wrong.send(PHONE_NUMBER_ID, { type: 'text', to: '5511911110003', body: 'oi' }));
    expect(error).toMatchObject({ kind: 'auth', code: 190 });
    expect(error.retryable).toBe(false);
  });

  test('when the number exceeds its throughput, then 130429 comes back as a retryable throughput failure', async () => {
    await customerSays('5511911110004', 'oi');
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => provider.send(PHONE_NUMBER_ID, { type: 'text', to: `55119111100${10 + i}`, body: 'promo' })));
    const throttled = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as WhatsAppProviderError);
    expect(throttled.length).toBeGreaterThan(0);
    expect(throttled.every((e) => e.kind === 'throughput' && e.code === 130429 && e.retryable)).toBe(true);
  });

  test('when a template is created, then it waits for approval and, once approved, can be sent', async () => {
    const created = await provider.createTemplate(WABA_ID, {
      name: 'lembrete_exame',
      language: 'pt_BR',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Olá {{1}}, seu exame é amanhã às {{2}}.', example: { body_text: [['Maria', '08:00']] } }],
    });
    expect(created.status).toBe('PENDING');
    const notYet = await rejection(provider.send(PHONE_NUMBER_ID, { type: 'template', to: '5511911110005', name: 'lembrete_exame', language: 'pt_BR', bodyParameters: ['Maria', '08:00'] }));
    expect(notYet.kind).toBe('template');
    await fetch(`${sandboxUrl}/sandbox/templates/${created.id}/approve`, { method: 'POST' });
    const listed = await provider.listTemplates(WABA_ID);
    expect(listed.find((t) => t.name === 'lembrete_exame')?.status).toBe('APPROVED');
    await new Promise((r) => setTimeout(r, 1100)); // throughput bucket from the previous test refills
    const sent = await provider.send(PHONE_NUMBER_ID, { type: 'template', to: '5511911110005', name: 'lembrete_exame', language: 'pt_BR', bodyParameters: ['Maria', '08:00'] });
    expect(sent.waMessageId).toMatch(/^wamid\./);
  });

  test('when the business has more templates than one Graph page holds, then the list has them all, once each', async () => {
    const names = Array.from({ length: 260 }, (_, i) => `aviso_${String(i).padStart(3, '0')}`);
    for (const name of names) {
      await provider.createTemplate(WABA_ID, { name, language: 'pt_BR', category: 'UTILITY', components: [{ type: 'BODY', text: `Aviso ${name}` }] });
    }
    const listed = (await provider.listTemplates(WABA_ID)).map((t) => t.name).filter((name) => name.startsWith('aviso_'));
    expect(listed.sort()).toEqual(names);
  });

  test('when a customer sends a photo, then the API downloads it at once into its own storage and links it to the message', async () => {
    const photo = Buffer.from('fake-jpeg-bytes-of-a-prescription');
    const reply = await fetch(`${sandboxUrl}/sandbox/customers/5511911110007/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to_phone_number_id: PHONE_NUMBER_ID, type: 'image', image: { data: photo.toString('base64'), mime_type: 'image/jpeg', caption: 'Minha receita' } }),
    });
    const { wamid } = (await reply.json()) as { wamid: string };
    const message = await eventually(() => testDb().message.findUnique({ where: { numberId_waMessageId: { numberId, waMessageId: wamid } }, include: { media: true } }), (m) => Boolean(m?.media));
    expect(message).toMatchObject({ type: 'image', body: 'Minha receita', media: { mimeType: 'image/jpeg', sizeBytes: photo.length } });
    const onDisk = await readFile(path.join(api.config.MEDIA_DIR, message!.media!.storageKey));
    expect(onDisk.equals(photo)).toBe(true);
  });

  test('when media is uploaded, then it can be sent by id and downloaded back byte for byte', async () => {
    const data = Buffer.from('%PDF-1.4 laudo de exame');
    const { mediaId } = await provider.uploadMedia(PHONE_NUMBER_ID, { data, mimeType: 'application/pdf', fileName: 'laudo.pdf' });
    await customerSays('5511911110006', 'manda o laudo');
    await new Promise((r) => setTimeout(r, 1100));
    await provider.send(PHONE_NUMBER_ID, { type: 'document', to: '5511911110006', media: { mediaId }, fileName: 'laudo.pdf', caption: 'Seu laudo' });
    const downloaded = await provider.downloadMedia(mediaId);
    expect(downloaded.data.equals(data)).toBe(true);
    expect(downloaded.mimeType).toBe('application/pdf');
  });
});
