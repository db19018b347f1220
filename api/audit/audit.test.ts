import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCompanyFixture, login, startTestApi, type CompanyFixture, type TestApi } from '../../test/harness';

let api: TestApi;
let company: CompanyFixture;
let admin: Awaited<ReturnType<typeof login>>;

beforeAll(async () => {
  api = await startTestApi();
  company = await createCompanyFixture('Auditoria');
  admin = await login(api.url, company.users.admin.email);
});
afterAll(() => api.close());

describe('audit log', () => {
  test('when mutations happen, then each leaves a row with actor, action, entity, ip and request id, newest first', async () => {
    const created = await admin.api.post('/api/departments', { name: 'Qualidade' }, { 'x-request-id': 'req-audit-1' });
    await admin.api.patch(`/api/departments/${created.body.id}`, { greeting: 'Olá' });
    const reply = await admin.api.get(`/api/audit?entity=department&entityId=${created.body.id}`);
    expect(reply.status).toBe(200);
    expect(reply.body.items.map((r: { action: string }) => r.action)).toEqual(['department.update', 'department.create']);
    expect(reply.body.items[1]).toMatchObject({
      actorId: company.users.admin.id,
      actor: { id: company.users.admin.id, email: company.users.admin.email },
      entity: 'department',
      requestId: 'req-audit-1',
      ip: expect.stringContaining('127.0.0.1'),
      metadata: { name: 'Qualidade', slug: 'qualidade' },
    });
  });

  test('when filtered by action prefix, actor and dates, then only matching rows come back', async () => {
    const prefix = await admin.api.get('/api/audit?action=auth.');
    expect(prefix.body.items.length).toBeGreaterThan(0);
    expect(prefix.body.items.every((r: { action: string }) => r.action.startsWith('auth.'))).toBe(true);
    const future = await admin.api.get(`/api/audit?from=${new Date(Date.now() + 3_600_000).toISOString()}`);
    expect(future.body.items).toEqual([]);
    const byActor = await admin.api.get(`/api/audit?actorId=${company.users.agentA.id}`);
    expect(byActor.body.items).toEqual([]);
    const bad = await admin.api.get('/api/audit?from=ontem');
    expect(bad.status).toBe(400);
  });
});
