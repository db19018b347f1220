import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCompanyFixture, login, startTestApi, testDb, type CompanyFixture, type TestApi } from '../../test/harness';

type Session = Awaited<ReturnType<typeof login>>;

let api: TestApi;
let company: CompanyFixture;
let other: CompanyFixture;
let admin: Session;
let supervisor: Session;
let agent: Session;
let outsider: Session;

beforeAll(async () => {
  api = await startTestApi();
  [company, other] = await Promise.all([createCompanyFixture('Fluxos'), createCompanyFixture('Alheia')]);
  [admin, supervisor, agent, outsider] = await Promise.all([
    login(api.url, company.users.admin.email),
    login(api.url, company.users.supervisor.email),
    login(api.url, company.users.agentA.email),
    login(api.url, other.users.admin.email),
  ]);
});
afterAll(() => api.close());

describe('bot flows and their versions', () => {
  test('when an admin creates a flow, then it starts as the department menu, and publishing freezes numbered versions that rollback can bring back', async () => {
    const created = await admin.api.post('/api/flows', { name: 'Atendimento', isDefault: true });
    expect(created.status).toBe(201);
    const flowId = created.body.id as string;
    expect(created.body.draft.nodes.map((n: { type: string }) => n.type)).toEqual(['start', 'message', 'menu', 'route', 'route', 'route']);

    const v1 = await admin.api.post(`/api/flows/${flowId}/publish`, { note: 'primeira' });
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ version: 1, note: 'primeira', publishedById: company.users.admin.id });

    const draft = created.body.draft;
    draft.nodes[1].config.text = 'Oi! Sou o assistente virtual.';
    expect((await supervisor.api.patch(`/api/flows/${flowId}`, { draft })).status).toBe(200);
    // Saving a draft changes nothing customers see: version 1 still answers.
    expect((await admin.api.get(`/api/flows/${flowId}`)).body.publishedVersionId).toBe(v1.body.id);
    const v2 = await admin.api.post(`/api/flows/${flowId}/publish`, {});
    expect(v2.body.version).toBe(2);

    const flow = await admin.api.get(`/api/flows/${flowId}`);
    expect(flow.body).toMatchObject({ publishedVersionId: v2.body.id, isDefault: true });
    expect(flow.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const frozen = await admin.api.get(`/api/flows/${flowId}/versions/${v1.body.id}`);
    expect(frozen.body.definition.nodes[1].config.text).toMatch(/^Olá, \{\{contact.name\}\}!/);

    const rolledBack = await admin.api.post(`/api/flows/${flowId}/rollback`, { versionId: v1.body.id });
    expect(rolledBack.body.publishedVersionId).toBe(v1.body.id);
    expect((await admin.api.get('/api/flows')).body.items.find((f: { id: string }) => f.id === flowId).published).toMatchObject({ version: 1 });
    expect((await testDb().auditLog.findMany({ where: { entityId: flowId }, orderBy: { createdAt: 'asc' } })).map((a) => a.action)).toEqual([
      'flow.create',
      'flow.publish',
      'flow.update',
      'flow.publish',
      'flow.rollback',
    ]);
  });

  test('when the draft is broken, then validation and publishing list every problem naming its block, and nothing is published', async () => {
    const flow = (await admin.api.post('/api/flows', { name: 'Quebrado' })).body;
    const menu = structuredClone(flow.draft.nodes[2]);
    flow.draft.nodes[2].config.options = [];
    await admin.api.patch(`/api/flows/${flow.id}`, { draft: flow.draft });
    const validated = await admin.api.post(`/api/flows/${flow.id}/validate`);
    expect(validated.body.ok).toBe(false);
    expect(validated.body.problems).toContainEqual(expect.objectContaining({ nodeId: 'menu', code: 'invalid_config', message: expect.stringContaining('um menu precisa de ao menos uma opção') }));

    flow.draft.nodes[2] = menu;
    flow.draft.nodes.push({ id: 'orfao', type: 'message', position: { x: 0, y: 0 }, config: { text: 'ninguém chega aqui' } });
    await admin.api.patch(`/api/flows/${flow.id}`, { draft: flow.draft });
    const refused = await admin.api.post(`/api/flows/${flow.id}/publish`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'UNPROCESSABLE', message: 'O fluxo tem 2 problema(s) a corrigir antes de publicar' });
    expect(refused.body.error.details.problems).toEqual([
      { nodeId: 'orfao', code: 'missing_exit', message: 'ligue a saída "next" a outro bloco' },
      { nodeId: 'orfao', code: 'unreachable', message: 'este bloco não é alcançado a partir do início' },
    ]);
    expect((await admin.api.get(`/api/flows/${flow.id}`)).body.publishedVersionId).toBeNull();
  });

  test('when a route names a department of another company, then publishing says the department does not exist', async () => {
    const flow = (await admin.api.post('/api/flows', { name: 'Vizinho' })).body;
    flow.draft.nodes[3].config.departmentId = other.departments.a;
    await admin.api.patch(`/api/flows/${flow.id}`, { draft: flow.draft });
    const refused = await admin.api.post(`/api/flows/${flow.id}/publish`, {});
    expect(refused.body.error.details.problems).toEqual([{ nodeId: flow.draft.nodes[3].id, code: 'unknown_department', message: 'o departamento deste bloco não existe ou está inativo' }]);
  });

  test('when a number is given a flow, then it is stored; only one flow is the default; and flows stay inside their company and roles', async () => {
    const number = await testDb().whatsAppNumber.create({ data: { companyId: company.companyId, phoneNumberId: randomUUID(), displayPhoneNumber: '+55 11 4000-1111', name: 'Vendas' } });
    const sales = (await admin.api.post('/api/flows', { name: 'Vendas' })).body;
    expect((await admin.api.put(`/api/whatsapp-numbers/${number.id}/flow`, { flowId: sales.id })).body).toMatchObject({ id: number.id, flowId: sales.id });
    expect((await supervisor.api.put(`/api/whatsapp-numbers/${number.id}/flow`, { flowId: null })).status).toBe(403);

    expect((await admin.api.patch(`/api/flows/${sales.id}`, { isDefault: true })).body.isDefault).toBe(true);
    expect(await testDb().flow.count({ where: { companyId: company.companyId, isDefault: true } })).toBe(1);
    const defaultDelete = await admin.api.delete(`/api/flows/${sales.id}`);
    expect(defaultDelete.status).toBe(409);

    expect((await agent.api.get('/api/flows')).status).toBe(403);
    expect((await outsider.api.get(`/api/flows/${sales.id}`)).status).toBe(404);
    expect((await outsider.api.post(`/api/flows/${sales.id}/publish`, {})).status).toBe(404);
    expect((await outsider.api.get('/api/flows')).body.items).toEqual([]);
    expect((await admin.api.post('/api/flows', { name: 'x' })).body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
