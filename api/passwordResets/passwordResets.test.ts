import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { companyIdKey } from '../../temporal/searchAttributes';
import { passwordResetStatusQuery } from '../../workflows/passwordReset';
import { createCompanyFixture, http, login, startTestApi, startTestWorker, testDb, TEST_PASSWORD, type CompanyFixture, type TestApi } from '../../test/harness';
import { passwordResetWorkflowId } from './service';
import { replay } from '../../test/replay';

// The pattern every workflow test follows: the real API on port 0, a real worker on a task queue of
// its own, the run's Temporal dev server, and durations injected so timers fire in seconds.
const taskQueue = `test-password-reset-${randomUUID()}`;
let api: TestApi;
let worker: Awaited<ReturnType<typeof startTestWorker>>;
let company: CompanyFixture;
let admin: Awaited<ReturnType<typeof login>>;

beforeAll(async () => {
  [api, worker] = await Promise.all([startTestApi({ TEMPORAL_TASK_QUEUE: taskQueue, PASSWORD_RESET_EXPIRY_SECONDS: '3' }), startTestWorker(taskQueue)]);
  company = await createCompanyFixture('Reset');
  admin = await login(api.url, company.users.admin.email);
});
afterAll(async () => {
  await api.close();
  await worker.stop();
});

async function requestReset(email: string) {
  const reply = await http(api.url).post('/api/auth/password-reset-requests', { email });
  expect(reply.status).toBe(202);
  const pending = await admin.api.get('/api/password-reset-requests?status=PENDING');
  return pending.body.items.find((r: { user: { email: string } }) => r.user.email === email) as { id: string } | undefined;
}

describe('password reset approved by an admin', () => {
  test('when an admin approves, then a temporary password works once and forces a change; the workflow is findable by company', async () => {
    const reset = await requestReset(company.users.agentA.email);
    expect(reset).toBeDefined();
    const handle = api.temporal.workflow.getHandle(passwordResetWorkflowId(reset!.id));
    expect(await handle.query(passwordResetStatusQuery)).toBe('PENDING');
    const description = await handle.describe();
    expect(description.typedSearchAttributes.get(companyIdKey)).toBe(company.companyId);

    const approved = await admin.api.post(`/api/password-reset-requests/${reset!.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.temporaryPassword).toMatch(/^[A-Za-z2-9]{12}$/);
    expect(await handle.result()).toBe('APPROVED');

    const session = await http(api.url).post('/api/auth/login', { email: company.users.agentA.email, password: approved.body.temporaryPassword });
    expect(session.status).toBe(200);
    expect(session.body.user.mustChangePassword).toBe(true);
    expect((await http(api.url).post('/api/auth/login', { email: company.users.agentA.email, password: TEST_PASSWORD })).status).toBe(401);

    const again = await admin.api.post(`/api/password-reset-requests/${reset!.id}/approve`);
    expect(again.status).toBe(409);
    const history = await handle.fetchHistory();
    expect(JSON.stringify(history)).not.toContain(approved.body.temporaryPassword);
    // Determinism guard: today's workflow code must replay the history it produced.
    await expect(replay(history)).resolves.toBeUndefined();
    const actions = await testDb().auditLog.findMany({ where: { companyId: company.companyId, entityId: reset!.id }, orderBy: { createdAt: 'asc' } });
    expect(actions.map((a) => a.action)).toEqual(['password_reset.request', 'password_reset.approve']);
  });

  test('when an admin rejects, then the old password keeps working', async () => {
    const reset = await requestReset(company.users.agentB.email);
    const rejected = await admin.api.post(`/api/password-reset-requests/${reset!.id}/reject`);
    expect(rejected.body).toEqual({ status: 'REJECTED', temporaryPassword: null });
    await expect(api.temporal.workflow.getHandle(passwordResetWorkflowId(reset!.id)).result()).resolves.toBe('REJECTED');
    expect((await testDb().passwordResetRequest.findUnique({ where: { id: reset!.id } }))?.status).toBe('REJECTED');
    expect((await http(api.url).post('/api/auth/login', { email: company.users.agentB.email, password: TEST_PASSWORD })).status).toBe(200);
  });

  test('when nobody decides in time, then the request expires by a durable timer', async () => {
    const reset = await requestReset(company.users.supervisor.email);
    await expect(api.temporal.workflow.getHandle(passwordResetWorkflowId(reset!.id)).result()).resolves.toBe('EXPIRED');
    expect((await testDb().passwordResetRequest.findUnique({ where: { id: reset!.id } }))?.status).toBe('EXPIRED');
    const late = await admin.api.post(`/api/password-reset-requests/${reset!.id}/approve`);
    expect(late.status).toBe(409);
  });

  test('when the email is unknown or a request is already pending, then the answer is the same 202 and no second request is made', async () => {
    const unknown = await http(api.url).post('/api/auth/password-reset-requests', { email: 'nao-existe@example.test' });
    expect(unknown.status).toBe(202);
    await http(api.url).post('/api/auth/password-reset-requests', { email: company.users.viewer.email });
    await http(api.url).post('/api/auth/password-reset-requests', { email: company.users.viewer.email });
    expect(await testDb().passwordResetRequest.count({ where: { userId: company.users.viewer.id } })).toBe(1);
  });
});
