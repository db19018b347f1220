import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { eventually, login, testDb } from '../../test/harness';
import { recordHistory, replay } from '../../test/replay';
import { startConversationRig, visibleText, type ConversationRig } from '../../test/conversationRig';
import { conversationStateQuery, conversationWorkflowId } from '../conversation';
import type { FlowDefinitionInput } from '../flow/schema';

// A configured minute lasts a tenth of a second here, so waits and question timeouts end within the test.
const MINUTE_MS = 100;

let rig: ConversationRig;
let admin: Awaited<ReturnType<typeof login>>;
let service: { url: string; server: Server; requests: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] };

/** A stand-in for the outside services flows call: a CRM, and an OpenAI-compatible chat API. */
async function startService() {
  const requests: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    requests.push({ method: req.method!, url: req.url!, headers: req.headers, body });
    const json = (status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    if (req.url!.startsWith('/crm/customers/')) return json(200, { customer: { name: 'Maria Souza', plan: 'ouro' }, orders: [{ id: 'P-77' }] });
    if (req.url === '/crm/broken') return json(500, { error: 'down' });
    if (req.url === '/crm/slow' || req.url === '/slow-ai/chat/completions') return void setTimeout(() => json(200, {}), 3000);
    if (req.url === '/ai/chat/completions') return json(200, { choices: [{ message: { role: 'assistant', content: 'Nosso horário é das 8h às 18h.' } }] });
    json(404, {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, requests };
}

beforeAll(async () => {
  [rig, service] = await Promise.all([startConversationRig({ label: 'Blocos', phoneNumberId: '100000000000081', minuteMs: MINUTE_MS }), startService()]);
  admin = await login(rig.api.url, rig.company.users.admin.email);
});
afterAll(async () => {
  service?.server.close();
  await rig?.stop();
});

const db = () => testDb();
const departments = () => rig.company.departments;

/** Publishes the flow as the company's default through the API, as an admin would. */
async function publish(name: string, definition: FlowDefinitionInput, isDefault = true) {
  const created = await admin.api.post('/api/flows', { name, isDefault, draft: definition });
  expect(created.status).toBe(201);
  const published = await admin.api.post(`/api/flows/${created.body.id}/publish`, {});
  expect(published.status, JSON.stringify(published.body)).toBe(201);
  return created.body.id as string;
}
const start = { id: 'start', type: 'start', config: {} } as const;
const edge = (source: string, target: string, sourceHandle = 'next') => ({ id: `${source}-${sourceHandle}-${target}`, source, sourceHandle, target });
const route = (id: string, departmentId: string, text?: string) => ({ id, type: 'route' as const, config: { departmentId, ...(text ? { text } : {}) } });
const message = (id: string, text: string) => ({ id, type: 'message' as const, config: { text } });

async function receivedTexts(waId: string, count: number) {
  return (await eventually(() => rig.received(waId), (m) => m.length >= count, 15_000)).map(visibleText);
}
const settled = (waId: string) =>
  eventually(
    () => db().conversation.findFirst({ where: { contact: { waId, companyId: rig.company.companyId } }, orderBy: { createdAt: 'desc' } }),
    (c) => c?.status === 'QUEUED' || c?.status === 'RESOLVED',
    15_000,
  ).then((c) => c!);
const stateOf = (conversationId: string) => rig.api.temporal.workflow.getHandle(conversationWorkflowId(conversationId)).query(conversationStateQuery);

describe('bot blocks run by the conversation workflow', () => {
  test('when a question asks for a CPF, then a wrong answer is asked again, the valid one is kept as a variable, read by text and a condition, and shown to agents', async () => {
    await publish('Cadastro', {
      nodes: [
        start,
        { id: 'ask-cpf', type: 'question', config: { text: 'Qual é o seu CPF?', variable: 'cpf', kind: 'cpf', errorText: 'CPF inválido, confira os números.', maxAttempts: 2 } },
        { id: 'check', type: 'condition', config: { branches: [{ id: 'known', label: 'CPF conhecido', rule: { kind: 'variable', variable: 'cpf', comparison: 'equals', value: '52998224725' } }] } },
        { id: 'set', type: 'setVariable', config: { assignments: [{ variable: 'origem', value: 'bot {{vars.cpf}}' }] } },
        message('thanks', 'Obrigado, {{contact.name}}! CPF {{vars.cpf}} confirmado.'),
        route('to-a', departments().a),
        route('to-b', departments().b, 'Vou te passar para um atendente.'),
      ],
      edges: [edge('start', 'ask-cpf'), edge('ask-cpf', 'check'), edge('ask-cpf', 'to-b', 'invalid'), edge('check', 'set', 'known'), edge('check', 'to-b', 'else'), edge('set', 'thanks'), edge('thanks', 'to-a')],
    });
    const waId = '5511944440001';
    await rig.customerSays(waId, { type: 'text', text: 'Oi' });
    expect(await receivedTexts(waId, 1)).toEqual(['Qual é o seu CPF?']);
    await rig.customerSays(waId, { type: 'text', text: '123.456.789-00' });
    expect((await receivedTexts(waId, 2))[1]).toBe('CPF inválido, confira os números.');
    await rig.customerSays(waId, { type: 'text', text: '529.982.247-25' });
    expect((await receivedTexts(waId, 3))[2]).toBe('Obrigado, Joana Cliente! CPF 52998224725 confirmado.');

    const conversation = await settled(waId);
    expect(conversation).toMatchObject({ status: 'QUEUED', departmentId: departments().a, variables: { cpf: '52998224725', origem: 'bot 52998224725' } });
    const state = await stateOf(conversation.id);
    expect(state.path).toEqual(['start', 'ask-cpf', 'check', 'set', 'thanks', 'to-a']);
    const agent = await login(rig.api.url, rig.company.users.agentA.email);
    expect((await agent.api.get(`/api/conversations/${conversation.id}`)).body.variables).toEqual({ cpf: '52998224725', origem: 'bot 52998224725' });
    await recordHistory('conversation-question-condition', conversationWorkflowId(conversation.id));
  });

  test('when the customer keeps answering wrongly, then the question leaves through its invalid exit', async () => {
    const waId = '5511944440002';
    await rig.customerSays(waId, { type: 'text', text: 'Oi' });
    await receivedTexts(waId, 1);
    await rig.customerSays(waId, { type: 'text', text: 'não sei' });
    await receivedTexts(waId, 2);
    await rig.customerSays(waId, { type: 'text', text: '000.000.000-00' });
    expect((await receivedTexts(waId, 3))[2]).toBe('Vou te passar para um atendente.');
    expect(await settled(waId)).toMatchObject({ status: 'QUEUED', departmentId: departments().b, variables: {} });
  });

  test('when a wait is interrupted by a reply, then the flow leaves through "replied"; left alone, the timer ends and it goes on', async () => {
    await publish('Espera', {
      nodes: [
        start,
        message('hello', 'Vou verificar e já volto.'),
        { id: 'pause', type: 'wait', config: { amount: 30, unit: 'minutes', onReply: 'interrupt' } },
        message('replied', 'Vi que você escreveu.'),
        message('timed', 'Pronto, verifiquei.'),
        route('to-a', departments().a),
      ],
      edges: [edge('start', 'hello'), edge('hello', 'pause'), edge('pause', 'replied', 'replied'), edge('pause', 'timed'), edge('replied', 'to-a'), edge('timed', 'to-a')],
    });
    const eager = '5511944440003';
    const patient = '5511944440004';
    await Promise.all([rig.customerSays(eager, { type: 'text', text: 'Oi' }), rig.customerSays(patient, { type: 'text', text: 'Oi' })]);
    await Promise.all([receivedTexts(eager, 1), receivedTexts(patient, 1)]);
    await rig.customerSays(eager, { type: 'text', text: 'Ainda aí?' });
    expect((await receivedTexts(eager, 2))[1]).toBe('Vi que você escreveu.');
    // 30 configured minutes are 3 s here: the patient customer hears back only after the timer.
    expect((await rig.received(patient)).length).toBe(1);
    expect((await receivedTexts(patient, 2))[1]).toBe('Pronto, verifiquei.');
  });

  test('when an HTTP block calls a service, then secrets and variables fill the request, response fields become variables, and failures and timeouts take the error exit after the retries', async () => {
    expect((await admin.api.put('/api/secrets/CRM_TOKEN', { value: 's3cr3t-token' })).status).toBe(200);
    const httpFlow = (url: string, retries = 0) => ({
      nodes: [
        start,
        {
          id: 'crm',
          type: 'http' as const,
          config: {
            method: 'POST' as const,
            url,
            headers: [{ name: 'Authorization', value: 'Bearer {{secrets.CRM_TOKEN}}' }],
            body: '{"phone": "{{contact.phone}}", "name": "{{contact.name}}"}',
            timeoutSeconds: 1,
            retries,
            saveResponse: [
              { variable: 'cliente', path: 'customer.name' },
              { variable: 'pedido', path: 'orders.0.id' },
            ],
          },
        },
        message('found', 'Olá, {{vars.cliente}}! Seu último pedido é {{vars.pedido}}.'),
        message('failed', 'Nosso sistema está fora do ar, vou te passar para um atendente.'),
        route('to-a', departments().a),
      ],
      edges: [edge('start', 'crm'), edge('crm', 'found', 'success'), edge('crm', 'failed', 'error'), edge('found', 'to-a'), edge('failed', 'to-a')],
    });

    await publish('CRM', httpFlow(`${service.url}/crm/customers/{{contact.phone}}`));
    const waId = '5511944440005';
    await rig.customerSays(waId, { type: 'text', text: 'Oi' });
    expect(await receivedTexts(waId, 1)).toEqual(['Olá, Maria Souza! Seu último pedido é P-77.']);
    const call = service.requests.find((r) => r.url.startsWith('/crm/customers/'))!;
    expect(call).toMatchObject({ method: 'POST', url: `/crm/customers/%2B${waId}` });
    expect(call.headers.authorization).toBe('Bearer s3cr3t-token');
    expect(JSON.parse(call.body)).toEqual({ phone: `+${waId}`, name: 'Joana Cliente' });
    expect((await settled(waId)).variables).toEqual({ cliente: 'Maria Souza', pedido: 'P-77' });

    await publish('CRM lento', httpFlow(`${service.url}/crm/slow`, 1));
    const slow = '5511944440006';
    await rig.customerSays(slow, { type: 'text', text: 'Oi' });
    expect(await receivedTexts(slow, 1)).toEqual(['Nosso sistema está fora do ar, vou te passar para um atendente.']);
    expect(service.requests.filter((r) => r.url === '/crm/slow')).toHaveLength(2);

    await publish('CRM fora', httpFlow(`${service.url}/crm/broken`));
    const broken = '5511944440007';
    await rig.customerSays(broken, { type: 'text', text: 'Oi' });
    expect(await receivedTexts(broken, 1)).toEqual(['Nosso sistema está fora do ar, vou te passar para um atendente.']);
    expect(service.requests.filter((r) => r.url === '/crm/broken')).toHaveLength(1);
  });

  test('when an AI block answers, then the model gets the instructions and the conversation; unconfigured it takes the error exit, too slow the timeout exit', async () => {
    const aiFlow = {
      nodes: [
        start,
        { id: 'assistant', type: 'ai' as const, config: { systemPrompt: 'Você é o assistente da Clínica Demo.', historyMessages: 5, variable: 'resposta', timeoutSeconds: 1 } },
        message('slow', 'O assistente demorou, vou chamar uma pessoa.'),
        message('off', 'O assistente está desligado.'),
        route('to-a', departments().a),
      ],
      edges: [edge('start', 'assistant'), edge('assistant', 'to-a'), edge('assistant', 'slow', 'timeout'), edge('assistant', 'off', 'error'), edge('slow', 'to-a'), edge('off', 'to-a')],
    };
    await publish('Assistente', aiFlow);
    const unconfigured = '5511944440008';
    await rig.customerSays(unconfigured, { type: 'text', text: 'Qual o horário?' });
    expect(await receivedTexts(unconfigured, 1)).toEqual(['O assistente está desligado.']);

    expect((await admin.api.put('/api/secrets/OPENAI_KEY', { value: 'sk-test-123' })).status).toBe(200);
    expect((await admin.api.patch('/api/company/settings', { aiBaseUrl: `${service.url}/ai`, aiModel: 'modelo-teste', aiApiKeySecret: 'OPENAI_KEY' })).status).toBe(200);
    const asker = '5511944440009';
    await rig.customerSays(asker, { type: 'text', text: 'Qual o horário?' });
    expect(await receivedTexts(asker, 1)).toEqual(['Nosso horário é das 8h às 18h.']);
    const call = service.requests.find((r) => r.url === '/ai/chat/completions')!;
    expect(call.headers.authorization).toBe('Bearer sk-test-123');
    expect(JSON.parse(call.body)).toEqual({
      model: 'modelo-teste',
      messages: [
        { role: 'system', content: 'Você é o assistente da Clínica Demo.' },
        { role: 'user', content: 'Qual o horário?' },
      ],
    });
    expect((await settled(asker)).variables).toEqual({ resposta: 'Nosso horário é das 8h às 18h.' });

    expect((await admin.api.patch('/api/company/settings', { aiBaseUrl: `${service.url}/slow-ai` })).status).toBe(200);
    const patient = '5511944440010';
    await rig.customerSays(patient, { type: 'text', text: 'Qual o horário?' });
    expect(await receivedTexts(patient, 1)).toEqual(['O assistente demorou, vou chamar uma pessoa.']);
  });

  test('when blocks tag the contact and conditions read tags, keywords and online agents, then each customer takes the branch that holds', async () => {
    await publish('Triagem', {
      nodes: [
        start,
        { id: 'billing', type: 'condition', config: { branches: [{ id: 'boleto', label: 'Boleto', rule: { kind: 'keyword', keywords: ['boleto', 'segunda via'] } }] } },
        { id: 'mark', type: 'tag', config: { add: ['financeiro', 'vip'], remove: ['novo'] } },
        { id: 'vip', type: 'condition', config: { branches: [{ id: 'is-vip', label: 'VIP', rule: { kind: 'tag', tag: 'VIP' } }] } },
        { id: 'online', type: 'condition', config: { branches: [{ id: 'staffed', label: 'Alguém online', rule: { kind: 'agentsOnline', departmentId: departments().b } }] } },
        message('vip-hello', 'Cliente VIP, boleto a caminho.'),
        message('nobody', 'Ninguém do Comercial está online agora.'),
        message('staffed-hello', 'Um atendente do Financeiro vai te atender.'),
        route('to-a', departments().a),
        route('to-b', departments().b),
      ],
      edges: [
        edge('start', 'billing'),
        edge('billing', 'mark', 'boleto'),
        edge('billing', 'online', 'else'),
        edge('mark', 'vip'),
        edge('vip', 'vip-hello', 'is-vip'),
        edge('vip', 'to-b', 'else'),
        edge('vip-hello', 'to-b'),
        edge('online', 'staffed-hello', 'staffed'),
        edge('online', 'nobody', 'else'),
        edge('staffed-hello', 'to-b'),
        edge('nobody', 'to-a'),
      ],
    });
    const payer = '5511944440011';
    await db().contact.create({ data: { companyId: rig.company.companyId, waId: payer, phone: `+${payer}`, tags: ['novo'] } });
    await rig.customerSays(payer, { type: 'text', text: 'Preciso da segunda via do boleto, por favor' });
    expect(await receivedTexts(payer, 1)).toEqual(['Cliente VIP, boleto a caminho.']);
    expect((await db().contact.findFirstOrThrow({ where: { companyId: rig.company.companyId, waId: payer } })).tags.sort()).toEqual(['financeiro', 'vip']);

    const curious = '5511944440012';
    await rig.customerSays(curious, { type: 'text', text: 'Oi' });
    expect(await receivedTexts(curious, 1)).toEqual(['Ninguém do Comercial está online agora.']);
    const financeiro = await login(rig.api.url, rig.company.users.agentB.email);
    expect((await financeiro.api.put('/api/users/me/status', { status: 'ONLINE' })).status).toBe(200);
    const lucky = '5511944440013';
    await rig.customerSays(lucky, { type: 'text', text: 'Oi' });
    expect(await receivedTexts(lucky, 1)).toEqual(['Um atendente do Financeiro vai te atender.']);
    expect((await financeiro.api.put('/api/users/me/status', { status: 'OFFLINE' })).status).toBe(200);
  });

  test('when a block jumps to another flow, then the customer continues in that flow\'s published version', async () => {
    const billingFlowId = await publish(
      'Financeiro',
      {
        nodes: [
          start,
          message('b-hello', 'Você está no fluxo do Financeiro.'),
          { id: 'b-file', type: 'message', config: { text: 'Tabela de preços', media: { kind: 'document', url: 'https://example.com/precos.pdf', fileName: 'precos.pdf' } } },
          route('b-route', departments().b),
        ],
        edges: [edge('start', 'b-hello'), edge('b-hello', 'b-file'), edge('b-file', 'b-route')],
      },
      false,
    );
    await publish('Entrada', { nodes: [start, message('hello', 'Bem-vindo!'), { id: 'go', type: 'jump', config: { flowId: billingFlowId } }], edges: [edge('start', 'hello'), edge('hello', 'go')] });
    const waId = '5511944440014';
    await rig.customerSays(waId, { type: 'text', text: 'Oi' });
    const [hello, billing, file] = await eventually(() => rig.received(waId), (m) => m.length >= 3, 15_000);
    expect([hello, billing].map((m) => visibleText(m!))).toEqual(['Bem-vindo!', 'Você está no fluxo do Financeiro.']);
    expect(file).toMatchObject({ type: 'document', content: { document: { link: 'https://example.com/precos.pdf', caption: 'Tabela de preços', filename: 'precos.pdf' } } });
    expect(await settled(waId)).toMatchObject({ status: 'QUEUED', departmentId: departments().b });
  });

  test('when blocks loop without waiting for the customer, then the bot stops within its step budget and a person takes over, with the reason in the timeline', async () => {
    await publish('Laço', {
      nodes: [
        start,
        { id: 'count', type: 'setVariable', config: { assignments: [{ variable: 'voltas', value: 'mais uma' }] } },
        { id: 'again', type: 'condition', config: { branches: [{ id: 'never', label: 'Nunca', rule: { kind: 'variable', variable: 'voltas', comparison: 'isEmpty', value: '' } }] } },
        route('to-a', departments().a),
      ],
      edges: [edge('start', 'count'), edge('count', 'again'), edge('again', 'to-a', 'never'), edge('again', 'count', 'else')],
    });
    const waId = '5511944440015';
    await rig.customerSays(waId, { type: 'text', text: 'Oi' });
    const conversation = await settled(waId);
    const fallback = (await db().department.findMany({ where: { companyId: rig.company.companyId, active: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })).at(-1)!;
    expect(conversation).toMatchObject({ status: 'QUEUED', departmentId: fallback.id });
    const events = await db().message.findMany({ where: { conversationId: conversation.id, type: 'event' } });
    expect(events.map((e) => e.body)).toEqual([expect.stringMatching(/^O bot parou no bloco "(count|again)": 50 blocos seguidos sem ouvir o cliente/)]);
    expect(await rig.received(waId)).toEqual([]);
  });
  test('when a customer keeps talking to the bot past the history limit, then the bot continues as new at the block it was at, in the flow it jumped to, and no answer or message is lost or sent twice', async () => {
    const faqFlowId = await publish(
      'Dúvidas',
      {
        nodes: [
          start,
          {
            id: 'faq',
            type: 'menu',
            config: {
              text: 'Sobre o que é a dúvida?',
              style: 'text',
              options: [
                { id: 'hours', label: 'Horário', synonyms: ['horario'] },
                { id: 'human', label: 'Atendente', synonyms: ['atendente'] },
              ],
            },
          },
          { id: 'count', type: 'setVariable', config: { assignments: [{ variable: 'perguntas', value: '{{vars.perguntas}}+' }] } },
          route('to-a', departments().a, 'Vou te passar para um atendente.'),
        ],
        edges: [edge('start', 'faq'), edge('faq', 'count', 'hours'), edge('count', 'faq'), edge('faq', 'to-a', 'human'), edge('faq', 'to-a', 'invalid')],
      },
      false,
    );
    await publish('Entrada FAQ', { nodes: [start, { id: 'go', type: 'jump', config: { flowId: faqFlowId } }], edges: [edge('start', 'go')] });
    const menu = 'Sobre o que é a dúvida?\n\n1. Horário\n2. Atendente';
    const waId = '5511944440016';
    await rig.customerSays(waId, { type: 'text', text: 'Oi' });
    expect(await receivedTexts(waId, 1)).toEqual([menu]);
    const conversation = await eventually(() => rig.conversationOf(waId), () => true);
    const handle = rig.api.temporal.workflow.getHandle(conversationWorkflowId(conversation.id));
    const firstRun = (await handle.describe()).runId;

    // Each answer adds its signal, two workflow tasks, the variable's write and the menu's send
    // (eleven events) to the history. One menu per answer stays under the sandbox's pair rate limit.
    const rounds = Math.ceil(inject('continueAsNewSuggestedAt') / 11) + 5;
    for (let round = 1; round <= rounds; round++) {
      await rig.customerSays(waId, { type: 'text', text: round % 2 ? 'horario' : '1' });
      await receivedTexts(waId, 1 + round);
    }
    expect((await handle.describe()).runId).not.toBe(firstRun);
    await rig.customerSays(waId, { type: 'text', text: 'atendente' });
    expect(await settled(waId)).toMatchObject({ status: 'QUEUED', departmentId: departments().a, variables: { perguntas: '+'.repeat(rounds) } });
    const texts = await receivedTexts(waId, 2 + rounds);
    expect(texts).toEqual([...Array.from({ length: 1 + rounds }, () => menu), 'Vou te passar para um atendente.']);
    expect(await db().message.count({ where: { conversationId: conversation.id, direction: 'OUTBOUND' } })).toBe(texts.length);
    expect((await stateOf(conversation.id)).phase).toBe('DEPARTMENT_SELECTED');

    const history = await rig.api.temporal.workflow.getHandle(conversationWorkflowId(conversation.id), firstRun).fetchHistory();
    expect(history.events!.at(-1)!.workflowExecutionContinuedAsNewEventAttributes).toBeTruthy();
    await expect(replay(history)).resolves.toBeUndefined();
    // For the replay tests: the run that continued as new (its patch marker), and the one that went on.
    await recordHistory('conversation-bot-continues-as-new', conversationWorkflowId(conversation.id), firstRun);
    await recordHistory('conversation-bot-continued-as-new', conversationWorkflowId(conversation.id));
  }, 120_000);
});
