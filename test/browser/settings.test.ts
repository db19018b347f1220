import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { createCompanyFixture, login, startTestApi, TEST_PASSWORD, type CompanyFixture, type TestApi } from '../harness';
import { launchChromium, screenshot, signIn } from './browser';

// An admin configures how the company attends, through the screens, and the API stores what was
// chosen. The API serves the production build of web/ (built by `npm test` before vitest starts).
let api: TestApi;
let browser: Browser;
let company: CompanyFixture;
let admin: Awaited<ReturnType<typeof login>>;

beforeAll(async () => {
  if (!existsSync('web/dist/index.html')) throw new Error('web/dist is missing: run `npm test`, which builds the web app first');
  [api, browser, company] = await Promise.all([startTestApi(), launchChromium(), createCompanyFixture('Ajustes')]);
  admin = await login(api.url, company.users.admin.email);
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe('settings in a browser', () => {
  test('when an admin creates a quick reply, a duplicate shortcut is refused on the field, and the reply is stored as typed', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'pt-BR' });
    await signIn(page, api.url, company.users.admin.email, TEST_PASSWORD);
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Respostas rápidas' }).click();
    await page.waitForURL(/\/settings\/quick-replies/);
    await expect.poll(() => page.getByText('Nenhuma resposta rápida').isVisible(), { timeout: 10_000 }).toBe(true);

    await page.getByRole('button', { name: 'Nova resposta' }).first().click();
    let dialog = page.getByRole('dialog', { name: 'Nova resposta rápida' });
    await dialog.getByLabel('Atalho').fill('/Boleto');
    await dialog.getByLabel('Título').fill('Segunda via do boleto');
    await dialog.getByLabel('Texto').fill('Olá! Enviamos a segunda via do boleto para o seu e-mail.');
    await dialog.getByLabel('Disponível para').selectOption({ label: 'Financeiro' });
    await screenshot(page, 'settings-quick-reply-dialog');
    await dialog.getByRole('button', { name: 'Criar resposta' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    const row = page.locator('[data-quick-reply="boleto"]');
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getByText('Financeiro').isVisible()).toBe(true);

    // The API's 409 lands under the shortcut field, not as a generic error.
    await page.getByRole('button', { name: 'Nova resposta' }).first().click();
    dialog = page.getByRole('dialog', { name: 'Nova resposta rápida' });
    await dialog.getByLabel('Atalho').fill('boleto');
    await dialog.getByLabel('Título').fill('Outra');
    await dialog.getByLabel('Texto').fill('Outro texto');
    await dialog.getByRole('button', { name: 'Criar resposta' }).click();
    await expect.poll(() => dialog.getByText('Já existe uma resposta rápida com o atalho /boleto').isVisible(), { timeout: 10_000 }).toBe(true);
    await dialog.getByRole('button', { name: 'Cancelar' }).click();

    await page.getByLabel('Buscar respostas').fill('segunda via');
    await expect.poll(() => row.isVisible()).toBe(true);
    await screenshot(page, 'settings-quick-replies');

    const stored = await admin.api.get('/api/quick-replies?q=boleto');
    expect(stored.body.items).toEqual([
      expect.objectContaining({ shortcut: 'boleto', title: 'Segunda via do boleto', body: 'Olá! Enviamos a segunda via do boleto para o seu e-mail.', departmentId: company.departments.b }),
    ]);
    await page.close();
  });

  test('when an admin sets Comercial to round-robin escalating to Financeiro, then the department keeps those routing rules', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'pt-BR' });
    await signIn(page, api.url, company.users.admin.email, TEST_PASSWORD);
    await page.goto(`${api.url}/settings/departments`);
    await page.getByRole('button', { name: 'Editar Comercial' }).click();
    const dialog = page.getByRole('dialog', { name: 'Editar departamento' });
    const routing = dialog.getByRole('group', { name: 'Roteamento' });
    await routing.getByText('Rodízio', { exact: true }).click();
    await routing.getByLabel('Tempo de resposta').fill('7');
    await routing.getByLabel('Escalar para').selectOption({ label: 'Financeiro' });
    await routing.getByLabel('Máximo de alertas').fill('2');
    // The fixture's department has no hours, which means always open: the editor says so.
    await expect.poll(() => dialog.getByText(/atende 24 horas/).isVisible()).toBe(true);
    await routing.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-department-routing');
    await dialog.getByRole('button', { name: 'Salvar alterações' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    await expect.poll(() => page.getByText('Rodízio').first().isVisible(), { timeout: 10_000 }).toBe(true);

    const stored = await admin.api.get(`/api/departments/${company.departments.a}`);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ assignmentStrategy: 'ROUND_ROBIN', escalationDepartmentId: company.departments.b, maxEscalations: 2, responseTimeoutMinutes: 7 });
    await page.close();
  });

  test('when an admin changes the company settings, then they are stored, and a reload shows them', async () => {
    // Tall enough for the whole form in one screenshot: the page scrolls inside the shell, not the window.
    const page = await browser.newPage({ viewport: { width: 1440, height: 1300 }, locale: 'pt-BR' });
    await signIn(page, api.url, company.users.admin.email, TEST_PASSWORD);
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Atendimento' }).click();
    await page.waitForURL(/\/settings\/company/);
    const signature = page.getByRole('switch', { name: 'Identificar o atendente nas mensagens' });
    await signature.waitFor({ timeout: 10_000 });
    await signature.click();
    await page.getByLabel('Encerrar após').fill('90');
    await page.getByLabel('Mensagem de encerramento').fill('Encerramos por falta de resposta. É só escrever de novo!');
    await page.getByLabel('Mensagem fora do horário').fill('Estamos fechados agora; respondemos às 8h.');
    await page.getByLabel('Lembrar por').fill('0');
    await expect.poll(() => page.getByText('Sem mensagens por 1 h 30 min', { exact: false }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Salvar alterações' }).click();
    await expect.poll(() => page.getByText('Configurações de atendimento salvas.').isVisible(), { timeout: 10_000 }).toBe(true);
    await screenshot(page, 'settings-company');

    const stored = await admin.api.get('/api/company/settings');
    expect(stored.body).toEqual({
      agentMessagePrefix: true,
      inactivityCloseMinutes: 90,
      inactivityCloseText: 'Encerramos por falta de resposta. É só escrever de novo!',
      outOfHoursText: 'Estamos fechados agora; respondemos às 8h.',
      returningCustomerDays: 0,
      // Saving the service settings leaves the AI settings as they were.
      aiBaseUrl: null,
      aiModel: 'gpt-4o-mini',
      aiApiKeySecret: null,
    });

    await page.reload();
    await expect.poll(() => page.getByLabel('Encerrar após').inputValue(), { timeout: 10_000 }).toBe('90');
    expect(await page.getByRole('switch', { name: 'Identificar o atendente nas mensagens' }).getAttribute('aria-checked')).toBe('true');
    await page.close();

    // Supervisors read the settings but cannot change them; agents do not see the page at all.
    const supervisor = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'pt-BR' });
    await signIn(supervisor, api.url, company.users.supervisor.email, TEST_PASSWORD);
    await supervisor.goto(`${api.url}/settings/company`);
    await expect.poll(() => supervisor.getByText('Somente leitura').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await supervisor.getByLabel('Encerrar após').isDisabled()).toBe(true);
    await supervisor.close();
  });
});
