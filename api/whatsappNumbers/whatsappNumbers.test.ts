import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCompanyFixture, login, startTestApi, testDb, type CompanyFixture, type TestApi } from '../../test/harness';

type Session = Awaited<ReturnType<typeof login>>;

let api: TestApi;
let company: CompanyFixture;
let admin: Session;
let supervisor: Session;
let agent: Session;
let outsider: Session;

beforeAll(async () => {
  api = await startTestApi();
  const [own, other] = await Promise.all([createCompanyFixture('Numeros'), createCompanyFixture('Vizinha')]);
  company = own;
  [admin, supervisor, agent, outsider] = await Promise.all([
    login(api.url, own.users.admin.email),
    login(api.url, own.users.supervisor.email),
    login(api.url, own.users.agentA.email),
    login(api.url, other.users.admin.email),
  ]);
});
afterAll(() => api.close());

/** Meta's phone_number_id is digits and unique across every company, so each test draws its own. */
const metaId = () => `1${String(randomInt(0, 10 ** 12)).padStart(14, '0')}`;

const newNumber = (overrides: Record<string, unknown> = {}) => ({ name: 'Vendas', displayPhoneNumber: '+55 11 4000-1000', phoneNumberId: metaId(), ...overrides });

async function publishedFlow(name: string) {
  const flow = (await admin.api.post('/api/flows', { name })).body;
  const published = await admin.api.post(`/api/flows/${flow.id}/publish`, {});
  if (published.status !== 201) throw new Error(`publishing ${name} failed: ${JSON.stringify(published.body)}`);
  return flow.id as string;
}

describe('WhatsApp numbers', () => {
  test('when an admin registers a number, then 201 with the defaults, listed for admins and supervisors, stored and audited', async () => {
    const input = newNumber({ name: '  Recepção  ', wabaId: '' });
    const created = await admin.api.post('/api/whatsapp-numbers', input);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Recepção',
      displayPhoneNumber: '+55 11 4000-1000',
      phoneNumberId: input.phoneNumberId,
      wabaId: null,
      provider: 'META',
      throughputPerSecond: 80,
      flowId: null,
      active: true,
      conversationCount: 0,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });

    for (const session of [admin, supervisor]) {
      const list = await session.api.get('/api/whatsapp-numbers');
      expect(list.status).toBe(200);
      expect(list.body.items).toContainEqual(created.body);
    }
    expect(await testDb().whatsAppNumber.findUniqueOrThrow({ where: { id: created.body.id } })).toMatchObject({ companyId: company.companyId, name: 'Recepção' });
    expect(await testDb().auditLog.findFirstOrThrow({ where: { companyId: company.companyId, action: 'number.create', entityId: created.body.id } })).toMatchObject({
      actorId: company.users.admin.id,
      metadata: { name: 'Recepção', phoneNumberId: input.phoneNumberId, provider: 'META' },
    });
  });

  test('when an admin edits a number and gives it a published flow, then the changes are stored and audited; an unpublished flow is refused', async () => {
    const number = (await admin.api.post('/api/whatsapp-numbers', newNumber())).body;
    const flowId = await publishedFlow('Vendas');
    const changes = { name: 'Vendas SP', displayPhoneNumber: '+55 11 4000-2000', wabaId: '102030', throughputPerSecond: 250, flowId, active: false };
    const updated = await admin.api.patch(`/api/whatsapp-numbers/${number.id}`, changes);
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: number.id, ...changes });
    expect(await testDb().whatsAppNumber.findUniqueOrThrow({ where: { id: number.id } })).toMatchObject(changes);
    expect((await testDb().auditLog.findFirstOrThrow({ where: { action: 'number.update', entityId: number.id }, orderBy: { createdAt: 'asc' } })).metadata).toEqual(changes);

    const draft = (await admin.api.post('/api/flows', { name: 'Rascunho' })).body;
    const refused = await admin.api.patch(`/api/whatsapp-numbers/${number.id}`, { flowId: draft.id });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'UNPROCESSABLE', message: 'Publique o fluxo antes de ligá-lo a um número', details: { field: 'flowId' } });
    expect((await admin.api.patch(`/api/whatsapp-numbers/${number.id}`, { flowId: null })).body.flowId).toBeNull();
  });

  test('when ids do not fit the provider or fields are wrong, then 400 names each field in pt-BR', async () => {
    const wrong = await admin.api.post('/api/whatsapp-numbers', newNumber({ name: 'X', phoneNumberId: 'sessao-1', displayPhoneNumber: '123', throughputPerSecond: 5000 }));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('VALIDATION_FAILED');
    expect(Object.fromEntries(wrong.body.error.details.map((d: { path: string; message: string }) => [d.path, d.message]))).toEqual({
      name: 'o nome precisa de pelo menos 2 caracteres',
      displayPhoneNumber: 'use o número com DDI e DDD, como +55 11 3000-0000',
      throughputPerSecond: 'no máximo 1000 mensagens por segundo',
      phoneNumberId: 'o ID do número na Meta (phone_number_id) tem só números',
    });

    // A WAHA session is named, not numbered; switching a Meta number to WAHA keeps its digits valid.
    const waha = await admin.api.post('/api/whatsapp-numbers', newNumber({ provider: 'WAHA', phoneNumberId: `sessao-${metaId()}` }));
    expect(waha.status).toBe(201);
    expect((await admin.api.patch(`/api/whatsapp-numbers/${waha.body.id}`, { provider: 'META' })).body.error.details).toEqual([{ path: 'phoneNumberId', message: 'o ID do número na Meta (phone_number_id) tem só números', code: 'custom' }]);
  });

  test('when a phoneNumberId is already registered, in this company or another, then 409 PHONE_NUMBER_ID_TAKEN on the field', async () => {
    const taken = (await admin.api.post('/api/whatsapp-numbers', newNumber())).body;
    for (const session of [admin, outsider]) {
      const clash = await session.api.post('/api/whatsapp-numbers', newNumber({ phoneNumberId: taken.phoneNumberId }));
      expect(clash.status).toBe(409);
      expect(clash.body.error).toMatchObject({ code: 'CONFLICT', details: { field: 'phoneNumberId', reason: 'PHONE_NUMBER_ID_TAKEN' } });
      expect(clash.body.error.message).toMatch(/já está cadastrado/);
    }
    const other = (await admin.api.post('/api/whatsapp-numbers', newNumber())).body;
    expect((await admin.api.patch(`/api/whatsapp-numbers/${other.id}`, { phoneNumberId: taken.phoneNumberId })).body.error.details).toMatchObject({ reason: 'PHONE_NUMBER_ID_TAKEN' });
    expect(await testDb().whatsAppNumber.count({ where: { phoneNumberId: taken.phoneNumberId } })).toBe(1);
  });

  test('when a number has conversations, then deleting it is refused with 409 NUMBER_IN_USE and it can be deactivated; an unused one is deleted', async () => {
    const used = (await admin.api.post('/api/whatsapp-numbers', newNumber({ name: 'Suporte' }))).body;
    const contact = await testDb().contact.create({ data: { companyId: company.companyId, waId: '5511955550001', phone: '+5511955550001' } });
    await testDb().conversation.create({ data: { companyId: company.companyId, numberId: used.id, contactId: contact.id, status: 'QUEUED', departmentId: company.departments.a } });

    const refused = await admin.api.delete(`/api/whatsapp-numbers/${used.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({
      code: 'CONFLICT',
      message: 'Este número tem 1 conversa(s): desative-o em vez de excluir, para não perder o histórico',
      details: { reason: 'NUMBER_IN_USE', conversations: 1, templates: 0 },
    });
    expect(await testDb().conversation.count({ where: { numberId: used.id } })).toBe(1);
    expect((await admin.api.get('/api/whatsapp-numbers')).body.items.find((n: { id: string }) => n.id === used.id)).toMatchObject({ conversationCount: 1 });
    expect((await admin.api.patch(`/api/whatsapp-numbers/${used.id}`, { active: false })).body.active).toBe(false);

    const unused = (await admin.api.post('/api/whatsapp-numbers', newNumber())).body;
    expect((await admin.api.delete(`/api/whatsapp-numbers/${unused.id}`)).status).toBe(204);
    expect(await testDb().whatsAppNumber.findUnique({ where: { id: unused.id } })).toBeNull();
    expect((await testDb().auditLog.findFirstOrThrow({ where: { action: 'number.delete', entityId: unused.id } })).metadata).toEqual({ name: 'Vendas', phoneNumberId: unused.phoneNumberId });
    expect((await admin.api.delete(`/api/whatsapp-numbers/${unused.id}`)).status).toBe(404);
  });

  test('when another company reaches for a number, then it sees none of them and cannot edit, delete or re-flow one', async () => {
    const mine = (await admin.api.post('/api/whatsapp-numbers', newNumber({ name: 'Privado' }))).body;
    const theirs = await outsider.api.get('/api/whatsapp-numbers');
    expect(theirs.body.items.map((n: { id: string }) => n.id)).not.toContain(mine.id);
    expect((await outsider.api.patch(`/api/whatsapp-numbers/${mine.id}`, { name: 'Roubado' })).status).toBe(404);
    expect((await outsider.api.delete(`/api/whatsapp-numbers/${mine.id}`)).status).toBe(404);
    expect((await outsider.api.put(`/api/whatsapp-numbers/${mine.id}/flow`, { flowId: null })).status).toBe(404);
    // Nor can this company's number be pointed at another company's flow.
    const foreignFlow = (await outsider.api.post('/api/flows', { name: 'Alheio' })).body;
    expect((await admin.api.patch(`/api/whatsapp-numbers/${mine.id}`, { flowId: foreignFlow.id })).body.error).toMatchObject({ code: 'UNPROCESSABLE', details: { field: 'flowId' } });
    expect(await testDb().whatsAppNumber.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ name: 'Privado', flowId: null });
  });

  test('when an agent or a supervisor tries to change numbers, then 403; an agent cannot even list them', async () => {
    const number = (await admin.api.post('/api/whatsapp-numbers', newNumber())).body;
    expect((await agent.api.get('/api/whatsapp-numbers')).status).toBe(403);
    for (const session of [agent, supervisor]) {
      expect((await session.api.post('/api/whatsapp-numbers', newNumber())).status).toBe(403);
      expect((await session.api.patch(`/api/whatsapp-numbers/${number.id}`, { active: false })).status).toBe(403);
      expect((await session.api.delete(`/api/whatsapp-numbers/${number.id}`)).status).toBe(403);
    }
    // The inbox's filter keeps answering every role.
    expect((await agent.api.get('/api/conversations/numbers')).status).toBe(200);
  });
});
