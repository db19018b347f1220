import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startConversationRig, type ConversationRig } from '../conversationRig';
import { eventually, login, TEST_PASSWORD } from '../harness';
import { launchChromium, screenshot, signIn } from './browser';
import { dragHandle } from './canvas';
import { startSameOrigin } from './sameOrigin';

// An admin builds a flow and talks to it in the simulator: the customer's side runs on the real
// sandbox, the bot on a real worker, and the canvas follows the conversation.
let rig: ConversationRig;
let browser: Browser;
let web: Awaited<ReturnType<typeof startSameOrigin>>;

beforeAll(async () => {
  if (!existsSync('web/dist/index.html')) throw new Error('web/dist is missing: run `npm test`, which builds the web app first');
  [rig, browser] = await Promise.all([startConversationRig({ label: 'Simulador web', phoneNumberId: '100000000000092' }), launchChromium()]);
  web = await startSameOrigin(rig.api.url, rig.sandboxUrl);
});
afterAll(async () => {
  await browser?.close();
  await web?.close();
  await rig?.stop();
});

/** Drags from one handle to another and waits for the edge it draws. */
async function connect(page: Page, from: Locator, to: Locator) {
  const edges = await page.locator('.react-flow__edge').count();
  await dragHandle(page, from, to);
  await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(edges + 1);
}

const node = (page: Page, selector: string) => page.locator(`.react-flow__node${selector}`);
const exit = (block: Locator, handle: string) => block.locator(`[data-exit="${handle}"] .react-flow__handle`);
const entry = (block: Locator) => block.locator('.react-flow__handle.target');

describe('the flow simulator in the browser', () => {
  test('when an admin draws a menu and a question, publishes and tests the flow, then the simulator chats with it and the canvas follows the block running', async () => {
    const admin = await login(rig.api.url, rig.company.users.admin.email);
    const created = await admin.api.post('/api/flows', {
      name: 'Segunda via',
      draft: {
        nodes: [
          { id: 'start', type: 'start', position: { x: 0, y: 0 }, config: {} },
          { id: 'bye', type: 'end', position: { x: 0, y: 700 }, config: { text: 'Obrigado, {{vars.nome}}! Sua segunda via chega por e-mail.' } },
        ],
        edges: [],
      },
    });
    const flowId = created.body.id as string;

    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, locale: 'pt-BR' });
    page.setDefaultTimeout(10_000);
    await signIn(page, web.url, rig.company.users.admin.email, TEST_PASSWORD);
    await page.goto(`${web.url}/flows/${flowId}`);
    const pane = page.locator('.react-flow__pane');
    await node(page, '[data-id="start"]').waitFor();
    const properties = page.getByRole('complementary', { name: 'Propriedades do bloco' });

    // Two blocks dragged from the palette, each written in the side panel.
    await page.locator('[data-palette="menu"]').dragTo(pane, { targetPosition: { x: 300, y: 200 } });
    const menu = node(page, '.react-flow__node-menu');
    await menu.waitFor();
    await properties.getByLabel('Pergunta', { exact: true }).fill('Como posso ajudar?');
    await properties.getByLabel('Nome da opção 1').fill('Segunda via');
    await properties.getByLabel('Nome da opção 2').fill('Outro assunto');

    await page.getByRole('complementary', { name: 'Blocos' }).getByText('Pergunta', { exact: true }).dragTo(pane, { targetPosition: { x: 300, y: 420 } });
    const question = node(page, '.react-flow__node-question');
    await question.waitFor();
    await properties.getByLabel('Pergunta', { exact: true }).fill('Qual é o seu nome?');
    await properties.getByLabel('Guardar a resposta em').fill('nome');
    await page.getByRole('button', { name: 'Organizar' }).click();
    // fitView animates for 300 ms; handles must stand still before the pointer aims at them.
    await page.waitForTimeout(600);

    const start = node(page, '[data-id="start"]');
    const bye = node(page, '[data-id="bye"]');
    const options = (await menu.locator('[data-exit]').evaluateAll((els) => els.map((e) => e.getAttribute('data-exit')!))).filter((h) => h.startsWith('opt'));
    await connect(page, start.locator('.react-flow__handle.source'), entry(menu));
    await connect(page, exit(menu, options[0]!), entry(question));
    await connect(page, exit(menu, options[1]!), entry(bye));
    await connect(page, exit(menu, 'invalid'), entry(bye));
    await connect(page, exit(question, 'next'), entry(bye));
    await connect(page, exit(question, 'invalid'), entry(bye));
    await page.getByRole('button', { name: 'Organizar' }).click();
    await page.waitForTimeout(600);

    await page.getByRole('button', { name: 'Publicar', exact: true }).click();
    await page.getByRole('button', { name: 'Publicar agora' }).click();
    await expect.poll(() => page.getByText('Versão 1 publicada').isVisible(), { timeout: 10_000 }).toBe(true);

    // The simulator opens beside the canvas as the test customer of this admin.
    await page.getByRole('button', { name: 'Testar' }).click();
    const simulator = page.getByRole('complementary', { name: 'Simulador' });
    const status = simulator.getByRole('status').first();
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).toContain('Envie uma mensagem para o bot começar.');
    const phone = simulator.getByRole('region', { name: 'Telefone de teste' });
    const composer = simulator.getByLabel('Mensagem para a empresa');

    await composer.fill('Oi, preciso de ajuda');
    await composer.press('Enter');
    await expect.poll(() => phone.innerText(), { timeout: 15_000 }).toContain('Como posso ajudar?');
    await expect.poll(() => menu.getAttribute('class'), { timeout: 10_000 }).toContain('sim-current');
    expect(await start.getAttribute('class')).toContain('sim-visited');
    await expect.poll(() => status.innerText()).toContain('Executando: Menu');
    await screenshot(page, 'simulator-menu');

    await phone.getByRole('button', { name: 'Segunda via' }).click();
    await expect.poll(() => phone.innerText(), { timeout: 15_000 }).toContain('Qual é o seu nome?');
    await expect.poll(() => question.getAttribute('class'), { timeout: 10_000 }).toContain('sim-current');
    expect(await menu.getAttribute('class')).toContain('sim-visited');
    expect(await page.locator('.react-flow__edge.sim-taken').count()).toBe(2);
    await screenshot(page, 'simulator-question');

    await composer.fill('Joana');
    await composer.press('Enter');
    await expect.poll(() => phone.innerText(), { timeout: 15_000 }).toContain('Obrigado, Joana! Sua segunda via chega por e-mail.');
    const variables = simulator.getByRole('region', { name: 'Variáveis capturadas' });
    await expect.poll(() => variables.innerText(), { timeout: 10_000 }).toContain('vars.nome');
    expect(await variables.innerText()).toContain('Joana');
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).toContain('Conversa encerrada');
    // The path stays drawn after the end; nothing is running any more.
    expect(await page.locator('.react-flow__node.sim-current').count()).toBe(0);
    expect(await question.getAttribute('class')).toContain('sim-visited');
    await screenshot(page, 'simulator-ended');

    // "Reiniciar" takes a new snapshot: the next message starts over on the menu.
    await simulator.getByRole('button', { name: 'Reiniciar' }).click();
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).toContain('Envie uma mensagem para o bot começar.');
    expect(await page.locator('.react-flow__node.sim-visited').count()).toBe(0);
    await page.close();
  }, 180_000);

  test('when a supervisor follows a real conversation from the customer panel, then the builder outlines the blocks it went through and the one it waits on', async () => {
    const admin = await login(rig.api.url, rig.company.users.admin.email);
    const created = await admin.api.post('/api/flows', {
      name: 'Cadastro',
      isDefault: true,
      draft: {
        nodes: [
          { id: 'start', type: 'start', position: { x: 0, y: 0 }, config: {} },
          { id: 'ask', type: 'question', position: { x: 0, y: 160 }, config: { text: 'Qual é o seu e-mail?', variable: 'email', kind: 'email' } },
          { id: 'to-a', type: 'route', position: { x: 0, y: 400 }, config: { departmentId: rig.company.departments.a } },
        ],
        edges: [
          { id: 'e1', source: 'start', target: 'ask' },
          { id: 'e2', source: 'ask', target: 'to-a' },
          { id: 'e3', source: 'ask', sourceHandle: 'invalid', target: 'to-a' },
        ],
      },
    });
    expect((await admin.api.post(`/api/flows/${created.body.id}/publish`, {})).status).toBe(201);
    const waId = '5511955550001';
    await rig.customerSays(waId, { type: 'text', text: 'Oi' });
    await eventually(() => rig.received(waId), (m) => m.length >= 1, 15_000);
    const conversation = await rig.conversationOf(waId);

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'pt-BR' });
    page.setDefaultTimeout(10_000);
    await signIn(page, web.url, rig.company.users.supervisor.email, TEST_PASSWORD);
    await page.goto(`${web.url}/inbox/${conversation.id}`);
    const link = page.getByRole('link', { name: 'Ver o caminho no fluxo' });
    if (!(await link.isVisible())) await page.getByRole('button', { name: /Dados do cliente/ }).click();
    await link.click();
    await page.waitForURL(new RegExp(`/flows/${created.body.id}\\?conversa=${conversation.id}`));
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Caminho da conversa' }).innerText()).toContain('2 blocos percorridos');
    await expect.poll(() => node(page, '[data-id="ask"]').getAttribute('class')).toContain('sim-current');
    expect(await node(page, '[data-id="start"]').getAttribute('class')).toContain('sim-visited');
    expect(await node(page, '[data-id="to-a"]').getAttribute('class')).not.toContain('sim-visited');
    await screenshot(page, 'flow-builder-conversation-path');
    await page.close();
  }, 120_000);
});
