import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCompanyFixture, login, startTestApi, type CompanyFixture, type TestApi } from '../../test/harness';

let api: TestApi;
let company: CompanyFixture;
let other: CompanyFixture;

beforeAll(async () => {
  api = await startTestApi();
  [company, other] = await Promise.all([createCompanyFixture('Ajustes'), createCompanyFixture('Vizinha')]);
});
afterAll(() => api.close());

describe('company settings', () => {
  test('when an admin changes one setting after another, then each change keeps the others, and another company is untouched', async () => {
    const admin = await login(api.url, company.users.admin.email);
    expect((await admin.api.patch('/api/company/settings', { agentMessagePrefix: true, returningCustomerDays: 7 })).status).toBe(200);
    const second = await admin.api.patch('/api/company/settings', { aiBaseUrl: 'https://api.openai.com/v1', aiApiKeySecret: 'OPENAI_KEY' });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ agentMessagePrefix: true, returningCustomerDays: 7, aiBaseUrl: 'https://api.openai.com/v1', aiModel: 'gpt-4o-mini', aiApiKeySecret: 'OPENAI_KEY' });
    expect((await admin.api.get('/api/company/settings')).body).toMatchObject({ agentMessagePrefix: true, returningCustomerDays: 7 });
    expect((await admin.api.patch('/api/company/settings', { aiBaseUrl: null })).body).toMatchObject({ aiBaseUrl: null, aiApiKeySecret: 'OPENAI_KEY', agentMessagePrefix: true });

    const neighbour = await login(api.url, other.users.admin.email);
    expect((await neighbour.api.get('/api/company/settings')).body).toMatchObject({ agentMessagePrefix: false, returningCustomerDays: 30, aiBaseUrl: null });
  });

  test('when a value is wrong or the caller is not an admin, then nothing changes and the answer says why', async () => {
    const admin = await login(api.url, company.users.admin.email);
    const before = (await admin.api.get('/api/company/settings')).body;
    const wrong = await admin.api.patch('/api/company/settings', { aiBaseUrl: 'não é url', inactivityCloseMinutes: -1 });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('VALIDATION_FAILED');
    expect(wrong.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['aiBaseUrl', 'inactivityCloseMinutes']);
    expect((await admin.api.patch('/api/company/settings', {})).status).toBe(400);
    const supervisor = await login(api.url, company.users.supervisor.email);
    expect((await supervisor.api.patch('/api/company/settings', { agentMessagePrefix: false })).status).toBe(403);
    expect((await admin.api.get('/api/company/settings')).body).toEqual(before);
  });
});
