import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMetaProvider } from '../../activities/whatsapp/metaProvider';
import { startConversationRig, type ConversationRig } from '../../test/conversationRig';
import { createCompanyFixture, eventually, login, testDb } from '../../test/harness';

// Templates through the real path: the sandbox plays Meta's template registry and the customer's
// phone, the API stores what it syncs, and the conversation workflow sends what the agent picks.
const PHONE_ID = '100000000000094';
const WABA_ID = `2${PHONE_ID.slice(1)}`;
const DAY_AND_AN_HOUR_MS = 25 * 3_600_000;

let rig: ConversationRig;
let numberId: string;

beforeAll(async () => {
  rig = await startConversationRig({ label: 'Modelos', phoneNumberId: PHONE_ID });
  // The rig's number is a Cloud API number; its templates live under the sandbox's WABA.
  numberId = (await testDb().whatsAppNumber.update({ where: { phoneNumberId: PHONE_ID }, data: { wabaId: WABA_ID } })).id;
});
afterAll(async () => {
  await rig?.stop();
});

const provider = () => createMetaProvider({ baseUrl: rig.sandboxUrl, graphVersion: 'v23.0', accessToken: rig.token });
const templatesOf = (id: string) => testDb().messageTemplate.findMany({ where: { numberId: id }, orderBy: { name: 'asc' } });

/** Another company with a number and an approved template of its own. */
async function otherCompanyTemplate() {
  const other = await createCompanyFixture('Outra');
  const number = await testDb().whatsAppNumber.create({ data: { companyId: other.companyId, phoneNumberId: randomUUID(), wabaId: '299', displayPhoneNumber: '+55 11 4000-0096', name: 'Outra' } });
  return testDb().messageTemplate.create({
    data: { companyId: other.companyId, numberId: number.id, name: 'segredo_da_outra', language: 'pt_BR', category: 'UTILITY', status: 'APPROVED', components: [{ type: 'BODY', text: 'Oi {{1}}' }] },
  });
}

describe('templates come from the provider', () => {
  test('when an admin syncs a number twice, then its templates are stored once with their provider status, and an approval webhook later moves the pending one', async () => {
    const created = await provider().createTemplate(WABA_ID, {
      name: 'aviso_pendente',
      language: 'pt_BR',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Olá {{1}}, seu pedido {{2}} saiu para entrega.', example: { body_text: [['Maria', '123']] } }],
    });
    const [admin, agent] = await Promise.all([login(rig.api.url, rig.company.users.admin.email), login(rig.api.url, rig.company.users.agentA.email)]);
    expect((await agent.api.post('/api/templates/sync', { numberId })).status).toBe(403);

    const first = await admin.api.post('/api/templates/sync', { numberId });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ fetched: 3, created: 3, disabled: 0 });
    const second = await admin.api.post('/api/templates/sync', { numberId });
    expect(second.body).toMatchObject({ fetched: 3, created: 0, disabled: 0 });
    expect(second.body.items).toEqual(first.body.items);

    const stored = await templatesOf(numberId);
    expect(stored.map((t) => [t.name, t.language, t.status])).toEqual([
      ['aviso_pendente', 'pt_BR', 'PENDING'],
      ['hello_world', 'en_US', 'APPROVED'],
      ['retomar_atendimento', 'pt_BR', 'APPROVED'],
    ]);
    expect(stored.find((t) => t.name === 'aviso_pendente')).toMatchObject({ providerId: created.id, category: 'UTILITY', companyId: rig.company.companyId });

    await fetch(`${rig.sandboxUrl}/sandbox/templates/${created.id}/approve`, { method: 'POST' });
    const approved = await eventually(() => testDb().messageTemplate.findFirstOrThrow({ where: { providerId: created.id } }), (t) => t.status === 'APPROVED', 10_000);
    expect(approved.status).toBe('APPROVED');
  });

  test('when a number has no WhatsApp Business account, then sync says why instead of calling the provider', async () => {
    const admin = await login(rig.api.url, rig.company.users.admin.email);
    const bare = await testDb().whatsAppNumber.create({ data: { companyId: rig.company.companyId, phoneNumberId: randomUUID(), displayPhoneNumber: '+55 11 4000-0095', name: 'Sem WABA' } });
    const reply = await admin.api.post('/api/templates/sync', { numberId: bare.id });
    expect(reply.status).toBe(422);
    expect(reply.body.error).toMatchObject({ code: 'UNPROCESSABLE', details: { reason: 'NO_TEMPLATES' } });
  });

  test('when templates are listed, then only the caller’s company’s come back, filtered by number and status', async () => {
    const foreign = await otherCompanyTemplate();
    await testDb().messageTemplate.upsert({
      where: { numberId_name_language: { numberId, name: 'rascunho', language: 'pt_BR' } },
      update: {},
      create: { companyId: rig.company.companyId, numberId, name: 'rascunho', language: 'pt_BR', category: 'MARKETING', status: 'REJECTED', components: [{ type: 'BODY', text: 'Promo' }] },
    });
    const agent = await login(rig.api.url, rig.company.users.agentA.email);

    const all = await agent.api.get('/api/templates');
    expect(all.status).toBe(200);
    expect(all.body.items.map((t: { name: string }) => t.name)).not.toContain('segredo_da_outra');
    const approved = await agent.api.get(`/api/templates?numberId=${numberId}&status=APPROVED`);
    expect(approved.body.items.map((t: { name: string }) => t.name)).not.toContain('rascunho');
    const retomar = approved.body.items.find((t: { name: string }) => t.name === 'retomar_atendimento');
    expect(retomar).toMatchObject({ numberId, language: 'pt_BR', status: 'APPROVED', components: [expect.objectContaining({ type: 'BODY', text: expect.stringContaining('{{1}}') })] });
    expect((await agent.api.get(`/api/templates?numberId=${foreign.numberId}`)).body.items).toEqual([]);
    expect((await agent.api.get('/api/templates?status=ALMOST')).status).toBe(400);
  });
});

describe('after the 24-hour window, a template still reaches the customer', () => {
  test('when the window is closed, then free text is refused, wrong templates are refused with their reason, and the approved template goes once with its values', async () => {
    const waId = '5511922229401';
    const conversation = await rig.queued(waId);
    const supervisor = await login(rig.api.url, rig.company.users.supervisor.email);
    expect((await supervisor.api.post(`/api/conversations/${conversation.id}/accept`)).status).toBe(200);
    // Both sides see a customer silent for more than a day: our check and the sandbox's own.
    await testDb().conversation.update({ where: { id: conversation.id }, data: { lastInboundAt: new Date(Date.now() - DAY_AND_AN_HOUR_MS) } });
    await fetch(`${rig.sandboxUrl}/sandbox/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ms: DAY_AND_AN_HOUR_MS }) });

    const path = `/api/conversations/${conversation.id}/messages`;
    const text = await supervisor.api.post(path, { text: 'Ainda está aí?' });
    expect(text.status).toBe(422);
    expect(text.body.error).toMatchObject({ code: 'UNPROCESSABLE', details: { reason: 'WINDOW_CLOSED' } });

    expect((await supervisor.api.post('/api/templates/sync', { numberId })).status).toBe(200);
    const templates = await templatesOf(numberId);
    const byName = (name: string) => templates.find((t) => t.name === name)!.id;
    const pending = await testDb().messageTemplate.create({
      data: { companyId: rig.company.companyId, numberId, name: 'em_analise', language: 'pt_BR', category: 'UTILITY', status: 'PENDING', components: [{ type: 'BODY', text: 'Oi {{1}}' }] },
    });
    const foreign = await otherCompanyTemplate();
    const refusals = await Promise.all([
      supervisor.api.post(path, { template: { templateId: pending.id, parameters: ['Joana'] } }),
      supervisor.api.post(path, { template: { templateId: byName('retomar_atendimento'), parameters: [] } }),
      supervisor.api.post(path, { template: { templateId: byName('retomar_atendimento'), parameters: ['Joana', 'a mais'] } }),
      supervisor.api.post(path, { template: { templateId: foreign.id, parameters: ['Joana'] } }),
    ]);
    expect(refusals.map((r) => [r.status, r.body.error?.details?.reason])).toEqual([
      [422, 'TEMPLATE_NOT_APPROVED'],
      [422, 'TEMPLATE_PARAMETERS'],
      [422, 'TEMPLATE_PARAMETERS'],
      [422, 'TEMPLATE_NOT_FOUND'],
    ]);
    expect(refusals[1]!.body.error.message).toBe('O modelo retomar_atendimento pede 1 variável; vieram 0');
    expect((await supervisor.api.post(path, { template: { templateId: byName('retomar_atendimento'), parameters: [''] } })).status).toBe(400);

    const clientMessageId = randomUUID();
    const send = () => supervisor.api.post(path, { clientMessageId, template: { templateId: byName('retomar_atendimento'), parameters: ['Joana'] } });
    const [first, retry] = [await send(), await send()];
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(first.body).toMatchObject({
      id: clientMessageId,
      direction: 'OUTBOUND',
      type: 'template',
      senderUserId: rig.company.users.supervisor.id,
      body: 'Olá, Joana! Estamos retomando o seu atendimento. Responda esta mensagem para continuarmos a conversa.',
    });

    const sent = await eventually(() => rig.received(waId), (m) => m.some((x) => x.type === 'template'), 15_000);
    const templateMessages = sent.filter((m) => m.type === 'template');
    expect(templateMessages).toHaveLength(1);
    expect(templateMessages[0]!.content.template).toMatchObject({ name: 'retomar_atendimento', language: { code: 'pt_BR' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Joana' }] }] });
    const stored = await eventually(() => testDb().message.findUniqueOrThrow({ where: { id: clientMessageId } }), (m) => m.status === 'DELIVERED' || m.status === 'READ', 10_000);
    expect(stored.status).toMatch(/DELIVERED|READ/);
  });
});
