import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCompanyFixture, login, startTestApi, testDb, type CompanyFixture, type TestApi } from '../../test/harness';

let api: TestApi;
let victim: CompanyFixture;
let attacker: CompanyFixture;
let attackerAdmin: Awaited<ReturnType<typeof login>>;
let resetId: string;
let conversationId: string;

beforeAll(async () => {
  api = await startTestApi();
  [victim, attacker] = await Promise.all([createCompanyFixture('Vitima'), createCompanyFixture('Atacante')]);
  attackerAdmin = await login(api.url, attacker.users.admin.email);
  const reset = await testDb().passwordResetRequest.create({ data: { companyId: victim.companyId, userId: victim.users.agentA.id } });
  resetId = reset.id;
  const number = await testDb().whatsAppNumber.create({ data: { companyId: victim.companyId, phoneNumberId: `9${Date.now()}`, displayPhoneNumber: '+55 11 4000-0000', name: 'Vítima' } });
  const contact = await testDb().contact.create({ data: { companyId: victim.companyId, waId: '5511900000001', phone: '+5511900000001' } });
  const conversation = await testDb().conversation.create({ data: { companyId: victim.companyId, numberId: number.id, contactId: contact.id, status: 'QUEUED', departmentId: victim.departments.a } });
  conversationId = conversation.id;
});
afterAll(() => api.close());

/** Every endpoint that takes an id, called by another company's ADMIN with the victim's ids. */
const foreignIdCalls = () => [
  ['GET', `/api/users/${victim.users.agentA.id}`, undefined],
  ['PATCH', `/api/users/${victim.users.agentA.id}`, { name: 'Hackeado', role: 'ADMIN' }],
  ['DELETE', `/api/users/${victim.users.agentA.id}`, undefined],
  ['GET', `/api/departments/${victim.departments.a}`, undefined],
  ['PATCH', `/api/departments/${victim.departments.a}`, { name: 'Hackeado' }],
  ['PUT', `/api/departments/${victim.departments.a}/members`, { userIds: [] }],
  ['DELETE', `/api/departments/${victim.departments.a}`, undefined],
  ['POST', `/api/password-reset-requests/${resetId}/approve`, {}],
  ['POST', `/api/password-reset-requests/${resetId}/reject`, {}],
  ['GET', `/api/conversations/${conversationId}`, undefined],
  ['GET', `/api/conversations/${conversationId}/messages`, undefined],
  ['POST', `/api/conversations/${conversationId}/accept`, {}],
  ['POST', `/api/conversations/${conversationId}/close`, {}],
] as const;

describe('companies never see each other', () => {
  test('when another company’s admin uses our ids on every endpoint, then each answers 404 and nothing of ours changes', async () => {
    const before = await snapshot();
    for (const [method, path, body] of foreignIdCalls()) {
      const reply = method === 'GET' ? await attackerAdmin.api.get(path) : method === 'DELETE' ? await attackerAdmin.api.delete(path) : method === 'PATCH' ? await attackerAdmin.api.patch(path, body) : method === 'PUT' ? await attackerAdmin.api.put(path, body) : await attackerAdmin.api.post(path, body);
      expect({ method, path, status: reply.status, code: reply.body?.error?.code }).toEqual({ method, path, status: 404, code: 'NOT_FOUND' });
    }
    expect(await snapshot()).toEqual(before);
  });

  test('when another company’s admin lists users, departments, audit and resets, then none of ours appear', async () => {
    const lists = await Promise.all([
      attackerAdmin.api.get('/api/users?limit=200'),
      attackerAdmin.api.get('/api/departments'),
      attackerAdmin.api.get('/api/audit?limit=200'),
      attackerAdmin.api.get('/api/password-reset-requests'),
      attackerAdmin.api.get('/api/conversations?limit=200'),
    ]);
    const ours = new Set([victim.companyId, ...Object.values(victim.users).map((u) => u.id), ...Object.values(victim.departments), resetId, conversationId]);
    for (const list of lists) {
      expect(list.status).toBe(200);
      const serialized = JSON.stringify(list.body);
      for (const id of ours) expect(serialized).not.toContain(id);
    }
  });

  test('when another company’s department or user ids are used as references, then 422 and nothing is linked', async () => {
    const asMember = await attackerAdmin.api.put(`/api/departments/${attacker.departments.a}/members`, { userIds: [victim.users.agentA.id] });
    expect(asMember.status).toBe(422);
    const asDepartment = await attackerAdmin.api.patch(`/api/users/${attacker.users.agentA.id}`, { departmentIds: [victim.departments.a] });
    expect(asDepartment.status).toBe(422);
    expect(await testDb().departmentMember.count({ where: { OR: [{ userId: victim.users.agentA.id, companyId: attacker.companyId }, { departmentId: victim.departments.a, companyId: attacker.companyId }] } })).toBe(0);
  });

  test('when an id is malformed, then it is treated as not found', async () => {
    const reply = await attackerAdmin.api.get('/api/users/not-a-uuid');
    expect(reply.status).toBe(404);
  });
});

async function snapshot() {
  const db = testDb();
  const [users, departments, members, resets, conversations] = await Promise.all([
    db.user.findMany({ where: { companyId: victim.companyId }, orderBy: { id: 'asc' }, select: { id: true, name: true, role: true, active: true, updatedAt: true } }),
    db.department.findMany({ where: { companyId: victim.companyId }, orderBy: { id: 'asc' } }),
    db.departmentMember.findMany({ where: { companyId: victim.companyId }, orderBy: [{ departmentId: 'asc' }, { userId: 'asc' }] }),
    db.passwordResetRequest.findMany({ where: { companyId: victim.companyId } }),
    db.conversation.findMany({ where: { companyId: victim.companyId } }),
  ]);
  return { users, departments, members, resets, conversations };
}
