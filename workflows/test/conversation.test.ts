import { randomUUID } from 'node:crypto';
import { io as connectSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, login, testDb, type CompanyFixture, type TestApi } from '../../test/harness';
import { replay } from '../../test/replay';
import { conversationStateQuery, conversationWorkflowId } from '../conversation';
import { startConversationRig, visibleText, type ConversationRig } from '../../test/conversationRig';

let rig: ConversationRig;
let api: TestApi;
let company: CompanyFixture;
let customerSays: ConversationRig['customerSays'];
let received: ConversationRig['received'];
let conversationOf: ConversationRig['conversationOf'];

beforeAll(async () => {
  rig = await startConversationRig({ label: 'Conversa', phoneNumberId: '100000000000077' });
  ({ api, company, customerSays, received, conversationOf } = rig);
});
afterAll(async () => {
  await rig?.stop();
});

describe('the bot greets and routes to a department', () => {
  test('when a new customer writes, then the greeting and the department list arrive; answering "2" queues the conversation in that department', async () => {
    const waId = '5511922220001';
    await customerSays(waId, { type: 'text', text: 'Oi, bom dia' });
    const greeting = await eventually(() => received(waId), (m) => m.length >= 2, 15_000);
    expect(visibleText(greeting[0]!)).toBe(`Olá, Joana Cliente! Bem-vindo(a) ao atendimento da ${(await testDb().company.findUniqueOrThrow({ where: { id: company.companyId } })).name}.`);
    const menu = greeting[1]!;
    expect(menu.content.interactive?.type).toBe('button');
    expect(menu.content.interactive.action.buttons.map((b: { reply: { title: string } }) => b.reply.title)).toEqual(['Comercial', 'Financeiro']);

    await customerSays(waId, { type: 'text', text: '2' });
    const routed = await eventually(() => received(waId), (m) => m.length >= 3, 15_000);
    expect(visibleText(routed[2]!)).toBe('Certo! Vou te encaminhar para o Financeiro. Um atendente vai falar com você em instantes.');
    const conversation = await eventually(() => conversationOf(waId), (c) => c.status === 'QUEUED');
    expect(conversation).toMatchObject({ status: 'QUEUED', departmentId: company.departments.b });

    const handle = api.temporal.workflow.getHandle(conversationWorkflowId(conversation.id));
    // The row changes inside the activity; the workflow's own state follows when the activity returns.
    const state = await eventually(() => handle.query(conversationStateQuery), (st) => st.phase === 'DEPARTMENT_SELECTED');
    expect(state).toMatchObject({ phase: 'DEPARTMENT_SELECTED', departmentId: company.departments.b });
    const stored = await testDb().message.findMany({ where: { conversationId: conversation.id, direction: 'OUTBOUND' }, orderBy: { createdAt: 'asc' } });
    expect(stored.map((m) => m.status)).not.toContain('QUEUED');
    expect(stored).toHaveLength(3);

    // A person holds the conversation now: the bot says nothing more.
    await customerSays(waId, { type: 'text', text: 'Alô?' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await received(waId)).toHaveLength(3);

    // The greeting and the menu went out together, as one step of the workflow's story.
    const history = await handle.fetchHistory();
    const sends = (history.events ?? []).flatMap((e) => (e.activityTaskScheduledEventAttributes ? [e.activityTaskScheduledEventAttributes] : []));
    expect(sends.map((a) => a.activityType?.name)).toEqual(['sendBotMessages', 'sendBotMessage']);
    const together = JSON.parse(Buffer.from(sends[0]!.input!.payloads![0]!.data!).toString('utf8')) as { messages: { preview: string }[] };
    expect(together.messages.map((m) => m.preview)).toEqual([visibleText(greeting[0]!), 'Com qual setor você quer falar?\n\n1. Comercial\n2. Financeiro']);

    // Determinism guard: today's workflow code replays the history it produced.
    await expect(replay(history)).resolves.toBeUndefined();
  });

  test('when the customer taps a button, then its option routes whatever the text', async () => {
    const waId = '5511922220002';
    await customerSays(waId, { type: 'text', text: 'Olá' });
    const [, menu] = await eventually(() => received(waId), (m) => m.length >= 2, 15_000);
    await customerSays(waId, { type: 'button_reply', button_reply: { id: menu!.content.interactive.action.buttons[0].reply.id }, context: { message_id: menu!.id } });
    const conversation = await eventually(() => conversationOf(waId), (c) => c.status === 'QUEUED', 15_000);
    expect(conversation.departmentId).toBe(company.departments.a);
  });

  test('when the answers keep being invalid, then the bot re-prompts and after three tries routes to the fallback department', async () => {
    const waId = '5511922220003';
    await customerSays(waId, { type: 'text', text: 'Olá' });
    await eventually(() => received(waId), (m) => m.length >= 2, 15_000);
    for (const answer of ['banana', 'não sei']) {
      const before = (await received(waId)).length;
      await customerSays(waId, { type: 'text', text: answer });
      await eventually(() => received(waId), (m) => m.length > before, 15_000);
    }
    const reprompts = (await received(waId)).slice(2).map(visibleText);
    expect(reprompts).toEqual(['Não entendi. Responda com o número ou o nome de uma das opções.', 'Não entendi. Responda com o número ou o nome de uma das opções.']);
    await customerSays(waId, { type: 'text', text: '???' });
    const conversation = await eventually(() => conversationOf(waId), (c) => c.status === 'QUEUED', 15_000);
    expect(conversation.departmentId).toBe(company.departments.b);
  });
});

describe('agents take and close conversations', () => {
  const queued = (waId: string) => rig.queued(waId);

  test('when two people accept at the same moment, then exactly one gets it and the other a 409 saying so', async () => {
    const conversation = await queued('5511922220004');
    const [supervisor, agent] = await Promise.all([login(api.url, company.users.supervisor.email), login(api.url, company.users.agentB.email)]);
    const inQueue = await agent.api.get(`/api/conversations?status=QUEUED&departmentId=${company.departments.b}`);
    expect(inQueue.body.items.map((c: { id: string }) => c.id)).toContain(conversation.id);
    expect(inQueue.body.items.find((c: { id: string }) => c.id === conversation.id).lastMessage.body).toMatch(/Financeiro/);

    const replies = await Promise.all([supervisor.api.post(`/api/conversations/${conversation.id}/accept`), agent.api.post(`/api/conversations/${conversation.id}/accept`)]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = replies.find((r) => r.status === 200)!;
    const loser = replies.find((r) => r.status === 409)!;
    expect(loser.body.error).toMatchObject({ code: 'CONFLICT', message: 'Outra pessoa já aceitou esta conversa' });
    expect(winner.body).toMatchObject({ status: 'ASSIGNED', unreadCount: 0 });
    expect([company.users.supervisor.id, company.users.agentB.id]).toContain(winner.body.assigneeId);
  });

  test('when a supervisor closes a conversation still talking to the bot, then it resolves at once and the bot stops', async () => {
    const waId = '5511922220008';
    await customerSays(waId, { type: 'text', text: 'Olá' });
    await eventually(() => received(waId), (m) => m.length >= 2, 15_000);
    const conversation = await conversationOf(waId);
    const supervisor = await login(api.url, company.users.supervisor.email);
    const closed = await supervisor.api.post(`/api/conversations/${conversation.id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('RESOLVED');
    await expect(api.temporal.workflow.getHandle(conversationWorkflowId(conversation.id)).result()).resolves.toMatchObject({ phase: 'RESOLVED' });
  });

  test('when the assigned agent replies, then the customer receives it once even if the request is retried; others and a closed window are refused with reasons', async () => {
    const waId = '5511922220009';
    const conversation = await queued(waId);
    const [agent, supervisor] = await Promise.all([login(api.url, company.users.agentB.email), login(api.url, company.users.supervisor.email)]);
    const early = await agent.api.post(`/api/conversations/${conversation.id}/messages`, { text: 'Oi!' });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe('Aceite a conversa antes de responder');
    expect((await supervisor.api.post(`/api/conversations/${conversation.id}/accept`)).status).toBe(200);
    expect((await agent.api.post(`/api/conversations/${conversation.id}/messages`, { text: 'Oi!' })).status).toBe(409);

    const clientMessageId = randomUUID();
    const first = await supervisor.api.post(`/api/conversations/${conversation.id}/messages`, { text: 'Olá, aqui é o Sérgio. Como posso ajudar?', clientMessageId });
    const retry = await supervisor.api.post(`/api/conversations/${conversation.id}/messages`, { text: 'Olá, aqui é o Sérgio. Como posso ajudar?', clientMessageId });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(first.body).toMatchObject({ id: clientMessageId, direction: 'OUTBOUND', senderUserId: company.users.supervisor.id, body: 'Olá, aqui é o Sérgio. Como posso ajudar?' });
    const texts = (await eventually(() => received(waId), (m) => m.some((x) => visibleText(x).startsWith('Olá, aqui é o Sérgio')), 15_000)).map(visibleText);
    expect(texts.filter((t) => t.startsWith('Olá, aqui é o Sérgio'))).toHaveLength(1);

    await testDb().conversation.update({ where: { id: conversation.id }, data: { lastInboundAt: new Date(Date.now() - 25 * 3_600_000) } });
    const late = await supervisor.api.post(`/api/conversations/${conversation.id}/messages`, { text: 'Ainda está aí?' });
    expect(late.status).toBe(422);
    expect(late.body.error).toMatchObject({ code: 'UNPROCESSABLE', details: { reason: 'WINDOW_CLOSED' } });
    expect((await supervisor.api.post(`/api/conversations/${conversation.id}/messages`, { text: '' })).status).toBe(400);
  });

  test('when the bot captured variables and the contact has tags and fields, then the conversation answers carry them as text', async () => {
    const conversation = await queued('5511922220010');
    await testDb().conversation.update({ where: { id: conversation.id }, data: { variables: { cpf: '12345678909', pedido: '' } } });
    // Custom fields are edited by hand and by imports: numbers and nested values must not break the panel.
    await testDb().contact.update({ where: { id: conversation.contactId }, data: { tags: ['atacado'], customFields: { plano: 'Ouro', pontos: 120, endereco: { cidade: 'Santos' } } } });
    const agent = await login(api.url, company.users.agentB.email);

    const one = await agent.api.get(`/api/conversations/${conversation.id}`);
    expect(one.status).toBe(200);
    expect(one.body.variables).toEqual({ cpf: '12345678909' });
    expect(one.body.contact).toMatchObject({ tags: ['atacado'], customFields: { plano: 'Ouro', pontos: '120' } });
    expect(one.body.contact.customFields).not.toHaveProperty('endereco');
    const listed = await agent.api.get(`/api/conversations?status=QUEUED&contactId=${conversation.contactId}`);
    expect(listed.body.items[0]).toMatchObject({ id: conversation.id, variables: { cpf: '12345678909' } });
  });

  test('when an agent of another department tries to accept, then the conversation does not exist for them', async () => {
    const conversation = await queued('5511922220005');
    const outsider = await login(api.url, company.users.agentA.email);
    expect((await outsider.api.post(`/api/conversations/${conversation.id}/accept`)).status).toBe(404);
    expect((await outsider.api.get(`/api/conversations/${conversation.id}/messages`)).status).toBe(404);
  });

  test('when the conversation is closed, then its workflow ends, a second close is a 409, and the customer’s next message starts a new conversation with the bot', async () => {
    const waId = '5511922220006';
    const conversation = await queued(waId);
    const agent = await login(api.url, company.users.agentB.email);
    expect((await agent.api.post(`/api/conversations/${conversation.id}/accept`)).status).toBe(200);
    const messages = await agent.api.get(`/api/conversations/${conversation.id}/messages?limit=2`);
    expect(messages.body.items).toHaveLength(2);
    expect(messages.body.nextCursor).toEqual(expect.any(String));

    const closed = await agent.api.post(`/api/conversations/${conversation.id}/close`);
    expect(closed.body.status).toBe('RESOLVED');
    await expect(api.temporal.workflow.getHandle(conversationWorkflowId(conversation.id)).result()).resolves.toMatchObject({ phase: 'RESOLVED' });
    expect((await agent.api.post(`/api/conversations/${conversation.id}/close`)).status).toBe(409);

    const before = (await received(waId)).length;
    await customerSays(waId, { type: 'text', text: 'Voltei!' });
    const again = await eventually(() => received(waId), (m) => m.length >= before + 2, 15_000);
    expect(visibleText(again[before]!)).toMatch(/^Olá, Joana Cliente!/);
    expect((await conversationOf(waId)).id).not.toBe(conversation.id);
  });
});

describe('the inbox hears the bot', () => {
  test('when the worker sends the bot’s messages and queues the conversation, then a supervisor’s socket receives them live', async () => {
    const supervisor = await login(api.url, company.users.supervisor.email);
    const socket = connectSocket(api.url, { auth: { token: supervisor.accessToken }, transports: ['websocket'] });
    const events: { type: string; body?: string; status?: string }[] = [];
    const live = new Map<string, string>();
    socket.on('message.new', (e: { message: { id: string; body: string; direction: string; createdAt: string } }) => {
      events.push({ type: `message.new:${e.message.direction}`, body: e.message.body });
      live.set(e.message.id, e.message.createdAt);
    });
    socket.on('conversation.updated', (e: { conversation: { status: string } }) => events.push({ type: 'conversation.updated', status: e.conversation.status }));
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      const waId = '5511922220007';
      await customerSays(waId, { type: 'text', text: 'Oi' });
      await eventually(() => received(waId), (m) => m.length >= 2, 15_000);
      await customerSays(waId, { type: 'text', text: '1' });
      await eventually(async () => events, (e) => e.some((x) => x.type === 'conversation.updated' && x.status === 'QUEUED'), 15_000);
      expect(events.filter((e) => e.type === 'message.new:INBOUND').map((e) => e.body)).toEqual(['Oi', '1']);
      expect(events.filter((e) => e.type === 'message.new:OUTBOUND').map((e) => e.body)).toEqual([
        expect.stringMatching(/^Olá, Joana Cliente!/),
        expect.stringMatching(/^Com qual setor você quer falar\?/),
        'Certo! Vou te encaminhar para o Comercial. Um atendente vai falar com você em instantes.',
      ]);
      // Live events and the REST history agree on when each message happened, in UTC: a browser in
      // São Paulo must not read the live copy as local time.
      const stored = await testDb().message.findMany({ where: { id: { in: [...live.keys()] } }, select: { id: true, createdAt: true } });
      expect(stored).toHaveLength(5);
      for (const m of stored) expect(live.get(m.id)).toBe(m.createdAt.toISOString());
    } finally {
      socket.close();
    }
  });
});
