import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createCompanyFixture, startTestApi, TEST_PASSWORD, testDb, type CompanyFixture, type TestApi } from '../harness';
import { launchChromium, screenshot, signIn } from './browser';

// Inbox screens that need history rather than a live customer: the rows are written straight to the
// database as routing and the bot leave them, so no workflow runs. The API serves web/dist.
let api: TestApi;
let company: CompanyFixture;
let browser: Browser;
let longChat: string;
let secondNumber: { id: string; name: string };

const HISTORY = 600;

/** A conversation held by AgentA, with `count` messages two minutes apart ending a minute ago. */
async function assignedConversation(numberId: string, waId: string, name: string, count: number, extra: { variables?: Record<string, string>; tags?: string[]; customFields?: Record<string, string | number> } = {}) {
  const db = testDb();
  const contact = await db.contact.create({ data: { companyId: company.companyId, waId, phone: `+${waId}`, name, tags: extra.tags ?? [], customFields: extra.customFields ?? {} } });
  const now = Date.now();
  const conversation = await db.conversation.create({
    data: {
      companyId: company.companyId,
      numberId,
      contactId: contact.id,
      status: 'ASSIGNED',
      departmentId: company.departments.a,
      assigneeId: company.users.agentA.id,
      variables: extra.variables ?? {},
      lastInboundAt: new Date(now - 60_000),
      lastMessageAt: new Date(now - 60_000),
    },
  });
  await db.message.createMany({
    data: Array.from({ length: count }, (_, i) => {
      const inbound = i % 3 !== 2;
      return {
        companyId: company.companyId,
        conversationId: conversation.id,
        numberId,
        direction: inbound ? ('INBOUND' as const) : ('OUTBOUND' as const),
        type: 'text',
        // Some long enough to wrap over several lines, so rows differ in height.
        body: i % 7 === 0 ? `Mensagem ${i}: ${'preciso de ajuda com a entrega do pedido, '.repeat(4)}` : `Mensagem ${i}`,
        status: inbound ? ('RECEIVED' as const) : ('READ' as const),
        senderUserId: inbound ? null : company.users.agentA.id,
        createdAt: new Date(now - 60_000 - (count - 1 - i) * 120_000),
      };
    }),
  });
  return conversation.id;
}

beforeAll(async () => {
  if (!existsSync('web/dist/index.html')) throw new Error('web/dist is missing: run `npm test`, which builds the web app first');
  [api, company, browser] = await Promise.all([startTestApi(), createCompanyFixture('Extras'), launchChromium()]);
  const db = testDb();
  const first = await db.whatsAppNumber.create({ data: { companyId: company.companyId, phoneNumberId: randomUUID(), displayPhoneNumber: '+55 11 4000-0101', name: 'Atendimento' } });
  const second = await db.whatsAppNumber.create({ data: { companyId: company.companyId, phoneNumberId: randomUUID(), displayPhoneNumber: '+55 11 4000-0202', name: 'Loja Centro' } });
  secondNumber = { id: second.id, name: second.name };
  longChat = await assignedConversation(first.id, '5511944440001', 'Marina Histórico', HISTORY, {
    variables: { cpf: '12345678909', pedido: '88231' },
    tags: ['atacado', 'recorrente'],
    customFields: { plano: 'Ouro' },
  });
  await assignedConversation(second.id, '5511944440002', 'Bruno Loja Centro', 3);
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

async function agentPage(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'pt-BR' });
  await signIn(page, api.url, company.users.agentA.email, TEST_PASSWORD);
  await page.goto(`${api.url}${path}`);
  return page;
}

describe('the inbox with history', () => {
  test('when the bot collected data and the contact has tags and fields, then the customer panel shows each under its own heading', async () => {
    const page = await agentPage(`/inbox/${longChat}?tab=mine`);
    await page.getByRole('log').getByText(`Mensagem ${HISTORY - 1}`, { exact: true }).waitFor({ timeout: 10_000 });
    const toggle = page.getByRole('button', { name: 'Dados do cliente' }).last();
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    const panel = page.getByRole('complementary', { name: 'Dados do cliente' });
    const captured = panel.getByRole('definition').filter({ hasText: '12345678909' });
    await captured.waitFor({ timeout: 10_000 });
    await expect.poll(() => panel.getByRole('heading', { name: 'Dados coletados pelo bot' }).isVisible()).toBe(true);
    expect(await panel.getByText('88231').isVisible()).toBe(true);
    expect(await panel.getByText('recorrente').isVisible()).toBe(true);
    expect(await panel.getByText('Ouro').isVisible()).toBe(true);
    await screenshot(page, 'inbox-panel-bot-data');
    await page.close();
  }, 60_000);

  test('when a conversation holds six hundred messages, then only those near the view are in the page, older pages load by cursor as the agent scrolls up without moving what they read, and one click goes back to the latest', async () => {
    const page = await agentPage(`/inbox/${longChat}?tab=mine`);
    const chat = page.getByRole('log');
    await chat.getByText(`Mensagem ${HISTORY - 1}`, { exact: true }).waitFor({ timeout: 10_000 });
    const mounted = () => chat.locator('[data-entry-id]').count();
    expect(await mounted()).toBeLessThan(60);

    // Scroll up until the beginning, checking at each page that the rows read stay where they were.
    const atBeginning = async () => (await chat.evaluate((el) => el.scrollTop === 0)) && (await chat.getByText('Início da conversa').isVisible());
    for (let step = 0; step < 60 && !(await atBeginning()); step++) {
      const before = await chat.evaluate((el) => {
        el.scrollTop = Math.max(0, el.scrollTop - 2500);
        return el.scrollTop;
      });
      await page.waitForTimeout(150);
      // A prepended page pushes the content down; the view follows it instead of jumping to the new top.
      expect(await chat.evaluate((el) => el.scrollTop)).toBeGreaterThanOrEqual(before);
      expect(await mounted()).toBeLessThan(80);
    }
    expect(await atBeginning()).toBe(true);
    await screenshot(page, 'inbox-long-history-top');
    expect(await chat.getByText('Mensagem 0:', { exact: false }).isVisible()).toBe(true);
    expect(await mounted()).toBeLessThan(80);

    // The first rows now read stay put while the agent waits.
    const firstTop = await chat.getByText('Mensagem 1', { exact: true }).evaluate((el) => el.getBoundingClientRect().top);
    await page.waitForTimeout(500);
    expect(Math.abs((await chat.getByText('Mensagem 1', { exact: true }).evaluate((el) => el.getBoundingClientRect().top)) - firstTop)).toBeLessThan(2);

    await page.getByRole('button', { name: 'Ir para a mensagem mais recente' }).click();
    await expect.poll(() => chat.getByText(`Mensagem ${HISTORY - 1}`, { exact: true }).isVisible(), { timeout: 10_000 }).toBe(true);
    // Every message was on screen once: ids never repeat between pages.
    const ids = await chat.locator('[data-entry-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-entry-id')));
    expect(new Set(ids).size).toBe(ids.length);
    await page.close();
  }, 90_000);

  test('when an offline agent opens the inbox, then the server makes them online and their toggle says so; the list filters by number', async () => {
    const page = await agentPage('/inbox?tab=mine');
    await expect.poll(() => page.getByRole('radio', { name: 'Online' }).getAttribute('aria-checked'), { timeout: 10_000 }).toBe('true');
    const rows = page.locator('[data-conversation-id]');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    await page.getByRole('button', { name: 'Filtros' }).click();
    await page.getByRole('combobox', { name: 'Número' }).selectOption({ label: `${secondNumber.name} · +55 11 4000-0202` });
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);
    expect(await rows.first().textContent()).toContain('Bruno Loja Centro');
    await screenshot(page, 'inbox-number-filter');
    await page.getByRole('button', { name: 'Limpar filtros' }).click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    await page.close();
  }, 60_000);
});
