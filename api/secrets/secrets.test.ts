import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCompanyFixture, login, startTestApi, testDb, type CompanyFixture, type TestApi } from '../../test/harness';

type Session = Awaited<ReturnType<typeof login>>;

let api: TestApi;
let company: CompanyFixture;
let admin: Session;
let supervisor: Session;
let outsider: Session;

beforeAll(async () => {
  api = await startTestApi();
  const [own, other] = await Promise.all([createCompanyFixture('Segredos'), createCompanyFixture('Alheia')]);
  company = own;
  [admin, supervisor, outsider] = await Promise.all([login(api.url, own.users.admin.email), login(api.url, own.users.supervisor.email), login(api.url, other.users.admin.email)]);
});
afterAll(() => api.close());

describe('company secrets', () => {
  test('when an admin stores and replaces a secret, then only its name and dates come back, and the audit log never holds the value', async () => {
    const created = await admin.api.put('/api/secrets/CRM_TOKEN', { value: 'tok-primeiro' });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({ name: 'CRM_TOKEN', createdAt: expect.any(String), updatedAt: expect.any(String) });
    const replaced = await admin.api.put('/api/secrets/CRM_TOKEN', { value: 'tok-segundo' });
    expect(replaced.body).not.toHaveProperty('value');

    const list = await admin.api.get('/api/secrets');
    expect(list.body.items).toEqual([{ name: 'CRM_TOKEN', createdAt: created.body.createdAt, updatedAt: expect.any(String) }]);
    expect(JSON.stringify(list.body)).not.toContain('tok-');
    expect((await testDb().companySecret.findFirstOrThrow({ where: { companyId: company.companyId, name: 'CRM_TOKEN' } })).value).toBe('tok-segundo');

    const audit = await testDb().auditLog.findMany({ where: { companyId: company.companyId, entity: 'companySecret' }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => [a.action, a.metadata])).toEqual([
      ['secret.create', { name: 'CRM_TOKEN' }],
      ['secret.replace', { name: 'CRM_TOKEN' }],
    ]);
    expect(JSON.stringify(audit)).not.toContain('tok-');
  });

  test('when an admin deletes a secret, then it is gone; a second delete and a malformed name are 404, an empty value is refused', async () => {
    await admin.api.put('/api/secrets/AI_KEY', { value: 'sk-abc' });
    expect((await admin.api.delete('/api/secrets/AI_KEY')).status).toBe(204);
    expect((await admin.api.get('/api/secrets')).body.items.map((s: { name: string }) => s.name)).not.toContain('AI_KEY');
    expect((await admin.api.delete('/api/secrets/AI_KEY')).body.error).toMatchObject({ code: 'NOT_FOUND' });
    expect((await admin.api.put('/api/secrets/com-traço', { value: 'x' })).status).toBe(404);
    expect((await admin.api.put('/api/secrets/VAZIO', { value: '' })).body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await testDb().auditLog.findFirstOrThrow({ where: { companyId: company.companyId, action: 'secret.delete' } })).metadata).toEqual({ name: 'AI_KEY' });
  });

  test('when someone who is not an admin, or another company, reaches for secrets, then they get nothing', async () => {
    await admin.api.put('/api/secrets/ERP_PASSWORD', { value: 'segredo-da-empresa' });
    expect((await supervisor.api.get('/api/secrets')).status).toBe(403);
    expect((await supervisor.api.put('/api/secrets/ERP_PASSWORD', { value: 'trocado' })).status).toBe(403);
    expect((await outsider.api.get('/api/secrets')).body.items).toEqual([]);
    expect((await outsider.api.delete('/api/secrets/ERP_PASSWORD')).status).toBe(404);
    // The same name in another company is that company's own secret, not a replacement of this one.
    expect((await outsider.api.put('/api/secrets/ERP_PASSWORD', { value: 'outra' })).status).toBe(200);
    expect((await testDb().companySecret.findFirstOrThrow({ where: { companyId: company.companyId, name: 'ERP_PASSWORD' } })).value).toBe('segredo-da-empresa');
  });
});
