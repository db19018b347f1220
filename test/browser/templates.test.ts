import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { startConversationRig, type ConversationRig } from '../conversationRig';
import { eventually, login, TEST_PASSWORD, testDb } from '../harness';
import { launchChromium, screenshot, signIn } from './browser';

// A customer silent for more than a day can only be reached with an approved template: the composer
// says so and sends one, and the customer on the WhatsApp sandbox receives it with its values.
const PHONE_ID = '100000000000095';
const DAY_AND_AN_HOUR_MS = 25 * 3_600_000;

let rig: ConversationRig;
let browser: Browser;
let numberId: string;

beforeAll(async () => {
  if (!existsSync('web/dist/index.html')) throw new Error('web/dist is missing: run `npm test`, which builds the web app first');
  [rig, browser] = await Promise.all([startConversationRig({ label: 'Modelos Web', phoneNumberId: PHONE_ID }), launchChromium()]);
  numberId = (await testDb().whatsAppNumber.update({ where: { phoneNumberId: PHONE_ID }, data: { wabaId: `2${PHONE_ID.slice(1)}` } })).id;
});
afterAll(async () => {
  await browser?.close();
  await rig?.stop();
});

describe('the composer after the 24-hour window', () => {
  test('when the window is closed, then the composer says so, offers the approved templates, and the one sent shows in the chat with its ticks', async () => {
    const waId = '5511922229501';
    const conversation = await rig.queued(waId, 'comercial');
    const [agent, supervisor] = await Promise.all([login(rig.api.url, rig.company.users.agentA.email), login(rig.api.url, rig.company.users.supervisor.email)]);
    expect((await agent.api.post(`/api/conversations/${conversation.id}/accept`)).status).toBe(200);
    await testDb().conversation.update({ where: { id: conversation.id }, data: { lastInboundAt: new Date(Date.now() - DAY_AND_AN_HOUR_MS) } });
    await fetch(`${rig.sandboxUrl}/sandbox/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ms: DAY_AND_AN_HOUR_MS }) });

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'pt-BR' });
    await signIn(page, rig.api.url, rig.company.users.agentA.email, TEST_PASSWORD);
    await page.goto(`${rig.api.url}/inbox/${conversation.id}?tab=mine`);
    await page.getByText('A janela de 24 horas está fechada').waitFor({ timeout: 10_000 });
    // Free text cannot go: the composer falls back to internal notes.
    expect(await page.getByRole('button', { name: 'Responder', exact: true }).isDisabled()).toBe(true);

    // Nothing synced yet: the dialog says so instead of showing an empty list.
    await page.getByRole('button', { name: 'Enviar modelo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Enviar modelo' });
    await dialog.getByText('Nenhum modelo aprovado para este número').waitFor({ timeout: 10_000 });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    expect((await supervisor.api.post('/api/templates/sync', { numberId })).status).toBe(200);
    await page.getByRole('button', { name: 'Enviar modelo' }).click();
    await dialog.getByRole('radiogroup', { name: 'Modelos aprovados' }).waitFor({ timeout: 10_000 });
    // Keyboard only: the search has the focus, Tab reaches the list, Space picks, Tab reaches the value.
    await page.keyboard.type('retomar');
    await expect.poll(() => dialog.getByRole('radio').count()).toBe(1);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    const value = dialog.getByLabel('Variável {{1}}');
    await expect.poll(() => value.inputValue()).toBe('Joana Cliente');
    const preview = dialog.getByTestId('template-preview');
    expect(await preview.textContent()).toBe('Olá, Joana Cliente! Estamos retomando o seu atendimento. Responda esta mensagem para continuarmos a conversa.');
    await value.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Joana');
    expect(await preview.textContent()).toMatch(/^Olá, Joana! Estamos retomando/);
    await screenshot(page, 'inbox-template-dialog');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden', timeout: 15_000 });

    const bubble = page.getByRole('log').locator('[data-entry-id]').filter({ hasText: 'Olá, Joana! Estamos retomando o seu atendimento.' });
    await bubble.waitFor({ timeout: 10_000 });
    await bubble.getByRole('img', { name: /Entregue|Lida/ }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'inbox-template-sent');

    const received = await eventually(() => rig.received(waId), (m) => m.some((x) => x.type === 'template'), 15_000);
    expect(received.find((m) => m.type === 'template')!.content.template).toMatchObject({ name: 'retomar_atendimento', components: [{ type: 'body', parameters: [{ type: 'text', text: 'Joana' }] }] });
    await page.close();
  }, 90_000);
});
