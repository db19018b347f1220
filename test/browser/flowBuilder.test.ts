import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { createCompanyFixture, login, startTestApi, TEST_PASSWORD, type CompanyFixture, type TestApi } from '../harness';
import { launchChromium, screenshot, signIn } from './browser';
import { centre, dragHandle } from './canvas';

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

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const newMessages = (page: Page) => page.locator('.react-flow__node-message:not([data-id="greeting"])');

const propertiesPanel = (page: Page) => page.getByRole('complementary', { name: 'Propriedades do bloco' });

/** A flow using the newer blocks, as a person would keep it in a file and import it. */
function supportFlow(company: CompanyFixture, jumpTo: string) {
  const n = (id: string, type: string, config: unknown) => ({ id, type, position: { x: 0, y: 0 }, config });
  return {
    schemaVersion: 1,
    nodes: [
      n('start', 'start', {}),
      n('hello', 'message', { text: 'Olá, {{contact.name}}! Veja nossa tabela de planos.', media: { kind: 'document', url: 'https://exemplo.com.br/planos.pdf', fileName: 'planos.pdf' } }),
      n('ask-cpf', 'question', { text: 'Para começar, qual é o seu CPF?', variable: 'cpf', kind: 'cpf' }),
      n('lookup', 'http', { method: 'POST', url: 'https://api.exemplo.com.br/clientes/busca', headers: [{ name: 'Authorization', value: 'Bearer {{secrets.CRM_TOKEN}}' }], body: '{"cpf": "{{vars.cpf}}"}', saveResponse: [{ variable: 'plano', path: 'data.plan' }] }),
      n('which', 'condition', {
        branches: [
          { id: 'vip', label: 'Cliente VIP', rule: { kind: 'variable', variable: 'plano', comparison: 'equals', value: 'premium' } },
          { id: 'open', label: 'Em horário', rule: { kind: 'businessHours', departmentId: company.departments.a } },
        ],
      }),
      n('mark', 'tag', { add: ['vip'], remove: ['lead'] }),
      n('note', 'setVariable', { assignments: [{ variable: 'origem', value: 'bot' }] }),
      n('assistant', 'ai', { systemPrompt: 'Você é a assistente da empresa. Tire dúvidas sobre planos em poucas frases.', variable: 'resposta' }),
      n('later', 'wait', { amount: 2, unit: 'hours', onReply: 'interrupt' }),
      n('sales', 'jump', { flowId: jumpTo }),
      n('queue', 'route', { departmentId: company.departments.a }),
      n('bye', 'end', { text: 'Obrigado pelo contato!' }),
    ],
    edges: [
      ['start', 'next', 'hello'],
      ['hello', 'next', 'ask-cpf'],
      ['ask-cpf', 'next', 'lookup'],
      ['ask-cpf', 'invalid', 'queue'],
      ['lookup', 'success', 'which'],
      ['lookup', 'error', 'queue'],
      ['which', 'vip', 'mark'],
      ['which', 'open', 'assistant'],
      ['which', 'else', 'later'],
      ['mark', 'next', 'note'],
      ['note', 'next', 'queue'],
      ['assistant', 'next', 'bye'],
      ['assistant', 'timeout', 'queue'],
      ['assistant', 'error', 'queue'],
      ['later', 'next', 'sales'],
      ['later', 'replied', 'queue'],
    ].map(([source, sourceHandle, target]) => ({ id: `${source}-${sourceHandle}`, source, sourceHandle, target })),
  };
}

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

  test('when an admin adds a question from the palette, asks for a CPF and connects it, then the block shows the question and its exits, and the draft keeps it', async () => {
    const admin = await login(api.url, company.users.admin.email);
    const flow = await admin.api.post('/api/flows', { name: 'Cadastro por CPF' });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'pt-BR' });
    page.setDefaultTimeout(10_000);
    await signIn(page, api.url, company.users.admin.email, TEST_PASSWORD);
    await page.goto(`${api.url}/flows/${flow.body.id}`);
    await node(page, 'menu').waitFor();

    await page.locator('[data-palette="question"]').click();
    const question = page.locator('.react-flow__node-question');
    await expect.poll(() => question.count()).toBe(1);
    const questionId = (await question.getAttribute('data-id'))!;
    const text = 'Para continuar, qual é o seu CPF?';
    await propertiesPanel(page).getByLabel('Pergunta', { exact: true }).fill(text);
    await propertiesPanel(page).getByLabel('Guardar a resposta em').fill('cpf');
    await propertiesPanel(page).getByLabel('Tipo de resposta').selectOption({ label: 'CPF' });
    await expect.poll(() => question.innerText()).toContain(text);
    const shown = await question.innerText();
    expect(shown).toContain('CPF');
    expect(shown).toContain('vars.cpf');
    expect(shown).toContain('Resposta válida');
    expect(shown).toContain('Resposta inválida (3 tentativas)');
    expect(await question.locator('[data-exit]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-exit')))).toEqual(['next', 'invalid']);

    await tidyUp(page);
    const edgesBefore = await page.locator('.react-flow__edge').count();
    await dragHandle(page, question.locator('[data-exit="next"] .react-flow__handle'), node(page, 'route-fallback').locator('.react-flow__handle.target'));
    await dragHandle(page, question.locator('[data-exit="invalid"] .react-flow__handle'), node(page, 'route-fallback').locator('.react-flow__handle.target'));
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(edgesBefore + 2);
    await expect.poll(() => page.locator('[data-save-status]').getAttribute('data-save-status'), { timeout: 10_000 }).toBe('saved');
    await screenshot(page, 'flow-builder-question');

    const saved = await admin.api.get(`/api/flows/${flow.body.id}`);
    expect(saved.body.draft.nodes.find((n: { id: string }) => n.id === questionId)).toMatchObject({ type: 'question', config: { text, variable: 'cpf', kind: 'cpf' } });
    expect(saved.body.draft.edges).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: questionId, sourceHandle: 'next', target: 'route-fallback' }),
        expect.objectContaining({ source: questionId, sourceHandle: 'invalid', target: 'route-fallback' }),
      ]),
    );

    // A file that is not a flow is refused with what is wrong; a valid one replaces the draft after a confirmation.
    const fileInput = page.locator('[data-import-file]');
    const broken = { nodes: [{ id: 'start', type: 'start', config: {} }, { id: 'ask', type: 'question', config: { text: '', variable: '1x' } }], edges: [] };
    await fileInput.setInputFiles({ name: 'quebrado.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const refusal = page.getByRole('dialog', { name: 'Não foi possível importar “quebrado.json”' });
    await expect.poll(() => refusal.getByRole('alert').innerText()).toContain('bloco ask › variable: use letras, números e _, começando por uma letra');
    await screenshot(page, 'flow-builder-import-refused');
    await refusal.getByRole('button', { name: 'Fechar' }).last().click();

    const sales = await admin.api.post('/api/flows', { name: 'Vendas' });
    await fileInput.setInputFiles({ name: 'suporte.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(supportFlow(company, sales.body.id))) });
    await page.getByRole('dialog', { name: 'Importar “suporte.json”?' }).getByRole('button', { name: 'Substituir rascunho' }).click();
    await expect.poll(() => page.locator('.react-flow__node-condition').count()).toBe(1);
    await tidyUp(page);
    const condition = page.locator('.react-flow__node-condition');
    expect(await condition.locator('[data-exit]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-exit')))).toEqual(['vip', 'open', 'else']);
    expect(await condition.innerText()).toContain('Cliente VIP');
    expect(await page.locator('.react-flow__node-wait').innerText()).toContain('Espera 2 horas');
    expect(await page.locator('.react-flow__node-http').innerText()).toContain('POST');
    await expect.poll(() => page.locator('.react-flow__node-jump').innerText()).toContain('Vendas');
    await expect.poll(() => page.locator('[data-save-status]').getAttribute('data-save-status'), { timeout: 10_000 }).toBe('saved');
    await screenshot(page, 'flow-builder-blocks');
    await page.locator('.react-flow__node-http').click();
    await screenshot(page, 'flow-builder-http-panel');
    await condition.click();
    await screenshot(page, 'flow-builder-condition-panel');
    // Closer, as someone reading the blocks would look at them.
    const point = await centre(condition);
    await page.mouse.move(point.x, point.y);
    await page.mouse.wheel(0, -600);
    await page.waitForTimeout(500);
    await screenshot(page, 'flow-builder-blocks-close');
    const imported = await admin.api.get(`/api/flows/${flow.body.id}`);
    expect(imported.body.draft.nodes.map((n: { id: string }) => n.id)).toContain('lookup');
    await page.close();
  }, 120_000);
});
