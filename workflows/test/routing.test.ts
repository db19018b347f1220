import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, onTestFinished as onTeardown, test } from 'vitest';
import { weekdays } from '../../api/departments/schemas';
import { eventually, login, testDb } from '../../test/harness';
import { recordHistory, replay } from '../../test/replay';
import { agentAvailableSignal, conversationStateQuery, conversationWorkflowId } from '../conversation';
import { startConversationRig, visibleText, type ConversationRig } from '../../test/conversationRig';

// Durations are configured in minutes; this rig's worker makes a minute last a second, so a queue
// timeout, an escalation or an inactivity close happens within the test.
const MINUTE_MS = 1000;

let rig: ConversationRig;
let sockets: Socket[] = [];

beforeAll(async () => {
  rig = await startConversationRig({ label: 'Roteamento', phoneNumberId: '100000000000078', minuteMs: MINUTE_MS });
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await rig?.stop();
});

const db = () => testDb();
const departments = () => rig.company.departments;
const users = () => rig.company.users;

async function setDepartment(id: string, data: Parameters<ReturnType<typeof testDb>['department']['update']>[0]['data']) {
  await db().department.update({ where: { id }, data });
}
async function setSettings(settings: Record<string, unknown>) {
  const admin = await login(rig.api.url, users().admin.email);
  const reply = await admin.api.patch('/api/company/settings', settings);
  expect(reply.status).toBe(200);
}
async function presence(email: string, status: 'ONLINE' | 'AWAY' | 'OFFLINE') {
  const session = await login(rig.api.url, email);
  expect((await session.api.put('/api/users/me/status', { status })).status).toBe(200);
  return session;
}
async function listen(accessToken: string, events: string[]) {
  const socket = connectSocket(rig.api.url, { auth: { token: accessToken }, transports: ['websocket'] });
  sockets.push(socket);
  const heard: { type: string; payload: any }[] = [];
  for (const type of events) socket.on(type, (payload: unknown) => heard.push({ type, payload }));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return heard;
}
const timeline = async (conversationId: string) =>
  (await db().message.findMany({ where: { conversationId, type: 'event' }, orderBy: { createdAt: 'asc' } })).map((m) => m.body);
const stateOf = (conversationId: string) => rig.api.temporal.workflow.getHandle(conversationWorkflowId(conversationId)).query(conversationStateQuery);

describe('a conversation from first contact to the returning customer', () => {
  test('when nobody accepts in time, then supervisors hear of it and it moves to the escalation department; accept, reply, transfer, close; back later, the customer is offered the same department and its agent', async () => {
    const { agentA, agentB, supervisor } = users();
    await setDepartment(departments().b, { responseTimeoutMinutes: 2, escalationDepartmentId: departments().a, maxEscalations: 1 });
    onTeardown(() => setDepartment(departments().b, { responseTimeoutMinutes: 10, escalationDepartmentId: null }));
    await setDepartment(departments().a, { responseTimeoutMinutes: 30 });
    const boss = await login(rig.api.url, supervisor.email);
    const heard = await listen(boss.accessToken, ['conversation.escalated', 'conversation.transferred', 'conversation.assigned']);

    const waId = '5511933330001';
    const conversation = await rig.queued(waId, 'financeiro');
    expect(conversation).toMatchObject({ status: 'QUEUED', departmentId: departments().b, flowState: 'DEPARTMENT_SELECTED' });
    expect(conversation.timeoutAt!.getTime() - conversation.queuedAt!.getTime()).toBe(2 * MINUTE_MS);

    const escalated = await eventually(() => rig.conversationOf(waId), (c) => c.departmentId === departments().a, 15_000);
    expect(escalated).toMatchObject({ status: 'QUEUED', escalations: 1 });
    expect(heard.find((e) => e.type === 'conversation.escalated')?.payload.conversation).toMatchObject({ id: conversation.id, escalations: 1 });
    expect(await timeline(conversation.id)).toEqual(['Sem resposta em 2 min na fila de Financeiro: supervisores avisados', 'Ninguém aceitou a tempo: encaminhada para Comercial']);

    const ana = await login(rig.api.url, agentA.email);
    const accepted = await ana.api.post(`/api/conversations/${conversation.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'ASSIGNED', assigneeId: agentA.id, departmentId: departments().a, timeoutAt: null });
    expect((await ana.api.post(`/api/conversations/${conversation.id}/messages`, { text: 'Olá! Sou do Comercial.' })).status).toBe(201);
    await eventually(() => rig.received(waId), (m) => m.some((x) => visibleText(x) === 'Olá! Sou do Comercial.'), 15_000);

    const transferred = await ana.api.post(`/api/conversations/${conversation.id}/transfer`, { departmentId: departments().b, note: 'Cliente quer segunda via do boleto' });
    expect(transferred.status).toBe(200);
    expect(transferred.body).toMatchObject({ status: 'QUEUED', departmentId: departments().b, assigneeId: null });
    expect(heard.some((e) => e.type === 'conversation.transferred' && e.payload.conversation.id === conversation.id)).toBe(true);
    // It left Ana's departments: for her it no longer exists, so she cannot write to the customer.
    expect((await ana.api.post(`/api/conversations/${conversation.id}/messages`, { text: 'Mais uma coisa' })).status).toBe(404);

    const bruno = await presence(agentB.email, 'ONLINE');
    expect((await bruno.api.post(`/api/conversations/${conversation.id}/accept`)).status).toBe(200);
    expect((await bruno.api.post(`/api/conversations/${conversation.id}/close`)).body).toMatchObject({ status: 'RESOLVED', flowState: 'RESOLVED' });

    const history = await boss.api.get(`/api/conversations/${conversation.id}/assignments`);
    expect(history.body.items.map((a: any) => [a.reason, a.departmentId, a.agentId, a.endedAt !== null])).toEqual([
      ['ROUTED', departments().b, null, true],
      ['ESCALATED', departments().a, null, true],
      ['ACCEPTED', departments().a, agentA.id, true],
      ['TRANSFERRED', departments().b, null, true],
      ['ACCEPTED', departments().b, agentB.id, true],
    ]);
    expect(history.body.items[3]).toMatchObject({ byUserId: agentA.id, note: 'Cliente quer segunda via do boleto' });
    expect((await timeline(conversation.id)).slice(2)).toEqual([
      `${agentA.name} transferiu para Financeiro: “Cliente quer segunda via do boleto”`,
      `${agentB.name} encerrou a conversa`,
    ]);
    const firstHistory = await rig.api.temporal.workflow.getHandle(conversationWorkflowId(conversation.id)).fetchHistory();
    await expect(replay(firstHistory)).resolves.toBeUndefined();
    await recordHistory('conversation-escalated-transferred-closed', conversationWorkflowId(conversation.id));

    // A week later (for the offer, any time within 30 days) the customer writes again.
    const before = (await rig.received(waId)).length;
    await rig.customerSays(waId, { type: 'text', text: 'Oi de novo' });
    const offer = (await eventually(() => rig.received(waId), (m) => m.length > before, 15_000))[before]!;
    expect(visibleText(offer)).toBe('Olá, Joana Cliente! Você foi atendido pelo Financeiro. Deseja retornar?');
    expect(offer.content.interactive.action.buttons.map((b: any) => b.reply.title)).toEqual(['Sim, retornar', 'Não, ver o menu']);
    const second = await eventually(() => rig.conversationOf(waId), (c) => c.flowState !== 'GREETING');
    expect(second).toMatchObject({ flowState: 'AWAITING_ROUTING_CONFIRMATION', lastDepartmentId: departments().b, lastAttendantId: agentB.id });
    const [closedBefore, storedSecond] = await Promise.all([conversation.id, second.id].map((id) => db().conversation.findUniqueOrThrow({ where: { id } })));
    expect(storedSecond!.lastAttendedAt?.toISOString()).toBe(closedBefore!.closedAt!.toISOString());

    await rig.customerSays(waId, { type: 'text', text: 'sim' });
    // Bruno is ONLINE with room: he gets his customer back without going through the queue.
    const back = await eventually(() => rig.conversationOf(waId), (c) => c.status === 'ASSIGNED', 15_000);
    expect(back).toMatchObject({ id: second.id, departmentId: departments().b, assigneeId: agentB.id });
    expect(visibleText((await rig.received(waId)).at(-1)!)).toBe('Certo! Vou te encaminhar de volta para o Financeiro.');
    expect((await bruno.api.post(`/api/conversations/${second.id}/close`)).status).toBe(200);
    await recordHistory('conversation-returning-customer', conversationWorkflowId(second.id));
    await presence(agentB.email, 'OFFLINE');
  });

  test('when a returning customer says no, then the usual greeting and menu follow', async () => {
    const waId = '5511933330002';
    const first = await rig.queued(waId, 'comercial');
    const supervisor = await login(rig.api.url, users().supervisor.email);
    expect((await supervisor.api.post(`/api/conversations/${first.id}/close`)).status).toBe(200);
    await rig.customerSays(waId, { type: 'text', text: 'Olá' });
    await eventually(() => rig.conversationOf(waId), (c) => c.id !== first.id && c.flowState === 'AWAITING_ROUTING_CONFIRMATION', 15_000);
    const before = (await rig.received(waId)).length;
    await rig.customerSays(waId, { type: 'text', text: 'Não' });
    const next = await eventually(() => rig.received(waId), (m) => m.length >= before + 2, 15_000);
    expect(visibleText(next[before]!)).toMatch(/^Olá, Joana Cliente! Bem-vindo\(a\)/);
    expect(visibleText(next[before + 1]!)).toBe('Com qual setor você quer falar?');
  });
});

describe('automatic assignment', () => {
  test('when a queue has escalated as often as its department allows and its run continues as new, then it does not escalate again', async () => {
    await setDepartment(departments().b, { responseTimeoutMinutes: 1, escalationDepartmentId: null, maxEscalations: 1 });
    onTeardown(() => setDepartment(departments().b, { responseTimeoutMinutes: 10 }));
    const waId = '5511933330009';
    const conversation = await rig.queued(waId, 'financeiro');
    await eventually(() => rig.conversationOf(waId), (c) => c.escalations === 1 && c.timeoutAt === null, 15_000);
    const handle = rig.api.temporal.workflow.getHandle(conversationWorkflowId(conversation.id));
    const firstRun = (await handle.describe()).runId;

    // Each "an agent is free" adds a signal and a workflow task to the history (a manual queue has
    // nobody to assign), until the run continues as new; then the next run is left alone.
    for (let sent = 0; (await handle.describe()).runId === firstRun; sent++) {
      expect(sent).toBeLessThan(inject('continueAsNewSuggestedAt'));
      await handle.signal(agentAvailableSignal);
    }
    await new Promise((resolve) => setTimeout(resolve, 3 * MINUTE_MS));
    expect(await rig.conversationOf(waId)).toMatchObject({ status: 'QUEUED', departmentId: departments().b, escalations: 1, timeoutAt: null });
    expect(await timeline(conversation.id)).toEqual(['Sem resposta em 1 min na fila de Financeiro: supervisores avisados']);
    expect((await stateOf(conversation.id)).escalations).toBe(1);
    const next = await handle.fetchHistory();
    expect(next.events!.filter((e) => e.timerStartedEventAttributes)).toEqual([]);
  });

  test('when the department assigns round-robin, then a conversation waits while nobody is online, goes to the agent who comes online, and the next waits for a free slot', async () => {
    const { agentA } = users();
    await setDepartment(departments().a, { assignmentStrategy: 'ROUND_ROBIN', responseTimeoutMinutes: 60 });
    await db().user.update({ where: { id: agentA.id }, data: { maxConcurrentChats: 1, status: 'OFFLINE' } });
    try {
      const first = await rig.queued('5511933330011', 'comercial');
      expect(first.status).toBe('QUEUED');
      const ana = await presence(agentA.email, 'ONLINE');
      await eventually(() => rig.conversationOf('5511933330011'), (c) => c.status === 'ASSIGNED' && c.assigneeId === agentA.id, 15_000);

      const second = await rig.queued('5511933330012', 'comercial');
      await new Promise((r) => setTimeout(r, 500));
      expect((await rig.conversationOf('5511933330012')).status).toBe('QUEUED');
      const queue = await ana.api.get(`/api/departments/${departments().a}/queue`);
      expect(queue.body.items.map((c: any) => c.id)).toEqual([second.id]);
      expect(queue.body.items[0].waitingSeconds).toBeGreaterThanOrEqual(0);

      expect((await ana.api.post(`/api/conversations/${first.id}/close`)).status).toBe(200);
      const given = await eventually(() => rig.conversationOf('5511933330012'), (c) => c.status === 'ASSIGNED', 15_000);
      expect(given.assigneeId).toBe(agentA.id);
      const history = await db().assignment.findMany({ where: { conversationId: second.id }, orderBy: { startedAt: 'asc' } });
      expect(history.map((a) => a.reason)).toEqual(['ROUTED', 'AUTO']);
    } finally {
      await setDepartment(departments().a, { assignmentStrategy: 'MANUAL' });
      await presence(agentA.email, 'OFFLINE');
    }
  });
});

describe('time rules', () => {
  test('when the department is closed, then the customer is told so once and the queue timer starts at opening time', async () => {
    const saoPaulo = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Sao_Paulo', weekday: 'short' }).format(new Date());
    const today = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(saoPaulo);
    const openDay = weekdays[(today + 3) % 7]!;
    await setDepartment(departments().b, { responseTimeoutMinutes: 5, escalationDepartmentId: null, businessHours: { timezone: 'America/Sao_Paulo', days: { [openDay]: [{ start: '09:00', end: '10:00' }] } } });
    try {
      const waId = '5511933330021';
      const conversation = await rig.queued(waId, 'financeiro');
      const texts = (await eventually(() => rig.received(waId), (m) => m.length >= 4, 15_000)).map(visibleText);
      expect(texts.at(-1)).toBe('Estamos fora do horário de atendimento. Sua mensagem ficou na fila e responderemos assim que abrirmos.');
      const stored = await rig.conversationOf(waId);
      expect(stored.status).toBe('QUEUED');
      // Opening is days away; the timeout counts from then, so no escalation comes now.
      expect(stored.timeoutAt!.getTime() - Date.now()).toBeGreaterThan(24 * 3_600_000);
      await rig.customerSays(waId, { type: 'text', text: 'Alguém?' });
      await new Promise((r) => setTimeout(r, 1000));
      expect((await rig.received(waId)).length).toBe(texts.length);
      expect((await stateOf(conversation.id)).escalations).toBe(0);
    } finally {
      await setDepartment(departments().b, { businessHours: {} });
    }
  });

  test('when an attended conversation goes quiet for the company’s inactivity time, then the customer is told and it closes', async () => {
    await setSettings({ inactivityCloseMinutes: 3 });
    try {
      const waId = '5511933330031';
      const conversation = await rig.queued(waId, 'comercial');
      const ana = await login(rig.api.url, users().agentA.email);
      expect((await ana.api.post(`/api/conversations/${conversation.id}/accept`)).status).toBe(200);
      // Messages restart the clock: one second in, the customer writes again.
      await new Promise((r) => setTimeout(r, 1500));
      await rig.customerSays(waId, { type: 'text', text: 'Ainda estou aqui' });
      await new Promise((r) => setTimeout(r, 2000));
      expect((await rig.conversationOf(waId)).status).toBe('ASSIGNED');
      const closed = await eventually(() => rig.conversationOf(waId), (c) => c.status === 'RESOLVED', 15_000);
      expect(closed.closedAt).not.toBeNull();
      expect(visibleText((await rig.received(waId)).at(-1)!)).toBe('Como não tivemos retorno, encerramos este atendimento. Se precisar, é só mandar uma nova mensagem!');
      expect(await timeline(conversation.id)).toEqual(['Encerrada por falta de interação']);
      // The bot heard the greeting and the menu answer; the message to the attended conversation was
      // stored without waking the workflow, and its clock still restarted from it.
      const history = await rig.api.temporal.workflow.getHandle(conversationWorkflowId(conversation.id)).fetchHistory();
      expect(history.events!.filter((e) => e.workflowExecutionSignaledEventAttributes)).toHaveLength(2);
      const inbound = await db().message.findMany({ where: { conversationId: conversation.id, direction: 'INBOUND' }, orderBy: { createdAt: 'asc' }, select: { body: true } });
      expect(inbound.map((m) => m.body)).toEqual(['Olá', 'comercial', 'Ainda estou aqui']);
    } finally {
      await setSettings({ inactivityCloseMinutes: 0 });
    }
  });
});

describe('agent actions', () => {
  test('when the company signs agents’ messages, then the customer reads "*Name - Department*:" above the text, and the inbox shows the text alone', async () => {
    await setSettings({ agentMessagePrefix: true });
    try {
      const waId = '5511933330041';
      const conversation = await rig.queued(waId, 'comercial');
      const ana = await login(rig.api.url, users().agentA.email);
      await ana.api.post(`/api/conversations/${conversation.id}/accept`);
      const sent = await ana.api.post(`/api/conversations/${conversation.id}/messages`, { text: 'Bom dia!' });
      expect(sent.body.body).toBe('Bom dia!');
      const last = await eventually(() => rig.received(waId), (m) => visibleText(m.at(-1)!).endsWith('Bom dia!'), 15_000);
      expect(visibleText(last.at(-1)!)).toBe(`*${users().agentA.name} - Comercial*:\nBom dia!`);
      expect((await rig.conversationOf(waId)).firstResponseAt).not.toBeNull();
    } finally {
      await setSettings({ agentMessagePrefix: false });
    }
  });

  test('when a closed conversation is reopened, then it is the agent’s again; not twice, and not while the customer has another one open', async () => {
    const waId = '5511933330051';
    const conversation = await rig.queued(waId, 'comercial');
    const ana = await login(rig.api.url, users().agentA.email);
    await ana.api.post(`/api/conversations/${conversation.id}/accept`);
    await ana.api.post(`/api/conversations/${conversation.id}/close`);
    await rig.api.temporal.workflow.getHandle(conversationWorkflowId(conversation.id)).result();

    const reopened = await ana.api.post(`/api/conversations/${conversation.id}/reopen`);
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'ASSIGNED', assigneeId: users().agentA.id, closedAt: null });
    expect(await stateOf(conversation.id)).toMatchObject({ phase: 'ASSIGNED', assigneeId: users().agentA.id });
    expect((await ana.api.post(`/api/conversations/${conversation.id}/reopen`)).body.error).toMatchObject({ code: 'CONFLICT', message: 'Só uma conversa encerrada pode ser reaberta' });
    expect((await ana.api.post(`/api/conversations/${conversation.id}/messages`, { text: 'Voltei a falar com você' })).status).toBe(201);
    expect((await ana.api.post(`/api/conversations/${conversation.id}/close`)).status).toBe(200);

    // Meanwhile the customer started a new conversation: the old one stays closed.
    await rig.customerSays(waId, { type: 'text', text: 'Oi' });
    await eventually(() => rig.conversationOf(waId), (c) => c.id !== conversation.id, 15_000);
    await rig.api.temporal.workflow.getHandle(conversationWorkflowId(conversation.id)).result();
    const refused = await ana.api.post(`/api/conversations/${conversation.id}/reopen`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('O cliente já tem outra conversa aberta: continue por ela');
    expect((await db().conversation.findUniqueOrThrow({ where: { id: conversation.id } })).status).toBe('RESOLVED');
  });

  test('when a transfer names nothing, an unknown department or an agent outside it, then it is refused with the reason and nothing moves', async () => {
    const conversation = await rig.queued('5511933330061', 'comercial');
    const boss = await login(rig.api.url, users().supervisor.email);
    const url = `/api/conversations/${conversation.id}/transfer`;
    expect((await boss.api.post(url, {})).body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await boss.api.post(url, { departmentId: '00000000-0000-4000-8000-000000000000' })).body.error).toMatchObject({ code: 'UNPROCESSABLE', message: 'Departamento não encontrado ou inativo' });
    expect((await boss.api.post(url, { agentId: users().agentB.id })).body.error).toMatchObject({ code: 'UNPROCESSABLE', message: 'Este atendente não faz parte do departamento' });
    expect((await boss.api.post(url, { departmentId: departments().a })).body.error).toMatchObject({ code: 'CONFLICT', message: 'A conversa já está aí' });
    expect(await rig.conversationOf('5511933330061')).toMatchObject({ status: 'QUEUED', departmentId: departments().a });

    const toAgent = await boss.api.post(url, { agentId: users().agentB.id, departmentId: departments().b, note: 'Assunto de boleto' });
    expect(toAgent.body).toMatchObject({ status: 'ASSIGNED', assigneeId: users().agentB.id, departmentId: departments().b });
    const viewer = await login(rig.api.url, users().viewer.email);
    expect((await viewer.api.post(url, { departmentId: departments().a })).status).toBe(403);
  });

  test('when an agent attaches a file, then the customer receives it as an image with its caption; a type WhatsApp refuses is named before upload', async () => {
    const waId = '5511933330091';
    const conversation = await rig.queued(waId, 'comercial');
    const ana = await login(rig.api.url, users().agentA.email);
    await ana.api.post(`/api/conversations/${conversation.id}/accept`);
    const upload = (body: Buffer, type: string, name: string) =>
      fetch(`${rig.api.url}/api/media`, { method: 'POST', headers: { authorization: `Bearer ${ana.accessToken}`, 'content-type': type, 'x-file-name': encodeURIComponent(name) }, body: new Uint8Array(body) });

    const refused = await upload(Buffer.from('MZ'), 'application/x-msdownload', 'programa.exe');
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as any).error.message).toBe('O WhatsApp não aceita arquivos do tipo application/x-msdownload');

    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4b00000000049454e44ae426082', 'hex');
    const uploaded = await upload(png, 'image/png', 'orçamento.png');
    expect(uploaded.status).toBe(201);
    const file = (await uploaded.json()) as { id: string; fileName: string; sizeBytes: number };
    expect(file).toMatchObject({ fileName: 'orçamento.png', sizeBytes: png.length });

    const sent = await ana.api.post(`/api/conversations/${conversation.id}/messages`, { text: 'Segue o orçamento', mediaId: file.id });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ type: 'image', body: 'Segue o orçamento', media: { id: file.id, mimeType: 'image/png' } });
    const image = (await eventually(() => rig.received(waId), (m) => m.some((x) => x.type === 'image'), 15_000)).find((x) => x.type === 'image')!;
    expect(image.content.image).toMatchObject({ caption: 'Segue o orçamento', id: expect.any(String) });
    expect((await ana.api.post(`/api/conversations/${conversation.id}/messages`, { mediaId: '00000000-0000-4000-8000-000000000000' })).body.error.message).toBe('Arquivo não encontrado: envie-o de novo');
  });

  test('when an agent types, then the others looking at the conversation see who is typing', async () => {
    const conversation = await rig.queued('5511933330071', 'comercial');
    const boss = await login(rig.api.url, users().supervisor.email);
    const heard = await listen(boss.accessToken, ['typing']);
    const ana = await login(rig.api.url, users().agentA.email);
    expect((await ana.api.post(`/api/conversations/${conversation.id}/typing`)).status).toBe(204);
    const [typing] = await eventually(async () => heard, (h) => h.length > 0);
    expect(typing!.payload).toEqual({ conversationId: conversation.id, userId: users().agentA.id, name: users().agentA.name });
  });
});

describe('what the inbox needs around a conversation', () => {
  test('when agents look up colleagues, departments, a customer’s media and earlier conversations, then they get them within their company and departments', async () => {
    const conversation = await rig.queued('5511933330081', 'comercial');
    const ana = await login(rig.api.url, users().agentA.email);
    const bruno = await login(rig.api.url, users().agentB.email);

    const people = await ana.api.get('/api/users/directory');
    expect(people.status).toBe(200);
    expect(people.body.items.find((u: any) => u.id === users().agentB.id)).toEqual({
      id: users().agentB.id,
      name: users().agentB.name,
      role: 'AGENT',
      status: expect.any(String),
      active: true,
      maxConcurrentChats: expect.any(Number),
      departmentIds: [departments().b],
      openConversations: expect.any(Number),
    });
    expect(JSON.stringify(people.body)).not.toContain('@');
    const targets = await ana.api.get('/api/departments/directory');
    expect(targets.body.items.map((d: any) => d.id).sort()).toEqual([departments().a, departments().b].sort());

    const bytes = Buffer.from('fake-png-bytes');
    const key = `test/${conversation.id}.png`;
    await (await import('../../api/media/storage')).createLocalMediaStorage(rig.api.config.MEDIA_DIR).put(key, bytes);
    const media = await db().media.create({ data: { companyId: rig.company.companyId, storageKey: key, mimeType: 'image/png', sizeBytes: bytes.length, sha256: 'x', fileName: 'foto.png' } });
    await db().message.create({ data: { companyId: rig.company.companyId, conversationId: conversation.id, numberId: conversation.numberId, direction: 'INBOUND', type: 'image', status: 'RECEIVED', mediaId: media.id } });
    const file = await fetch(`${rig.api.url}/api/media/${media.id}`, { headers: { authorization: `Bearer ${ana.accessToken}` } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await file.arrayBuffer())).toEqual(bytes);
    expect((await fetch(`${rig.api.url}/api/media/${media.id}`, { headers: { authorization: `Bearer ${bruno.accessToken}` } })).status).toBe(404);

    await db().conversation.update({ where: { id: conversation.id }, data: { unreadCount: 3 } });
    expect((await ana.api.post(`/api/conversations/${conversation.id}/read`)).body.unreadCount).toBe(0);
    const earlier = await ana.api.get(`/api/conversations?contactId=${conversation.contactId}`);
    expect(earlier.body.items.map((c: any) => c.id)).toEqual([conversation.id]);
    const started = conversation.createdAt.toISOString();
    expect((await ana.api.get(`/api/conversations?contactId=${conversation.contactId}&from=${started}`)).body.items).toHaveLength(1);
    expect((await ana.api.get(`/api/conversations?contactId=${conversation.contactId}&to=2020-01-01`)).body.items).toHaveLength(0);
    expect((await ana.api.get('/api/conversations?from=ontem')).body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('published flows', () => {
  test('when version 2 is published while a customer is in version 1, then that customer finishes on version 1 and new customers get version 2', async () => {
    onTeardown(() => db().flow.deleteMany({ where: { companyId: rig.company.companyId } }).then(() => undefined));
    const admin = await login(rig.api.url, users().admin.email);
    const flow = (await admin.api.post('/api/flows', { name: 'Atendimento', isDefault: true })).body;
    const routeA = flow.draft.nodes.find((n: any) => n.type === 'route' && n.config.departmentId === departments().a);
    flow.draft.nodes[1].config.text = 'Versão 1: olá, {{contact.name}}!';
    routeA.config.text = 'Versão 1: encaminhando ao Comercial.';
    await admin.api.patch(`/api/flows/${flow.id}`, { draft: flow.draft });
    const v1 = (await admin.api.post(`/api/flows/${flow.id}/publish`, {})).body;

    const first = '5511933330101';
    await rig.customerSays(first, { type: 'text', text: 'Oi' });
    expect(visibleText((await eventually(() => rig.received(first), (m) => m.length >= 2, 15_000))[0]!)).toBe('Versão 1: olá, Joana Cliente!');

    flow.draft.nodes[1].config.text = 'Versão 2: bem-vindo!';
    routeA.config.text = 'Versão 2: Comercial já vai te atender.';
    await admin.api.patch(`/api/flows/${flow.id}`, { draft: flow.draft });
    expect((await admin.api.post(`/api/flows/${flow.id}/publish`, {})).body.version).toBe(2);

    await rig.customerSays(first, { type: 'text', text: 'comercial' });
    expect(visibleText((await eventually(() => rig.received(first), (m) => m.length >= 3, 15_000))[2]!)).toBe('Versão 1: encaminhando ao Comercial.');
    expect((await rig.conversationOf(first)).flowVersionId).toBe(v1.id);

    const second = '5511933330102';
    await rig.customerSays(second, { type: 'text', text: 'Oi' });
    expect(visibleText((await eventually(() => rig.received(second), (m) => m.length >= 2, 15_000))[0]!)).toBe('Versão 2: bem-vindo!');

    // A number given a flow that was never published answers with the company's default meanwhile.
    const number = await db().whatsAppNumber.findUniqueOrThrow({ where: { phoneNumberId: rig.phoneNumberId } });
    onTeardown(() => db().whatsAppNumber.update({ where: { id: number.id }, data: { flowId: null } }).then(() => undefined));
    const unpublished = (await admin.api.post('/api/flows', { name: 'Vendas (rascunho)' })).body;
    expect((await admin.api.put(`/api/whatsapp-numbers/${number.id}/flow`, { flowId: unpublished.id })).status).toBe(200);
    const third = '5511933330103';
    await rig.customerSays(third, { type: 'text', text: 'Oi' });
    expect(visibleText((await eventually(() => rig.received(third), (m) => m.length >= 2, 15_000))[0]!)).toBe('Versão 2: bem-vindo!');
  });
});

describe('presence follows the open tabs', () => {
  test('when an OFFLINE agent opens the inbox, then they are ONLINE and waiting conversations of an automatic department come to them; when the last tab is gone, they are OFFLINE again', async () => {
    const { agentB } = users();
    await setDepartment(departments().b, { assignmentStrategy: 'LEAST_BUSY' });
    onTeardown(() => setDepartment(departments().b, { assignmentStrategy: 'MANUAL' }));
    await presence(agentB.email, 'OFFLINE');
    const waiting = await rig.queued('5511933330111', 'financeiro');
    expect(waiting.status).toBe('QUEUED');

    const bruno = await login(rig.api.url, agentB.email);
    const boss = await login(rig.api.url, users().supervisor.email);
    const heard = await listen(boss.accessToken, ['presence.updated']);
    const socket = connectSocket(rig.api.url, { auth: { token: bruno.accessToken }, transports: ['websocket'] });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    await eventually(() => db().user.findUniqueOrThrow({ where: { id: agentB.id } }), (u) => u.status === 'ONLINE');
    await eventually(() => rig.conversationOf('5511933330111'), (c) => c.status === 'ASSIGNED' && c.assigneeId === agentB.id, 15_000);
    expect(heard.map((e) => e.payload)).toContainEqual({ conversationId: null, userId: agentB.id, status: 'ONLINE' });

    socket.close();
    // The grace period (PRESENCE_OFFLINE_GRACE_MS, shortened for this rig) passes without a tab.
    await eventually(() => db().user.findUniqueOrThrow({ where: { id: agentB.id } }), (u) => u.status === 'OFFLINE', 10_000);
    await eventually(async () => heard, (h) => h.some((e) => e.payload.status === 'OFFLINE'));
  });
});
