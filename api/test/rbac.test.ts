import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCompanyFixture, login, startTestApi, type CompanyFixture, type TestApi } from '../../test/harness';

let api: TestApi;
let company: CompanyFixture;
type Role = 'admin' | 'supervisor' | 'agentA' | 'viewer';
const sessions = {} as Record<Role, Awaited<ReturnType<typeof login>>>;

beforeAll(async () => {
  api = await startTestApi();
  company = await createCompanyFixture('Papeis');
  for (const role of ['admin', 'supervisor', 'agentA', 'viewer'] as const) sessions[role] = await login(api.url, company.users[role].email);
});
afterAll(() => api.close());

/** [method, path, body, roles allowed]. Everyone else must get 403 FORBIDDEN. */
const matrix = (): [string, string, unknown, Role[]][] => [
  ['GET', '/api/users', undefined, ['admin', 'supervisor']],
  ['GET', `/api/users/${company.users.agentB.id}`, undefined, ['admin', 'supervisor']],
  ['POST', '/api/users', { name: 'Bad', email: 'bad' }, ['admin']],
  ['PATCH', `/api/users/${company.users.agentB.id}`, { maxConcurrentChats: 7 }, ['admin']],
  ['DELETE', `/api/users/${company.users.agentB.id}`, undefined, ['admin']],
  ['POST', '/api/departments', { name: '' }, ['admin']],
  ['PATCH', `/api/departments/${company.departments.b}`, { greeting: 'oi' }, ['admin']],
  ['PUT', `/api/departments/${company.departments.b}/members`, { userIds: [company.users.agentB.id] }, ['admin']],
  ['GET', '/api/audit', undefined, ['admin']],
  ['GET', '/api/password-reset-requests', undefined, ['admin']],
  ['GET', '/api/departments', undefined, ['admin', 'supervisor', 'agentA', 'viewer']],
  ['PUT', '/api/users/me/status', { status: 'AWAY' }, ['admin', 'supervisor', 'agentA', 'viewer']],
  ['GET', '/api/conversations', undefined, ['admin', 'supervisor', 'agentA', 'viewer']],
  // A made-up id: roles allowed to act get past authorization and then find nothing (404).
  ['POST', '/api/conversations/00000000-0000-4000-8000-000000000000/accept', {}, ['admin', 'supervisor', 'agentA']],
];

describe('roles', () => {
  test('when each role calls each endpoint, then only the allowed roles get past authorization', async () => {
    const results: string[] = [];
    for (const [method, path, body, allowed] of matrix()) {
      for (const role of ['admin', 'supervisor', 'agentA', 'viewer'] as const) {
        const client = sessions[role].api;
        const reply = method === 'GET' ? await client.get(path) : method === 'POST' ? await client.post(path, body) : method === 'PATCH' ? await client.patch(path, body) : method === 'PUT' ? await client.put(path, body) : await client.delete(path);
        const forbidden = reply.status === 403;
        if (forbidden === allowed.includes(role)) results.push(`${role} ${method} ${path} → ${reply.status}`);
        if (forbidden) expect(reply.body.error.code).toBe('FORBIDDEN');
      }
    }
    expect(results).toEqual([]);
  });

  test('when a supervisor or viewer tries to read the audit log, then 403 with a message in Portuguese', async () => {
    const reply = await sessions.viewer.api.get('/api/audit');
    expect(reply.status).toBe(403);
    expect(reply.body.error.message).toBe('Seu perfil não tem permissão para esta ação');
  });
});
