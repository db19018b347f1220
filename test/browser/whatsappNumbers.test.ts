import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { createCompanyFixture, login, startTestApi, TEST_PASSWORD, testDb, type CompanyFixture, type TestApi } from '../harness';
import { launchChromium, screenshot, signIn } from './browser';

// An admin registers the company's Cloud API number through the screen, picks its flow, edits it and
// reads how to point Meta's webhook at it; a supervisor sees the same list without the controls.
let api: TestApi;
let browser: Browser;
let company: CompanyFixture;

const phoneNumberId = `1${String(randomInt(0, 10 ** 12)).padStart(14, '0')}`;

beforeAll(async () => {
  if (!existsSync('web/dist/index.html')) throw new Error('web/dist is missing: run `npm test`, which builds the web app first');
  [api, browser, company] = await Promise.all([startTestApi(), launchChromium(), createCompanyFixture('Numeros')]);
  const admin = await login(api.url, company.users.admin.email);
  for (const [name, isDefault] of [
    ['Atendimento', true],
    ['Vendas', false],
  ] as const) {
    const flow = (await admin.api.post('/api/flows', { name, isDefault })).body;
    await admin.api.post(`/api/flows/${flow.id}/publish`, {});
  }
  // A WAHA number that already holds a conversation: it can be switched off, never deleted.
  const waha = await testDb().whatsAppNumber.create({ data: { companyId: company.companyId, provider: 'WAHA', phoneNumberId: `loja-${phoneNumberId}`, displayPhoneNumber: '+55 21 98888-7777', name: 'Loja Rio', throughputPerSecond: 5 } });
  const contact = await testDb().contact.create({ data: { companyId: company.companyId, waId: '5521977776666', phone: '+5521977776666', name: 'Marta' } });
  await testDb().conversation.create({ data: { companyId: company.companyId, numberId: waha.id, contactId: contact.id, status: 'QUEUED', departmentId: company.departments.a } });
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe('WhatsApp numbers in a browser', () => {
  test('when an admin registers, edits and switches off a number, then the list shows it with its flow and webhook setup, and a clash is explained on the field', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'pt-BR' });
    page.setDefaultTimeout(10_000);
    await signIn(page, api.url, company.users.admin.email, TEST_PASSWORD);
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Números de WhatsApp' }).click();
    await page.waitForURL(/\/settings\/whatsapp-numbers/);
    await page.locator(`[data-number="loja-${phoneNumberId}"]`).getByText('1 conversa').waitFor();
    expect(await page.getByRole('button', { name: 'Excluir Loja Rio' }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Novo número' }).click();
    const dialog = page.getByRole('dialog', { name: 'Novo número de WhatsApp' });
    await dialog.getByLabel('Nome', { exact: true }).fill('Atendimento SP');
    await dialog.getByLabel('Número de telefone').fill('+55 11 3000-0000');
    await dialog.getByLabel('ID do número (phone_number_id)').fill('abc');
    await dialog.getByRole('button', { name: 'Cadastrar número' }).click();
    await dialog.getByText('O ID do número na Meta (phone_number_id) tem só números').waitFor();
    await dialog.getByLabel('ID do número (phone_number_id)').fill(phoneNumberId);
    await dialog.getByLabel('ID da conta (WABA)').fill('102290129340398');
    expect(await dialog.getByLabel('Fluxo do bot').locator('option').allTextContents()).toEqual(['Padrão da empresa (Atendimento)', 'Atendimento', 'Vendas']);
    await dialog.getByLabel('Fluxo do bot').selectOption({ label: 'Vendas' });
    await screenshot(page, 'whatsapp-numbers-dialog');
    await dialog.getByRole('button', { name: 'Cadastrar número' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.locator(`[data-number="${phoneNumberId}"]`);
    await row.getByText('Atendimento SP').waitFor();
    expect(await row.textContent()).toContain('Vendas');
    const stored = await testDb().whatsAppNumber.findUniqueOrThrow({ where: { phoneNumberId } });
    expect(stored).toMatchObject({ companyId: company.companyId, name: 'Atendimento SP', displayPhoneNumber: '+55 11 3000-0000', wabaId: '102290129340398', provider: 'META', throughputPerSecond: 80, active: true });

    // The same phone_number_id again: the API's 409 lands under the field, in Portuguese.
    await page.getByRole('button', { name: 'Novo número' }).click();
    await dialog.getByLabel('Nome', { exact: true }).fill('Duplicado');
    await dialog.getByLabel('Número de telefone').fill('+55 11 3000-0001');
    await dialog.getByLabel('ID do número (phone_number_id)').fill(phoneNumberId);
    await dialog.getByRole('button', { name: 'Cadastrar número' }).click();
    await dialog.getByText('Este ID já está cadastrado no Orquestra, nesta ou em outra empresa').waitFor();
    await screenshot(page, 'whatsapp-numbers-duplicate');
    await dialog.getByRole('button', { name: 'Cancelar' }).click();

    await page.getByRole('button', { name: 'Editar Atendimento SP' }).click();
    const edit = page.getByRole('dialog', { name: 'Editar Atendimento SP' });
    await edit.getByLabel('Nome', { exact: true }).fill('Atendimento São Paulo');
    await edit.getByLabel('Mensagens por segundo').fill('120');
    await edit.getByLabel('Fluxo do bot').selectOption('');
    await edit.getByRole('button', { name: 'Salvar alterações' }).click();
    await edit.waitFor({ state: 'detached' });
    await row.getByText('Atendimento São Paulo').waitFor();
    expect(await row.textContent()).toContain('120 msg/s');
    expect(await row.textContent()).toContain('Padrão da empresa (Atendimento)');
    expect(await testDb().whatsAppNumber.findUniqueOrThrow({ where: { phoneNumberId } })).toMatchObject({ name: 'Atendimento São Paulo', throughputPerSecond: 120, flowId: null });

    await row.getByText('Como configurar o webhook').click();
    expect(await row.getByLabel('URL de callback').inputValue()).toBe(`${api.url}/webhooks/whatsapp`);
    expect(await row.textContent()).toContain('WHATSAPP_VERIFY_TOKEN');
    expect(await page.content()).not.toContain(api.config.WHATSAPP_VERIFY_TOKEN);

    await page.getByRole('switch', { name: 'Ativar ou desativar Loja Rio' }).click();
    await page.locator(`[data-number="loja-${phoneNumberId}"]`).getByText('Inativo', { exact: true }).first().waitFor();
    await expect.poll(async () => (await testDb().whatsAppNumber.findFirstOrThrow({ where: { phoneNumberId: `loja-${phoneNumberId}` } })).active).toBe(false);
    await page.mouse.move(0, 0);
    await screenshot(page, 'whatsapp-numbers-list');
    await page.close();

    const supervisorPage = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'pt-BR' });
    supervisorPage.setDefaultTimeout(10_000);
    await signIn(supervisorPage, api.url, company.users.supervisor.email, TEST_PASSWORD);
    await supervisorPage.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Números de WhatsApp' }).click();
    await supervisorPage.getByText('Atendimento São Paulo').waitFor();
    await supervisorPage.getByText('Somente leitura').waitFor();
    expect(await supervisorPage.getByRole('button', { name: 'Novo número' }).count()).toBe(0);
    expect(await supervisorPage.getByRole('switch').count()).toBe(0);
    await supervisorPage.close();
  }, 60_000);
});
