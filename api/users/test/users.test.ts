import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCompanyFixture, http, login, startTestApi, testDb, type CompanyFixture, type TestApi } from '../../../test/harness';

let api: TestApi;
let company: CompanyFixture;
let admin: Awaited<ReturnType<typeof login>>;

beforeAll(async () => {
  api = await startTestApi();
  company = await createCompanyFixture();
  admin = await login(api.url, company.users.admin.email);
});
afterAll(() => api.close());

describe('users CRUD by an admin', () => {
  test('when an admin creates a user in a department, then it can log in and the creation is audited', async () => {
    const created = await admin.api.post('/api/users', {
      name: 'Nova Atendente',
      email: 'Nova.Atendente@Example.test',
      password: 'senha-segura-1',
      role: 'AGENT',
      departmentIds: [company.departments.a],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'nova.atendente@example.test', role: 'AGENT', status: 'OFFLINE', active: true });
    expect(created.body.departments.map((d: { id: string }) => d.id)).toEqual([company.departments.a]);
    expect(created.body.passwordHash).toBeUndefined();
    const session = await http(api.url).post('/api/auth/login', { email: 'nova.atendente@example.test', password: 'senha-segura-1' });
    expect(session.status).toBe(200);
    const audit = await testDb().auditLog.findFirst({ where: { companyId: company.companyId, action: 'user.create', entityId: created.body.id } });
    expect(audit).toMatchObject({ actorId: company.users.admin.id, entity: 'user', ip: expect.stringContaining('127.0.0.1') });
    expect(JSON.stringify(audit?.metadata)).not.toContain('senha-segura-1');
  });

  test('when the email already exists, then 409 and nothing changes', async () => {
    const before = await testDb().user.count({ where: { companyId: company.companyId } });
    const reply = await admin.api.post('/api/users', { name: 'Duplicado', email: company.users.agentA.email, password: 'senha-segura-1' });
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('CONFLICT');
    expect(await testDb().user.count({ where: { companyId: company.companyId } })).toBe(before);
  });

  test('when fields are invalid, then 400 names each field', async () => {
    const reply = await admin.api.post('/api/users', { name: 'X', email: 'bad', password: '1', role: 'ROOT' });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['email', 'name', 'password', 'role']);
  });

  test('when an admin lists users with a search, then only matching users of the company come back, paginated', async () => {
    const page1 = await admin.api.get('/api/users?limit=2');
    expect(page1.status).toBe(200);
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await admin.api.get(`/api/users?limit=2&cursor=${page1.body.nextCursor}`);
    const ids = [...page1.body.items, ...page2.body.items].map((u: { id: string }) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    const searched = await admin.api.get('/api/users?q=agenta');
    expect(searched.body.items.map((u: { email: string }) => u.email)).toEqual([company.users.agentA.email]);
    const byDepartment = await admin.api.get(`/api/users?departmentId=${company.departments.b}`);
    expect(byDepartment.body.items.map((u: { id: string }) => u.id)).toEqual([company.users.agentB.id]);
  });

  test('when an admin changes role and departments, then the user sees it at once', async () => {
    const updated = await admin.api.patch(`/api/users/${company.users.viewer.id}`, { role: 'SUPERVISOR', departmentIds: [company.departments.a, company.departments.b] });
    expect(updated.status).toBe(200);
    expect(updated.body.role).toBe('SUPERVISOR');
    expect(updated.body.departments).toHaveLength(2);
    await admin.api.patch(`/api/users/${company.users.viewer.id}`, { role: 'VIEWER', departmentIds: [] });
  });

  test('when the only admin would be demoted or deactivated, then 409 keeps the company manageable', async () => {
    const demote = await admin.api.patch(`/api/users/${company.users.admin.id}`, { role: 'AGENT' });
    expect(demote.status).toBe(409);
    const self = await admin.api.delete(`/api/users/${company.users.admin.id}`);
    expect(self.status).toBe(409);
  });

  test('when an admin sets a password for a user, then the user must change it and old sessions end', async () => {
    const fixture = await createCompanyFixture('Troca');
    const fixtureAdmin = await login(api.url, fixture.users.admin.email);
    const agent = await login(api.url, fixture.users.agentB.email);
    const reply = await fixtureAdmin.api.patch(`/api/users/${fixture.users.agentB.id}`, { password: 'temporaria-99' });
    expect(reply.body.mustChangePassword).toBe(true);
    expect((await http(api.url).post('/api/auth/refresh', { refreshToken: agent.refreshToken })).status).toBe(401);
  });

  test('when a department id of another company is given, then 422 and the user is not created', async () => {
    const other = await createCompanyFixture('Outra');
    const reply = await admin.api.post('/api/users', { name: 'Cruzado', email: 'cruzado@example.test', password: 'senha-segura-1', departmentIds: [other.departments.a] });
    expect(reply.status).toBe(422);
    expect(await testDb().user.findUnique({ where: { email: 'cruzado@example.test' } })).toBeNull();
  });
});

describe('presence', () => {
  test('when an agent goes online, then the status is stored and audited', async () => {
    const agent = await login(api.url, company.users.agentA.email);
    const reply = await agent.api.put('/api/users/me/status', { status: 'ONLINE' });
    expect(reply.status).toBe(200);
    expect(reply.body.status).toBe('ONLINE');
    const bad = await agent.api.put('/api/users/me/status', { status: 'BUSY' });
    expect(bad.status).toBe(400);
  });
});
