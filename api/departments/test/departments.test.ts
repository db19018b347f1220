import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCompanyFixture, login, startTestApi, testDb, type CompanyFixture, type TestApi } from '../../../test/harness';

let api: TestApi;
let company: CompanyFixture;
let admin: Awaited<ReturnType<typeof login>>;

beforeAll(async () => {
  api = await startTestApi();
  company = await createCompanyFixture();
  admin = await login(api.url, company.users.admin.email);
});
afterAll(() => api.close());

const hours = { timezone: 'America/Sao_Paulo', days: { mon: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '18:00' }], sat: [] } };

describe('departments', () => {
  test('when an admin creates "Laboratório" with members and hours, then the slug is ASCII and everything is stored', async () => {
    const reply = await admin.api.post('/api/departments', {
      name: 'Laboratório',
      color: '#0ea5e9',
      greeting: 'Olá, aqui é o laboratório',
      responseTimeoutMinutes: 5,
      businessHours: hours,
      memberIds: [company.users.agentA.id],
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ name: 'Laboratório', slug: 'laboratorio', responseTimeoutMinutes: 5, businessHours: { timezone: 'America/Sao_Paulo' } });
    expect(reply.body.members.map((m: { id: string }) => m.id)).toEqual([company.users.agentA.id]);
    expect(await testDb().auditLog.count({ where: { companyId: company.companyId, action: 'department.create', entityId: reply.body.id } })).toBe(1);
  });

  test('when the same slug is used twice in a company, then 409', async () => {
    const first = await admin.api.post('/api/departments', { name: 'Suporte' });
    const second = await admin.api.post('/api/departments', { name: 'Suporte' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(409);
  });

  test('when business hours are malformed, then 400 points at the interval', async () => {
    const reply = await admin.api.post('/api/departments', {
      name: 'Noturno',
      businessHours: { timezone: 'Mars/Olympus', days: { mon: [{ start: '18:00', end: '08:00' }] } },
    });
    expect(reply.status).toBe(400);
    const paths = reply.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toContain('businessHours.timezone');
    expect(paths).toContain('businessHours.days.mon.0.end');
  });

  test('when an agent lists departments, then only their own departments appear', async () => {
    const agent = await login(api.url, company.users.agentB.email);
    const reply = await agent.api.get('/api/departments');
    expect(reply.body.items.map((d: { id: string }) => d.id)).toEqual([company.departments.b]);
    expect((await agent.api.get(`/api/departments/${company.departments.a}`)).status).toBe(404);
  });

  test('when an admin replaces members, then membership follows and is audited', async () => {
    const reply = await admin.api.put(`/api/departments/${company.departments.b}/members`, { userIds: [company.users.agentA.id, company.users.agentB.id] });
    expect(reply.status).toBe(200);
    expect(reply.body.members.map((m: { id: string }) => m.id).sort()).toEqual([company.users.agentA.id, company.users.agentB.id].sort());
    const agentA = await login(api.url, company.users.agentA.email);
    const visible = await agentA.api.get('/api/departments');
    expect(visible.body.items.map((d: { id: string }) => d.id)).toContain(company.departments.b);
  });

  test('when an admin deletes a department, then it is gone and the deletion is audited', async () => {
    const created = await admin.api.post('/api/departments', { name: 'Temporário' });
    expect((await admin.api.delete(`/api/departments/${created.body.id}`)).status).toBe(204);
    expect((await admin.api.get(`/api/departments/${created.body.id}`)).status).toBe(404);
    expect(await testDb().auditLog.count({ where: { companyId: company.companyId, action: 'department.delete', entityId: created.body.id } })).toBe(1);
  });
});
