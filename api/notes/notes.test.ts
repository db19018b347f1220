import { randomInt, randomUUID } from 'node:crypto';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCompanyFixture, login, startTestApi, testDb, type CompanyFixture, type TestApi } from '../../test/harness';

type Session = Awaited<ReturnType<typeof login>>;

let api: TestApi;
let company: CompanyFixture;
let other: CompanyFixture;
let admin: Session;
let agentA: Session;
let agentB: Session;
let viewer: Session;
let convA: string;
let convB: string;

/** A conversation row as routing leaves it; notes need no workflow behind it. */
async function conversationIn(fixture: CompanyFixture, departmentId: string) {
  const db = testDb();
  const waId = `5511${randomInt(900_000_000, 1_000_000_000)}`;
  const number = await db.whatsAppNumber.create({ data: { companyId: fixture.companyId, phoneNumberId: randomUUID(), displayPhoneNumber: '+55 11 4000-0000', name: 'Atendimento' } });
  const contact = await db.contact.create({ data: { companyId: fixture.companyId, waId, phone: `+${waId}` } });
  const conversation = await db.conversation.create({ data: { companyId: fixture.companyId, numberId: number.id, contactId: contact.id, status: 'QUEUED', departmentId } });
  return conversation.id;
}

beforeAll(async () => {
  api = await startTestApi();
  [company, other] = await Promise.all([createCompanyFixture('Clinica'), createCompanyFixture('Outra')]);
  [admin, agentA, agentB, viewer] = await Promise.all([
    login(api.url, company.users.admin.email),
    login(api.url, company.users.agentA.email),
    login(api.url, company.users.agentB.email),
    login(api.url, company.users.viewer.email),
  ]);
  convA = await conversationIn(company, company.departments.a);
  convB = await conversationIn(company, company.departments.b);
});
afterAll(() => api.close());

const notesOf = (conversationId: string) => testDb().conversationNote.findMany({ where: { conversationId } });

describe('conversation notes', () => {
  test('when an agent of the department writes a note, then 201 with its author, stored trimmed and audited', async () => {
    const reply = await agentA.api.post(`/api/conversations/${convA}/notes`, { body: '  Cliente prefere contato à tarde  ' });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ conversationId: convA, body: 'Cliente prefere contato à tarde', author: { id: company.users.agentA.id, name: expect.any(String) } });
    const stored = await testDb().conversationNote.findUniqueOrThrow({ where: { id: reply.body.id } });
    expect(stored).toMatchObject({ companyId: company.companyId, authorId: company.users.agentA.id, body: 'Cliente prefere contato à tarde' });
    expect(await testDb().auditLog.count({ where: { companyId: company.companyId, action: 'conversation.note', entityId: convA, actorId: company.users.agentA.id } })).toBe(1);
  });

  test('when notes are listed, then newest first, with authors, page by page', async () => {
    const conversationId = await conversationIn(company, company.departments.a);
    for (const body of ['primeira', 'segunda', 'terceira']) expect((await admin.api.post(`/api/conversations/${conversationId}/notes`, { body })).status).toBe(201);
    const first = await viewer.api.get(`/api/conversations/${conversationId}/notes?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((n: { body: string }) => n.body)).toEqual(['terceira', 'segunda']);
    expect(first.body.items[0].author).toEqual({ id: company.users.admin.id, name: expect.any(String) });
    expect(first.body.nextCursor).toBe(first.body.items[1].id);
    const second = await viewer.api.get(`/api/conversations/${conversationId}/notes?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ items: [{ body: 'primeira' }], nextCursor: null });
  });

  test('when the note is blank or too long, then 400 names the field in Portuguese and nothing is stored', async () => {
    const before = (await notesOf(convA)).length;
    const blank = await admin.api.post(`/api/conversations/${convA}/notes`, { body: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body', message: 'escreva a nota' }] });
    expect(blank.body.error.message).toContain('escreva a nota');
    const long = await admin.api.post(`/api/conversations/${convA}/notes`, { body: 'x'.repeat(4001) });
    expect(long.status).toBe(400);
    expect(long.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body', message: 'a nota pode ter até 4000 caracteres' }] });
    expect(await notesOf(convA)).toHaveLength(before);
  });

  test('when a viewer writes a note, then 403, though they may read them', async () => {
    const reply = await viewer.api.post(`/api/conversations/${convA}/notes`, { body: 'não deveria' });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('FORBIDDEN');
    expect((await viewer.api.get(`/api/conversations/${convA}/notes`)).status).toBe(200);
    expect((await notesOf(convA)).some((n) => n.body === 'não deveria')).toBe(false);
  });

  test('when an agent reaches a conversation outside their departments, then 404 for reading and writing', async () => {
    const read = await agentB.api.get(`/api/conversations/${convA}/notes`);
    expect(read.status).toBe(404);
    expect(read.body.error).toMatchObject({ code: 'NOT_FOUND', message: 'Conversa não encontrado(a)' });
    expect((await agentB.api.post(`/api/conversations/${convA}/notes`, { body: 'intrusa' })).status).toBe(404);
    expect((await notesOf(convA)).some((n) => n.body === 'intrusa')).toBe(false);
  });

  test('when another company’s admin uses our conversation id, or the id is malformed, then 404', async () => {
    const outsider = await login(api.url, other.users.admin.email);
    expect((await outsider.api.get(`/api/conversations/${convA}/notes`)).status).toBe(404);
    expect((await outsider.api.post(`/api/conversations/${convA}/notes`, { body: 'de fora' })).status).toBe(404);
    expect((await admin.api.get('/api/conversations/nao-e-um-id/notes')).status).toBe(404);
    expect((await notesOf(convA)).some((n) => n.body === 'de fora')).toBe(false);
  });

  test('when notes are written, then note.new reaches whoever sees each conversation and no one else', async () => {
    const supervisor = await login(api.url, company.users.supervisor.email);
    const connect = async (token: string) => {
      const socket = connectSocket(api.url, { auth: { token }, transports: ['websocket'] });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      return socket;
    };
    const sockets: Socket[] = [];
    try {
      const [watcher, agent] = [await connect(supervisor.accessToken), await connect(agentB.accessToken)];
      sockets.push(watcher, agent);
      const heardByAgent: { conversationId: string }[] = [];
      agent.on('note.new', (event: { conversationId: string }) => heardByAgent.push(event));
      const supervisorHears = new Promise<{ conversationId: string; note: { body: string; author: { id: string } } }>((resolve) => watcher.once('note.new', resolve));
      const agentHearsOwn = new Promise<void>((resolve) => agent.on('note.new', (event: { conversationId: string }) => event.conversationId === convB && resolve()));

      expect((await admin.api.post(`/api/conversations/${convA}/notes`, { body: 'aviso interno' })).status).toBe(201);
      expect(await supervisorHears).toMatchObject({ conversationId: convA, note: { body: 'aviso interno', author: { id: company.users.admin.id } } });
      // Events arrive in commit order, so once agent B hears its own department's note it would already have heard the other one.
      expect((await admin.api.post(`/api/conversations/${convB}/notes`, { body: 'para o financeiro' })).status).toBe(201);
      await agentHearsOwn;
      expect(heardByAgent.map((e) => e.conversationId)).toEqual([convB]);
    } finally {
      for (const socket of sockets) socket.close();
    }
  });
});
