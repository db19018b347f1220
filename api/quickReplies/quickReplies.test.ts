import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCompanyFixture, login, startTestApi, testDb, type CompanyFixture, type TestApi } from '../../test/harness';

type Session = Awaited<ReturnType<typeof login>>;

let api: TestApi;
let company: CompanyFixture;
let other: CompanyFixture;
let admin: Session;
let supervisor: Session;
let agentA: Session;
let agentB: Session;
let viewer: Session;
let outsider: Session;

beforeAll(async () => {
  api = await startTestApi();
  [company, other] = await Promise.all([createCompanyFixture('Clinica'), createCompanyFixture('Outra')]);
  [admin, supervisor, agentA, agentB, viewer, outsider] = await Promise.all([
    login(api.url, company.users.admin.email),
    login(api.url, company.users.supervisor.email),
    login(api.url, company.users.agentA.email),
    login(api.url, company.users.agentB.email),
    login(api.url, company.users.viewer.email),
    login(api.url, other.users.admin.email),
  ]);
  // One company-wide reply and one per department; the listing tests come first and expect exactly these.
  for (const [session, reply] of [
    [admin, { shortcut: 'saudacao', title: 'Saudação', body: 'Olá! Como posso ajudar?' }],
    [supervisor, { shortcut: 'boleto', title: 'Segunda via', body: 'Enviamos o BOLETO por e-mail.', departmentId: company.departments.b }],
    [supervisor, { shortcut: 'agenda', title: 'Agendamento', body: 'Qual o melhor horário para você?', departmentId: company.departments.a }],
  ] as const) {
    const created = await session.api.post('/api/quick-replies', reply);
    if (created.status !== 201) throw new Error(`seed reply failed: ${created.status} ${JSON.stringify(created.body)}`);
  }
});
afterAll(() => api.close());

const shortcutsOf = (reply: { body: { items: { shortcut: string }[] } }) => reply.body.items.map((r) => r.shortcut);

describe('quick replies', () => {
  test('when people list replies, then agents get the company-wide ones and their departments’, ordered by shortcut', async () => {
    expect(shortcutsOf(await agentA.api.get('/api/quick-replies'))).toEqual(['agenda', 'saudacao']);
    expect(shortcutsOf(await agentB.api.get('/api/quick-replies'))).toEqual(['boleto', 'saudacao']);
    expect(shortcutsOf(await viewer.api.get('/api/quick-replies'))).toEqual(['agenda', 'boleto', 'saudacao']);
  });

  test('when an agent asks for another department’s replies, then only the company-wide ones come back', async () => {
    const reply = await agentA.api.get(`/api/quick-replies?departmentId=${company.departments.b}`);
    expect(reply.status).toBe(200);
    expect(shortcutsOf(reply)).not.toContain('boleto');
    expect(shortcutsOf(reply)).toContain('saudacao');
    expect(reply.body.items.every((r: { departmentId: string | null }) => r.departmentId === null)).toBe(true);
  });

  test('when filtered by department, then that department’s replies and the company-wide ones', async () => {
    const reply = await supervisor.api.get(`/api/quick-replies?departmentId=${company.departments.b}`);
    expect(shortcutsOf(reply)).toContain('boleto');
    expect(shortcutsOf(reply)).not.toContain('agenda');
    expect(reply.body.items.every((r: { departmentId: string | null }) => r.departmentId === null || r.departmentId === company.departments.b)).toBe(true);
  });

  test('when searching, then shortcut, title and body match regardless of case', async () => {
    expect(shortcutsOf(await supervisor.api.get('/api/quick-replies?q=boleto'))).toEqual(['boleto']);
    expect(shortcutsOf(await supervisor.api.get('/api/quick-replies?q=SEGUNDA%20VIA'))).toEqual(['boleto']);
    expect(shortcutsOf(await supervisor.api.get(`/api/quick-replies?q=${encodeURIComponent('melhor HORÁRIO')}`))).toEqual(['agenda']);
    expect(shortcutsOf(await supervisor.api.get('/api/quick-replies?q=nada-parecido'))).toEqual([]);
  });

  test('when an admin creates a reply, then 201 with its fields, stored and audited', async () => {
    const reply = await admin.api.post('/api/quick-replies', { shortcut: 'horario', title: '  Horário  ', body: 'Atendemos de 8h às 18h.', departmentId: null });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      id: expect.any(String),
      shortcut: 'horario',
      title: 'Horário',
      body: 'Atendemos de 8h às 18h.',
      departmentId: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(await testDb().quickReply.findUniqueOrThrow({ where: { id: reply.body.id } })).toMatchObject({ companyId: company.companyId, shortcut: 'horario' });
    expect(await testDb().auditLog.count({ where: { companyId: company.companyId, action: 'quickReply.create', entityId: reply.body.id } })).toBe(1);
  });

  test('when a shortcut is taken, then 409 says which one, on create and on rename', async () => {
    const duplicate = await supervisor.api.post('/api/quick-replies', { shortcut: 'saudacao', title: 'Outra', body: 'Oi' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({ code: 'CONFLICT', message: 'Já existe uma resposta rápida com o atalho /saudacao', details: { field: 'shortcut' } });
    const created = await admin.api.post('/api/quick-replies', { shortcut: 'despedida', title: 'Despedida', body: 'Até logo!' });
    const rename = await admin.api.patch(`/api/quick-replies/${created.body.id}`, { shortcut: 'saudacao' });
    expect(rename.status).toBe(409);
    expect(rename.body.error.message).toBe('Já existe uma resposta rápida com o atalho /saudacao');
    expect(await testDb().quickReply.count({ where: { companyId: company.companyId, shortcut: 'saudacao' } })).toBe(1);
  });

  test('when another company uses the same shortcut, then it is theirs to use', async () => {
    expect((await outsider.api.post('/api/quick-replies', { shortcut: 'saudacao', title: 'Oi', body: 'Olá' })).status).toBe(201);
  });

  test('when fields are invalid, then 400 explains each one in Portuguese', async () => {
    const reply = await admin.api.post('/api/quick-replies', { shortcut: 'Olá Mundo', title: '', body: 'x'.repeat(4097), departmentId: 'abc' });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('VALIDATION_FAILED');
    expect(reply.body.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'shortcut', message: 'use até 32 letras minúsculas sem acento, números, "-" ou "_", começando por letra ou número' }),
        expect.objectContaining({ path: 'title', message: 'informe um título' }),
        expect.objectContaining({ path: 'body', message: 'o texto pode ter até 4096 caracteres' }),
        expect.objectContaining({ path: 'departmentId', message: 'departamento inválido' }),
      ]),
    );
    expect(reply.body.error.message).toContain('informe um título');
    const tooLong = await admin.api.post('/api/quick-replies', { shortcut: 'a'.repeat(33), title: 'Longo', body: 'Longo' });
    expect(tooLong.body.error.details).toEqual([expect.objectContaining({ path: 'shortcut' })]);
    const empty = await admin.api.patch(`/api/quick-replies/${(await firstReplyId())}`, {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.details).toEqual([expect.objectContaining({ message: 'informe ao menos um campo para alterar' })]);
  });

  test('when the department belongs to another company, then 422 and nothing is stored', async () => {
    const reply = await admin.api.post('/api/quick-replies', { shortcut: 'alheio', title: 'Alheio', body: 'Alheio', departmentId: other.departments.a });
    expect(reply.status).toBe(422);
    expect(reply.body.error).toMatchObject({ code: 'UNPROCESSABLE', message: 'O departamento informado não existe', details: { field: 'departmentId' } });
    const patch = await admin.api.patch(`/api/quick-replies/${await firstReplyId()}`, { departmentId: other.departments.a });
    expect(patch.status).toBe(422);
    expect(await testDb().quickReply.count({ where: { companyId: company.companyId, departmentId: other.departments.a } })).toBe(0);
  });

  test('when an agent or a viewer tries to change replies, then 403 and nothing changes', async () => {
    const id = await firstReplyId();
    const before = await testDb().quickReply.findUniqueOrThrow({ where: { id } });
    for (const session of [agentA, viewer]) {
      for (const reply of [
        await session.api.post('/api/quick-replies', { shortcut: 'proibido', title: 'Proibido', body: 'Proibido' }),
        await session.api.patch(`/api/quick-replies/${id}`, { title: 'Proibido' }),
        await session.api.delete(`/api/quick-replies/${id}`),
      ]) {
        expect({ status: reply.status, code: reply.body.error.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
      }
    }
    expect(await testDb().quickReply.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await testDb().quickReply.count({ where: { companyId: company.companyId, shortcut: 'proibido' } })).toBe(0);
  });

  test('when another company’s admin uses our ids, then 404 and our replies stay out of their list', async () => {
    const id = await firstReplyId();
    expect((await outsider.api.patch(`/api/quick-replies/${id}`, { title: 'Hackeado' })).status).toBe(404);
    const deletion = await outsider.api.delete(`/api/quick-replies/${id}`);
    expect(deletion.body.error).toMatchObject({ code: 'NOT_FOUND', message: 'Resposta rápida não encontrado(a)' });
    const theirs = await outsider.api.get('/api/quick-replies');
    expect(theirs.body.items.map((r: { id: string }) => r.id)).not.toContain(id);
    expect(await testDb().quickReply.findUniqueOrThrow({ where: { id } })).toMatchObject({ companyId: company.companyId });
  });

  test('when a supervisor edits and then deletes a reply, then each change is stored and audited', async () => {
    const created = await supervisor.api.post('/api/quick-replies', { shortcut: 'pix', title: 'Pix', body: 'Nossa chave Pix é o CNPJ.' });
    const updated = await supervisor.api.patch(`/api/quick-replies/${created.body.id}`, { body: 'Chave Pix: financeiro@clinica.test', departmentId: company.departments.b });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: created.body.id, shortcut: 'pix', title: 'Pix', body: 'Chave Pix: financeiro@clinica.test', departmentId: company.departments.b });
    expect((await supervisor.api.delete(`/api/quick-replies/${created.body.id}`)).status).toBe(204);
    expect(await testDb().quickReply.findUnique({ where: { id: created.body.id } })).toBeNull();
    expect((await supervisor.api.delete(`/api/quick-replies/${created.body.id}`)).status).toBe(404);
    const audit = await testDb().auditLog.findMany({ where: { companyId: company.companyId, entityId: created.body.id } });
    expect(audit.map((a) => a.action).sort()).toEqual(['quickReply.create', 'quickReply.delete', 'quickReply.update']);
  });
});

async function firstReplyId() {
  const row = await testDb().quickReply.findFirstOrThrow({ where: { companyId: company.companyId, shortcut: 'saudacao' } });
  return row.id;
}
