import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { createCompanyFixture, login, startTestApi, TEST_PASSWORD, type CompanyFixture, type TestApi } from '../harness';
import { launchChromium, screenshot } from './browser';

// The API serves the production build of web/ (built by `npm test` before vitest starts).
let api: TestApi;
let browser: Browser;
let company: CompanyFixture;

beforeAll(async () => {
  if (!existsSync('web/dist/index.html')) throw new Error('web/dist is missing: run `npm test`, which builds the web app first');
  [api, browser, company] = await Promise.all([startTestApi(), launchChromium(), createCompanyFixture('Fluxos')]);
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

async function centre(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A real pointer drag, as a person connects two handles. */
async function dragHandle(page: Page, from: Locator, to: Locator) {
  const a = await centre(from);
  const b = await centre(to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 8 });
  await page.mouse.move(b.x, b.y, { steps: 8 });
  await page.mouse.up();
}

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const newMessages = (page: Page) => page.locator('.react-flow__node-message:not([data-id="greeting"])');

async function tidyUp(page: Page) {
  await page.getByRole('button', { name: 'Organizar' }).click();
  // fitView animates for 300 ms; handles must stand still before the pointer aims at them.
  await page.waitForTimeout(600);
}

describe('building a flow in the browser', () => {
  test('when an admin adds and connects a message, then it autosaves, publishes as version 1, and a disconnected block is shown and refused', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'pt-BR' });
    page.setDefaultTimeout(10_000);
    await page.goto(`${api.url}/login`);
    await page.getByLabel('E-mail').fill(company.users.admin.email);
    await page.getByLabel('Senha').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.waitForURL(/\/inbox/);

    await page.getByRole('navigation', { name: 'Principal' }).getByText('Fluxos').click();
    await page.waitForURL(/\/flows$/);
    await expect.poll(() => page.getByText('Nenhum fluxo ainda').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.getByRole('button', { name: 'Novo fluxo' }).first().click();
    await page.getByLabel('Nome').fill('Atendimento principal');
    await page.getByRole('button', { name: 'Criar e abrir' }).click();
    await page.waitForURL(/\/flows\/[0-9a-f-]{36}$/);
    const flowId = page.url().split('/').pop()!;

    await node(page, 'menu').waitFor();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBeGreaterThanOrEqual(4);
    await screenshot(page, 'flow-builder');

    // A message from the palette, written in the side panel.
    await page.locator('[data-palette="message"]').click();
    await expect.poll(() => newMessages(page).count()).toBe(1);
    const message = newMessages(page).first();
    const messageId = (await message.getAttribute('data-id'))!;
    const text = 'Obrigado por esperar, {{contact.name}}! Vou chamar alguém do time.';
    await page.getByRole('complementary', { name: 'Propriedades do bloco' }).getByLabel('Mensagem', { exact: true }).fill(text);
    await expect.poll(() => message.innerText()).toContain('Vou chamar alguém do time.');

    // The menu gets a timeout exit; its timeout leads to the message, and the message to the fallback queue.
    await node(page, 'menu').getByText('Menu', { exact: true }).click();
    await page.getByLabel('Espera (minutos)').fill('5');
    await node(page, 'menu').locator('[data-exit="timeout"]').waitFor();
    await tidyUp(page);
    const edgesBefore = await page.locator('.react-flow__edge').count();
    await dragHandle(page, node(page, 'menu').locator('[data-exit="timeout"] .react-flow__handle'), message.locator('.react-flow__handle.target'));
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(edgesBefore + 1);
    await dragHandle(page, message.locator('.react-flow__handle.source'), node(page, 'route-fallback').locator('.react-flow__handle.target'));
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(edgesBefore + 2);
    // One edge per exit: a second drag from the same exit is refused.
    await dragHandle(page, message.locator('.react-flow__handle.source'), node(page, 'greeting').locator('.react-flow__handle.target'));
    await page.waitForTimeout(200);
    expect(await page.locator('.react-flow__edge').count()).toBe(edgesBefore + 2);

    await tidyUp(page);
    await message.click();
    await expect.poll(() => page.locator('[data-save-status]').getAttribute('data-save-status'), { timeout: 10_000 }).toBe('saved');
    await screenshot(page, 'flow-builder-edit');

    const admin = await login(api.url, company.users.admin.email);
    const saved = await admin.api.get(`/api/flows/${flowId}`);
    const savedMessage = saved.body.draft.nodes.find((n: { id: string }) => n.id === messageId);
    expect(savedMessage).toMatchObject({ type: 'message', config: { text } });
    expect(saved.body.draft.edges).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: 'menu', sourceHandle: 'timeout', target: messageId }),
        expect.objectContaining({ source: messageId, sourceHandle: 'next', target: 'route-fallback' }),
      ]),
    );

    // Publishing makes version 1, listed in the history.
    await page.getByRole('button', { name: 'Publicar', exact: true }).click();
    await page.getByLabel('Nota da versão').fill('Primeira versão com espera');
    await page.getByRole('button', { name: 'Publicar agora' }).click();
    await expect.poll(() => page.getByText('Versão 1 publicada').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.getByRole('button', { name: 'Histórico' }).click();
    const history = page.getByRole('complementary', { name: 'Histórico' });
    await expect.poll(() => history.locator('[data-version="1"]').isVisible()).toBe(true);
    expect(await history.locator('[data-version="1"]').innerText()).toContain('Primeira versão com espera');
    await screenshot(page, 'flow-builder-history');
    await history.getByRole('button', { name: 'Ver' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Versão 1' }).locator('.react-flow__node').count()).toBeGreaterThan(4);
    await screenshot(page, 'flow-builder-version');
    await page.getByRole('button', { name: 'Voltar ao rascunho' }).click();
    await history.getByRole('button', { name: 'Fechar' }).click();

    // A block left unconnected: validate marks it, and publishing is refused with the list.
    await page.locator('[data-palette="message"]').click();
    await expect.poll(() => newMessages(page).count()).toBe(2);
    const stray = newMessages(page).and(page.locator(`:not([data-id="${messageId}"])`));
    await page.getByRole('complementary', { name: 'Propriedades do bloco' }).getByLabel('Mensagem', { exact: true }).fill('Mensagem esquecida');
    await tidyUp(page);
    await page.getByRole('button', { name: 'Validar' }).click();
    await expect.poll(() => stray.locator('[data-has-problems]').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => stray.innerText()).toContain('este bloco não é alcançado a partir do início');
    await page.getByRole('button', { name: 'Publicar', exact: true }).click();
    await page.getByRole('button', { name: 'Publicar agora' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByText(/Publicação recusada: \d+ problemas?/).isVisible(), { timeout: 10_000 }).toBe(true);
    await screenshot(page, 'flow-builder-refused');
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
    await screenshot(page, 'flow-builder-problems');

    const after = await admin.api.get(`/api/flows/${flowId}`);
    expect(after.body.versions).toHaveLength(1);

    await page.goto(`${api.url}/flows`);
    await expect.poll(() => page.locator('[data-flow="Atendimento principal"]').innerText(), { timeout: 10_000 }).toContain('Publicado · v1');
    await screenshot(page, 'flow-builder-list');
    await page.close();
  }, 120_000);
});
