import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCompanyFixture, http, login, refreshCookieOf, startTestApi, testDb, TEST_PASSWORD, type CompanyFixture, type TestApi } from '../../../test/harness';

let api: TestApi;
let company: CompanyFixture;

beforeAll(async () => {
  api = await startTestApi();
  company = await createCompanyFixture();
});
afterAll(() => api.close());

describe('login', () => {
  test('when the password is right, then an access token, the user and an httpOnly refresh cookie come back', async () => {
    const reply = await http(api.url).post('/api/auth/login', { email: company.users.agentA.email, password: TEST_PASSWORD });
    expect(reply.status).toBe(200);
    expect(reply.body.accessToken).toMatch(/^ey/);
    expect(reply.body.user).toMatchObject({ email: company.users.agentA.email, role: 'AGENT' });
    expect(reply.body.user.passwordHash).toBeUndefined();
    expect(reply.body.refreshToken).toBeUndefined();
    expect(reply.headers.get('set-cookie')).toMatch(/orq_refresh=.+; Max-Age=\d+; Path=\/api\/auth; .*HttpOnly; SameSite=Strict/);
  });

  test('when the email is typed in capitals, then it still logs in', async () => {
    const reply = await http(api.url).post('/api/auth/login', { email: company.users.agentA.email.toUpperCase(), password: TEST_PASSWORD });
    expect(reply.status).toBe(200);
  });

  test('when the password is wrong, then 401 without saying whether the email exists, and the failure is audited', async () => {
    const wrong = await http(api.url).post('/api/auth/login', { email: company.users.agentB.email, password: 'errada-123' });
    const unknown = await http(api.url).post('/api/auth/login', { email: 'ninguem@example.test', password: 'errada-123' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error).toEqual({ code: 'INVALID_CREDENTIALS', message: 'E-mail ou senha incorretos', details: null });
    expect(unknown.body).toEqual(wrong.body);
    const audit = await testDb().auditLog.findFirst({ where: { companyId: company.companyId, action: 'auth.login_failed', entityId: company.users.agentB.id } });
    expect(audit).not.toBeNull();
  });

  test('when the body is not valid, then 400 with the zod issues naming the fields', async () => {
    const reply = await http(api.url).post('/api/auth/login', { email: 'not-an-email' });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('VALIDATION_FAILED');
    expect(reply.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['email', 'password']);
  });

  test('when the body is not JSON, then 400 INVALID_JSON and no stack trace', async () => {
    const reply = await http(api.url).post('/api/auth/login', '{"email":', { 'content-type': 'application/json' });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('INVALID_JSON');
    expect(JSON.stringify(reply.body)).not.toMatch(/at .*\.ts/);
  });

  test('when the body is larger than 1 MB, then 413', async () => {
    const reply = await http(api.url).post('/api/auth/login', { email: 'a@b.c', password: 'x'.repeat(1_100_000) });
    expect(reply.status).toBe(413);
    expect(reply.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  test('when the user is deactivated, then the right password no longer logs in', async () => {
    const fixture = await createCompanyFixture('Inativa');
    await testDb().user.update({ where: { id: fixture.users.viewer.id }, data: { active: false } });
    const reply = await http(api.url).post('/api/auth/login', { email: fixture.users.viewer.email, password: TEST_PASSWORD });
    expect(reply.status).toBe(401);
  });
});

describe('refresh rotation', () => {
  test('when a refresh token is used, then a new pair comes back and the old token stops working', async () => {
    const session = await login(api.url, company.users.supervisor.email);
    const first = await http(api.url).post('/api/auth/refresh', {}, { cookie: `orq_refresh=${session.refreshToken}` });
    expect(first.status).toBe(200);
    const rotated = refreshCookieOf(first);
    expect(rotated).not.toBe(session.refreshToken);
    const me = await http(api.url, first.body.accessToken).get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(company.users.supervisor.email);
  });

  test('when an already rotated token is presented again, then the whole family is revoked, the newest token included', async () => {
    const session = await login(api.url, company.users.admin.email);
    const rotated = refreshCookieOf(await http(api.url).post('/api/auth/refresh', { refreshToken: session.refreshToken }));
    const replay = await http(api.url).post('/api/auth/refresh', { refreshToken: session.refreshToken });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('REFRESH_TOKEN_REUSED');
    const legit = await http(api.url).post('/api/auth/refresh', { refreshToken: rotated });
    expect(legit.status).toBe(401);
    const audit = await testDb().auditLog.count({ where: { companyId: company.companyId, action: 'auth.refresh_reuse' } });
    expect(audit).toBeGreaterThan(0);
  });

  test('when two logins exist and one family is revoked, then the other keeps working', async () => {
    const phone = await login(api.url, company.users.agentB.email);
    const laptop = await login(api.url, company.users.agentB.email);
    await http(api.url).post('/api/auth/refresh', { refreshToken: phone.refreshToken });
    await http(api.url).post('/api/auth/refresh', { refreshToken: phone.refreshToken });
    const other = await http(api.url).post('/api/auth/refresh', { refreshToken: laptop.refreshToken });
    expect(other.status).toBe(200);
  });

  test('when no or an unknown token is sent, then 401 REFRESH_TOKEN_INVALID', async () => {
    expect((await http(api.url).post('/api/auth/refresh')).body.error.code).toBe('REFRESH_TOKEN_INVALID');
    expect((await http(api.url).post('/api/auth/refresh', { refreshToken: 'forged' })).body.error.code).toBe('REFRESH_TOKEN_INVALID');
  });
});

describe('logout and sessions', () => {
  test('when a user logs out, then the refresh token is dead and the cookie is cleared', async () => {
    const session = await login(api.url, company.users.viewer.email);
    const out = await http(api.url).post('/api/auth/logout', {}, { cookie: `orq_refresh=${session.refreshToken}` });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/orq_refresh=;/);
    const after = await http(api.url).post('/api/auth/refresh', { refreshToken: session.refreshToken });
    expect(after.status).toBe(401);
  });

  test('when no bearer token or a forged one is sent, then 401', async () => {
    expect((await http(api.url).get('/api/auth/me')).status).toBe(401);
    const forged = await http(api.url, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl').get('/api/auth/me');
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('UNAUTHENTICATED');
  });

  test('when a user changes the password, then other sessions end and the new password works', async () => {
    const fixture = await createCompanyFixture('Senha');
    const other = await login(api.url, fixture.users.agentA.email);
    const current = await login(api.url, fixture.users.agentA.email);
    const wrong = await current.api.post('/api/auth/password', { currentPassword: 'nope-nope', newPassword: 'nova-senha-123' });
    expect(wrong.status).toBe(422);
    const weak = await current.api.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: '123' });
    expect(weak.status).toBe(400);
    const changed = await current.api.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'nova-senha-123' });
    expect(changed.status).toBe(200);
    expect((await http(api.url).post('/api/auth/refresh', { refreshToken: other.refreshToken })).status).toBe(401);
    expect((await http(api.url).post('/api/auth/login', { email: fixture.users.agentA.email, password: 'nova-senha-123' })).status).toBe(200);
    expect((await http(api.url).post('/api/auth/login', { email: fixture.users.agentA.email, password: TEST_PASSWORD })).status).toBe(401);
  });

  test('when an admin deactivates a user, then that user’s still-valid access token is refused at once', async () => {
    const fixture = await createCompanyFixture('Desativa');
    const agent = await login(api.url, fixture.users.agentA.email);
    const admin = await login(api.url, fixture.users.admin.email);
    expect((await agent.api.get('/api/auth/me')).status).toBe(200);
    expect((await admin.api.delete(`/api/users/${fixture.users.agentA.id}`)).status).toBe(200);
    expect((await agent.api.get('/api/auth/me')).status).toBe(401);
  });
});

describe('brute force', () => {
  test('when one address keeps guessing a password, then it gets 429 with the error shape', async () => {
    const limited = await startTestApi({ LOGIN_ATTEMPTS_PER_15_MINUTES: '3' });
    try {
      const attempts = [];
      for (let i = 0; i < 4; i++) attempts.push(await http(limited.url).post('/api/auth/login', { email: company.users.admin.email, password: `guess-${i}-xx` }));
      expect(attempts.slice(0, 3).map((r) => r.status)).toEqual([401, 401, 401]);
      expect(attempts[3]!.status).toBe(429);
      expect(attempts[3]!.body.error.code).toBe('RATE_LIMITED');
      const rightPassword = await http(limited.url).post('/api/auth/login', { email: company.users.admin.email, password: TEST_PASSWORD });
      expect(rightPassword.status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
