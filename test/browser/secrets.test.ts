import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { createCompanyFixture, login, startTestApi, TEST_PASSWORD, testDb, type CompanyFixture, type TestApi } from '../harness';
import { launchChromium, screenshot, signIn } from './browser';

// An admin stores the AI key as a secret and points the AI settings at it, through the screens.
let api: TestApi;
let browser: Browser;
let company: CompanyFixture;

beforeAll(async () => {
  if (!existsSync('web/dist/index.html')) throw new Error('web/dist is missing: run `npm test`, which builds the web app first');
  [api, browser, company] = await Promise.all([startTestApi(), launchChromium(), createCompanyFixture('Segredos')]);
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe('secrets and AI settings in a browser', () => {
  test('when an admin adds a secret and chooses it for the AI, then the value is never shown, the settings keep the choice, and deleting asks first', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'pt-BR' });
    page.setDefaultTimeout(10_000);
    await signIn(page, api.url, company.users.admin.email, TEST_PASSWORD);
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Segredos' }).click();
    await page.waitForURL(/\/settings\/secrets/);
    await expect.poll(() => page.getByText('Nenhum segredo ainda').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Novo segredo' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Novo segredo' });
    await dialog.getByLabel('Nome').fill('OPENAI_KEY');
    await dialog.getByLabel('Valor', { exact: true }).fill('sk-muito-secreto');
    expect(await dialog.getByLabel('Valor', { exact: true }).getAttribute('type')).toBe('password');
    await screenshot(page, 'secrets-dialog');
    await dialog.getByRole('button', { name: 'Salvar segredo' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('[data-secret="OPENAI_KEY"]').waitFor();
    expect(await page.content()).not.toContain('sk-muito-secreto');
    await screenshot(page, 'secrets-list');

    await page.getByRole('link', { name: 'Atendimento' }).click();
    await page.waitForURL(/\/settings\/company/);
    await page.getByLabel('URL da API').fill('https://api.openai.com/v1');
    await page.getByLabel('Modelo').fill('gpt-4o');
    await page.getByLabel('Segredo com a chave da API').selectOption('OPENAI_KEY');
    await page.getByRole('button', { name: 'Salvar' }).click();
    await expect.poll(async () => (await testDb().company.findUniqueOrThrow({ where: { id: company.companyId } })).settings).toMatchObject({ aiBaseUrl: 'https://api.openai.com/v1', aiModel: 'gpt-4o', aiApiKeySecret: 'OPENAI_KEY' });
    await page.getByLabel('URL da API').scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-ai');

    await page.getByRole('link', { name: 'Gerenciar segredos' }).click();
    await page.getByRole('button', { name: 'Excluir OPENAI_KEY' }).click();
    await page.getByRole('dialog', { name: 'Excluir segredo?' }).getByRole('button', { name: 'Excluir' }).click();
    await expect.poll(() => page.getByText('Nenhum segredo ainda').isVisible()).toBe(true);
    const admin = await login(api.url, company.users.admin.email);
    expect((await admin.api.get('/api/secrets')).body.items).toEqual([]);
    await page.close();
  }, 60_000);
});
