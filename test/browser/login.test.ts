import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { createCompanyFixture, startTestApi, TEST_PASSWORD, type CompanyFixture, type TestApi } from '../harness';
import { launchChromium, screenshot } from './browser';

// The API serves the production build of web/ (built by `npm test` before vitest starts).
let api: TestApi;
let browser: Browser;
let company: CompanyFixture;

beforeAll(async () => {
  if (!existsSync('web/dist/index.html')) throw new Error('web/dist is missing: run `npm test`, which builds the web app first');
  [api, browser, company] = await Promise.all([startTestApi(), launchChromium(), createCompanyFixture('Navegador')]);
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe('signing in with a browser', () => {
  test('when an admin signs in, then the shell shows the company, navigation and the users page; reload keeps the session; logout ends it', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'pt-BR' });
    await page.goto(`${api.url}/inbox`);
    await page.waitForURL(/\/login/);
    await screenshot(page, 'login');

    await page.getByLabel('E-mail').fill(company.users.admin.email);
    await page.getByLabel('Senha').fill('senha-errada');
    await page.getByRole('button', { name: 'Entrar' }).click();
    await expect.poll(() => page.getByText('E-mail ou senha incorretos').isVisible()).toBe(true);

    await page.getByLabel('Senha').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.waitForURL(/\/inbox/);
    const nav = page.getByRole('navigation', { name: 'Principal' });
    await nav.waitFor();
    for (const item of ['Caixa de entrada', 'Fluxos', 'Campanhas', 'Contatos', 'Funis', 'Relatórios', 'Configurações']) {
      await expect.poll(() => nav.getByText(item, { exact: false }).first().isVisible(), { message: item }).toBe(true);
    }
    await screenshot(page, 'shell-inbox');

    await page.goto(`${api.url}/settings/users`);
    await expect.poll(() => page.getByText(company.users.agentA.email).isVisible(), { timeout: 10_000 }).toBe(true);
    await screenshot(page, 'settings-users');

    await page.goto(`${api.url}/settings/departments`);
    await expect.poll(() => page.getByText('Comercial').first().isVisible(), { timeout: 10_000 }).toBe(true);
    await screenshot(page, 'settings-departments');

    await page.reload();
    await expect.poll(() => page.getByText('Financeiro').first().isVisible(), { timeout: 10_000 }).toBe(true);
    expect(page.url()).toContain('/settings/departments');
    await page.close();
  });

  test('when an agent signs in, then admin-only settings are not offered', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${api.url}/login`);
    await page.getByLabel('E-mail').fill(company.users.agentA.email);
    await page.getByLabel('Senha').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.waitForURL(/\/inbox/);
    await page.goto(`${api.url}/settings/password-resets`);
    await expect.poll(() => page.getByText(/permissão|não encontrada|404/i).first().isVisible(), { timeout: 10_000 }).toBe(true);
    await page.close();
  });
});
