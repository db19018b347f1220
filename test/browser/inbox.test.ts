import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { startConversationRig, visibleText, type ConversationRig } from '../conversationRig';
import { eventually, login, TEST_PASSWORD, testDb } from '../harness';
import { launchChromium, screenshot, signIn } from './browser';

// The agent's day end to end: a customer writes on the WhatsApp sandbox, the bot routes the
// conversation, and an agent in Chromium sees it arrive, accepts, replies and closes it. The API
// serves the production build of web/ (built by `npm test` before vitest starts).
let rig: ConversationRig;
let api: ConversationRig['api'];
let company: ConversationRig['company'];
let sandboxUrl: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync('web/dist/index.html')) throw new Error('web/dist is missing: run `npm test`, which builds the web app first');
  [rig, browser] = await Promise.all([startConversationRig({ label: 'Inbox', phoneNumberId: '100000000000088' }), launchChromium()]);
  ({ api, company, sandboxUrl } = rig);
});
afterAll(async () => {
  await browser?.close();
  await rig?.stop();
});

const customerSays = (waId: string, text: string) => rig.customerSays(waId, { type: 'text', text });
const received = (waId: string) => rig.received(waId);

describe('the agent inbox in a browser', () => {
  test('when a customer picks Comercial, then the Comercial agent sees it arrive in the queue live, accepts, replies (the customer receives it) and closes it', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'pt-BR' });
    await signIn(page, api.url, company.users.agentA.email, TEST_PASSWORD);
    await page.goto(`${api.url}/inbox?tab=queue`);
    await page.locator('[data-testid="realtime-state"][data-state="live"]').waitFor({ timeout: 10_000 });
    await expect.poll(() => page.getByText('Fila vazia').isVisible()).toBe(true);
    await screenshot(page, 'inbox-empty-queue');

    const waId = '5511933330001';
    await customerSays(waId, 'Oi, boa tarde');
    await eventually(() => received(waId), (m) => m.length >= 2, 15_000);
    await customerSays(waId, '1');

    // No reload: the row arrives through the socket.
    const row = page.locator('[data-conversation-id]', { hasText: 'Joana Cliente' });
    await row.waitFor({ timeout: 15_000 });
    await expect.poll(() => row.locator('[data-urgency]').isVisible()).toBe(true);
    await screenshot(page, 'inbox-queue-arrived');

    await row.click();
    await page.waitForURL(/\/inbox\/[0-9a-f-]{36}/);
    const chat = page.getByRole('log');
    await expect.poll(() => chat.getByText('Oi, boa tarde').isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => chat.getByText(/Vou te encaminhar para o Comercial/).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Este cliente está na fila. Aceite a conversa para responder.').isVisible()).toBe(true);

    await page.getByRole('banner').or(page.locator('header')).getByRole('button', { name: 'Aceitar' }).first().click();
    await expect.poll(() => page.getByText('Em atendimento', { exact: true }).first().isVisible(), { timeout: 10_000 }).toBe(true);

    const composer = page.getByLabel('Mensagem para o cliente');
    await expect.poll(() => composer.isEnabled()).toBe(true);
    await composer.fill('Olá, Joana! Aqui é do Comercial.');
    await composer.press('Shift+Enter');
    await composer.pressSequentially('Como posso ajudar?');
    await composer.press('Enter');
    await expect.poll(() => composer.inputValue()).toBe('');

    const reply = 'Olá, Joana! Aqui é do Comercial.\nComo posso ajudar?';
    const sent = await eventually(() => received(waId), (m) => m.some((x) => visibleText(x) === reply), 15_000);
    expect(sent.filter((m) => visibleText(m) === reply)).toHaveLength(1);
    const bubble = chat.locator('[data-side="agent"]', { hasText: 'Como posso ajudar?' });
    await expect.poll(() => bubble.getAttribute('data-status'), { timeout: 10_000 }).toMatch(/SENT|DELIVERED|READ/);
    expect(await bubble.count()).toBe(1);

    await customerSays(waId, 'Quero um orçamento de 200 camisetas');
    await expect.poll(() => chat.getByText('Quero um orçamento de 200 camisetas').isVisible(), { timeout: 10_000 }).toBe(true);
    await screenshot(page, 'inbox-chat');
    await page.getByRole('button', { name: 'Dados do cliente' }).last().click();
    const panel = page.getByRole('complementary', { name: 'Dados do cliente' });
    await expect.poll(() => panel.getByText('5511933330001').isVisible()).toBe(true);
    await screenshot(page, 'inbox-customer-panel');
    await panel.getByRole('button', { name: 'Fechar painel' }).click();

    await page.getByRole('button', { name: 'Encerrar' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Encerrar conversa?' });
    await dialog.getByRole('button', { name: 'Encerrar' }).click();
    await expect.poll(() => page.getByText('Conversa encerrada. Reabra para responder.').isVisible(), { timeout: 10_000 }).toBe(true);
    const conversation = await testDb().conversation.findFirstOrThrow({ where: { contact: { waId, companyId: company.companyId } } });
    expect(conversation.status).toBe('RESOLVED');
    await screenshot(page, 'inbox-closed');

    await page.getByRole('tab', { name: /Resolvidas/ }).click();
    await expect.poll(() => page.locator('[data-conversation-id]', { hasText: 'Joana Cliente' }).isVisible(), { timeout: 10_000 }).toBe(true);
    await page.close();

    // On a phone the list and the chat take turns on the screen.
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'pt-BR' });
    await signIn(phone, api.url, company.users.agentA.email, TEST_PASSWORD);
    await phone.goto(`${api.url}/inbox?tab=resolved`);
    await phone.locator('[data-conversation-id]', { hasText: 'Joana Cliente' }).click();
    await expect.poll(() => phone.getByRole('log').getByText('Quero um orçamento de 200 camisetas').isVisible(), { timeout: 10_000 }).toBe(true);
    await screenshot(phone, 'inbox-mobile-chat');
    await phone.getByRole('button', { name: 'Voltar para a lista' }).click();
    await phone.locator('[data-conversation-id]').first().waitFor();
    await screenshot(phone, 'inbox-mobile-list');
    await phone.close();
  }, 120_000);

  test('when the agent uses a quick reply and leaves a note, then the customer gets the reply but never the note; a supervisor transfers to Financeiro and its agent sees it arrive', async () => {
    const waId = '5511933330002';
    const supervisor = await login(api.url, company.users.supervisor.email);
    const created = await supervisor.api.post('/api/quick-replies', { shortcut: 'orcamento', title: 'Pedido de orçamento', body: 'Para o orçamento, me diga a quantidade, os tamanhos e a cidade de entrega, por favor.' });
    expect(created.status).toBe(201);

    await customerSays(waId, 'Olá');
    await eventually(() => received(waId), (m) => m.length >= 2, 15_000);
    await customerSays(waId, '1');
    const queued = await eventually(
      () => testDb().conversation.findFirst({ where: { contact: { waId, companyId: company.companyId } } }),
      (c) => c?.status === 'QUEUED',
      15_000,
    );
    const conversationId = queued!.id;

    const agentPage = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'pt-BR' });
    await signIn(agentPage, api.url, company.users.agentA.email, TEST_PASSWORD);
    await agentPage.goto(`${api.url}/inbox/${conversationId}?tab=queue`);
    await agentPage.getByRole('button', { name: 'Aceitar' }).first().click();
    const composer = agentPage.getByLabel('Mensagem para o cliente');
    await expect.poll(() => composer.isEnabled(), { timeout: 10_000 }).toBe(true);

    await composer.fill('/orc');
    const option = agentPage.getByRole('option', { name: /Pedido de orçamento/ });
    await option.waitFor({ timeout: 10_000 });
    await screenshot(agentPage, 'inbox-quick-replies');
    await composer.press('Enter');
    await expect.poll(() => composer.inputValue()).toBe('Para o orçamento, me diga a quantidade, os tamanhos e a cidade de entrega, por favor.');
    await composer.press('Enter');
    await eventually(() => received(waId), (m) => m.some((x) => visibleText(x).startsWith('Para o orçamento')), 15_000);

    await agentPage.getByRole('button', { name: 'Nota interna' }).click();
    const noteBox = agentPage.getByLabel('Nota interna', { exact: true });
    await noteBox.fill('Cliente grande: 200 peças, prioridade alta.');
    await noteBox.press('Enter');
    const note = agentPage.locator('[data-note-id]', { hasText: 'Cliente grande: 200 peças' });
    await note.waitFor({ timeout: 10_000 });
    expect((await received(waId)).some((m) => visibleText(m).includes('Cliente grande'))).toBe(false);
    await screenshot(agentPage, 'inbox-note');

    const financePage = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'pt-BR' });
    await signIn(financePage, api.url, company.users.agentB.email, TEST_PASSWORD);
    await financePage.goto(`${api.url}/inbox?tab=queue`);
    await financePage.locator('[data-testid="realtime-state"][data-state="live"]').waitFor({ timeout: 10_000 });

    const supervisorPage = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'pt-BR' });
    await signIn(supervisorPage, api.url, company.users.supervisor.email, TEST_PASSWORD);
    await supervisorPage.goto(`${api.url}/inbox/${conversationId}?tab=all`);
    // Supervisors hear every status change; the customer reading turns the agent's ticks blue.
    const quoteBubble = supervisorPage.getByRole('log').locator('[data-side="agent"]', { hasText: 'Para o orçamento' });
    await quoteBubble.waitFor({ timeout: 10_000 });
    const read = await fetch(`${sandboxUrl}/sandbox/customers/${waId}/read`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone_number_id: rig.phoneNumberId }) });
    expect(read.status).toBe(200);
    await expect.poll(() => quoteBubble.getAttribute('data-status'), { timeout: 10_000 }).toBe('READ');
    await supervisorPage.getByTitle('Equipe agora').click();
    await expect.poll(() => supervisorPage.getByText(/AgentA .*/).first().isVisible(), { timeout: 10_000 }).toBe(true);
    await screenshot(supervisorPage, 'inbox-supervisor-team');
    await supervisorPage.keyboard.press('Escape');
    await supervisorPage.getByRole('button', { name: 'Transferir' }).click();
    const dialog = supervisorPage.getByRole('dialog', { name: 'Transferir conversa' });
    await dialog.getByRole('combobox', { name: 'Departamento' }).selectOption({ label: 'Financeiro' });
    await dialog.getByLabel('Nota para quem recebe').fill('Quer parcelar o pagamento do pedido.');
    await screenshot(supervisorPage, 'inbox-transfer-dialog');
    await dialog.getByRole('button', { name: 'Transferir' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });

    const arrived = financePage.locator('[data-conversation-id]', { hasText: 'Joana Cliente' });
    await arrived.waitFor({ timeout: 15_000 });
    await arrived.click();
    await expect.poll(() => financePage.getByRole('log').getByText(/transferiu para Financeiro/).isVisible(), { timeout: 10_000 }).toBe(true);
    await screenshot(financePage, 'inbox-transferred');
    await Promise.all([agentPage.close(), financePage.close(), supervisorPage.close()]);
  }, 120_000);

  test('when the socket drops while the customer writes, then after reconnecting the chat catches up with every message exactly once', async () => {
    const waId = '5511933330003';
    await customerSays(waId, 'Bom dia');
    await eventually(() => received(waId), (m) => m.length >= 2, 15_000);
    await customerSays(waId, '1');
    const queued = await eventually(
      () => testDb().conversation.findFirst({ where: { contact: { waId, companyId: company.companyId } } }),
      (c) => c?.status === 'QUEUED',
      15_000,
    );
    const agent = await login(api.url, company.users.agentA.email);
    expect((await agent.api.post(`/api/conversations/${queued!.id}/accept`)).status).toBe(200);

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'pt-BR' });
    // Every socket goes through this route, so the test can refuse reconnections for a while.
    let blocked = false;
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (blocked) ws.close();
      else ws.connectToServer();
    });
    await signIn(page, api.url, company.users.agentA.email, TEST_PASSWORD);
    await page.goto(`${api.url}/inbox/${queued!.id}?tab=mine`);
    const state = page.getByTestId('realtime-state');
    await expect.poll(() => state.getAttribute('data-state'), { timeout: 10_000 }).toBe('live');
    const chat = page.getByRole('log');
    await expect.poll(() => chat.getByText('Bom dia').isVisible(), { timeout: 10_000 }).toBe(true);

    blocked = true;
    api.server.gateway.io.disconnectSockets(true);
    await expect.poll(() => state.getAttribute('data-state'), { timeout: 10_000 }).toBe('reconnecting');
    await screenshot(page, 'inbox-reconnecting');
    for (const text of ['Alô?', 'Vocês estão aí?', 'Preciso de ajuda com o pedido 123']) await customerSays(waId, text);
    await eventually(
      () => testDb().message.count({ where: { conversationId: queued!.id, direction: 'INBOUND' } }),
      (n) => n >= 5,
      10_000,
    );
    expect(await chat.getByText('Preciso de ajuda com o pedido 123').count()).toBe(0);

    blocked = false;
    await expect.poll(() => state.getAttribute('data-state'), { timeout: 25_000 }).toBe('live');
    for (const text of ['Alô?', 'Vocês estão aí?', 'Preciso de ajuda com o pedido 123']) {
      await expect.poll(() => chat.getByText(text, { exact: true }).count(), { timeout: 10_000 }).toBe(1);
    }
    // A message heard live after the reconnection still shows once.
    await customerSays(waId, 'Obrigada!');
    await expect.poll(() => chat.getByText('Obrigada!', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
    const bubbles = await chat.locator('[data-side="customer"]').count();
    expect(bubbles).toBe(await testDb().message.count({ where: { conversationId: queued!.id, direction: 'INBOUND' } }));
    await page.close();
  }, 120_000);
});
