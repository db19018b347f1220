import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startConversationRig, visibleText, type ConversationRig } from '../../test/conversationRig';
import { createCompanyFixture, eventually, login, startTestApi, testDb, type CompanyFixture } from '../../test/harness';
import { testCustomerWaId } from './testCustomer';

type Session = Awaited<ReturnType<typeof login>>;
type Draft = { nodes: Array<{ id: string; type: string; position: { x: number; y: number }; config: Record<string, any> }>; edges: Array<{ id: string; source: string; sourceHandle?: string; target: string }> };

// The real path: the test customer writes on the sandbox, the worker runs the draft snapshot.
let rig: ConversationRig;
let other: CompanyFixture;
let admin: Session;
let agent: Session;
let outsider: Session;

beforeAll(async () => {
  [rig, other] = await Promise.all([startConversationRig({ label: 'Simulador', phoneNumberId: '100000000000091' }), createCompanyFixture('Alheia')]);
  [admin, agent, outsider] = await Promise.all([login(rig.api.url, rig.company.users.admin.email), login(rig.api.url, rig.company.users.agentA.email), login(rig.api.url, other.users.admin.email)]);
});
afterAll(() => rig?.stop());

const texts = async (waId: string) => (await rig.received(waId)).map(visibleText);
const simulationOf = (flowId: string, simulationId: string, as = admin) => as.api.get(`/api/flows/${flowId}/simulations/${simulationId}`);

/** The department menu a new flow starts with, plus a question between the first option and its route. */
function withQuestion(draft: Draft, greeting: string): Draft {
  const menu = draft.nodes.find((n) => n.type === 'menu')!;
  const option = menu.config.options[0].id as string;
  const toRoute = draft.edges.find((e) => e.source === 'menu' && e.sourceHandle === option)!;
  const fallback = draft.edges.find((e) => e.sourceHandle === 'invalid')!.target;
  return {
    nodes: [
      ...draft.nodes.map((n) => (n.id === 'greeting' ? { ...n, config: { text: greeting } } : n)),
      { id: 'ask-name', type: 'question', position: { x: 0, y: 600 }, config: { text: 'Qual é o seu nome completo?', variable: 'nome', kind: 'text' } },
    ],
    edges: [
      ...draft.edges.map((e) => (e === toRoute ? { ...e, target: 'ask-name' } : e)),
      { id: 'e-ask', source: 'ask-name', target: toRoute.target },
      { id: 'e-ask-invalid', source: 'ask-name', sourceHandle: 'invalid', target: fallback },
    ],
  };
}

describe('the flow simulator', () => {
  test('when the draft is broken, then starting a simulation is refused with every problem and nothing is stored', async () => {
    const flow = (await admin.api.post('/api/flows', { name: 'Rascunho quebrado' })).body;
    flow.draft.nodes.find((n: { type: string }) => n.type === 'menu').config.options = [];
    await admin.api.patch(`/api/flows/${flow.id}`, { draft: flow.draft });

    const refused = await admin.api.post(`/api/flows/${flow.id}/simulations`);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'UNPROCESSABLE', message: expect.stringContaining('antes de testar') });
    expect(refused.body.error.details.problems).toContainEqual(expect.objectContaining({ nodeId: 'menu', code: 'invalid_config' }));
    expect(await testDb().flowSimulation.count({ where: { flowId: flow.id } })).toBe(0);
  });

  test('when a simulation starts, then the test customer’s open conversation closes, their next message runs the draft (not the published version), and the simulation reports the block, path and variables', async () => {
    const flow = (await admin.api.post('/api/flows', { name: 'Atendimento', isDefault: true })).body;
    expect((await admin.api.post(`/api/flows/${flow.id}/publish`, {})).status).toBe(201);
    const waId = testCustomerWaId(rig.company.users.admin.id);
    expect(waId).toMatch(/^5599\d{9}$/);

    // Before the simulation the same customer meets the published version, and stays in its menu.
    await rig.customerSays(waId, { type: 'text', text: 'Olá' });
    await eventually(() => texts(waId), (t) => t.some((x) => x.startsWith('Olá, Joana Cliente! Bem-vindo(a)')), 15_000);
    const published = await rig.conversationOf(waId);
    expect(published.simulationId).toBeNull();

    await admin.api.patch(`/api/flows/${flow.id}`, { draft: withQuestion(flow.draft, 'Oi! Esta é a versão de teste.') });
    const started = await admin.api.post(`/api/flows/${flow.id}/simulations`);
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ simulationId: expect.any(String), waId, phoneNumber: { phoneNumberId: rig.phoneNumberId, displayPhoneNumber: '+55 11 4000-0077' } });
    const { simulationId } = started.body;
    expect((await testDb().conversation.findUniqueOrThrow({ where: { id: published.id } })).status).toBe('RESOLVED');
    expect((await simulationOf(flow.id, simulationId)).body).toMatchObject({ simulationId, conversationId: null, nodeId: null, path: [] });

    const before = (await rig.received(waId)).length;
    await rig.customerSays(waId, { type: 'text', text: 'Oi de novo' });
    await eventually(() => texts(waId), (t) => t.slice(before).includes('Com qual setor você quer falar?'), 15_000);
    expect((await texts(waId)).slice(before)[0]).toBe('Oi! Esta é a versão de teste.');

    const atMenu = await eventually(() => simulationOf(flow.id, simulationId), (r) => r.body.nodeId === 'menu', 10_000);
    expect(atMenu.body).toMatchObject({ status: 'BOT', phase: 'AWAITING_MENU', nodeId: 'menu', path: ['start', 'greeting', 'menu'], variables: {} });
    const conversationId = atMenu.body.conversationId as string;
    expect(conversationId).not.toBe(published.id);
    expect((await testDb().conversation.findUniqueOrThrow({ where: { id: conversationId } })).simulationId).toBe(simulationId);

    await rig.customerSays(waId, { type: 'text', text: 'Comercial' });
    await eventually(() => simulationOf(flow.id, simulationId), (r) => r.body.nodeId === 'ask-name', 10_000);
    await rig.customerSays(waId, { type: 'text', text: 'Joana da Silva' });
    const routed = await eventually(() => simulationOf(flow.id, simulationId), (r) => r.body.status === 'QUEUED', 10_000);
    expect(routed.body).toMatchObject({ phase: 'DEPARTMENT_SELECTED', variables: { nome: 'Joana da Silva' } });
    expect(routed.body.path).toEqual(['start', 'greeting', 'menu', 'ask-name', expect.stringMatching(/^route-comercial/)]);

    // A real conversation's path is read the same way, for the builder to draw.
    const path = await admin.api.get(`/api/conversations/${conversationId}/flow-path`);
    expect(path.body).toEqual({ flowId: flow.id, flowVersionId: null, simulationId, nodeId: routed.body.nodeId, path: routed.body.path, variables: { nome: 'Joana da Silva' }, phase: 'DEPARTMENT_SELECTED' });
    expect(await testDb().auditLog.count({ where: { entityId: flow.id, action: 'flow.simulate' } })).toBe(1);

    // Once it has ended the conversation still answers, from the database.
    expect((await admin.api.post(`/api/conversations/${conversationId}/close`)).status).toBe(200);
    const ended = await simulationOf(flow.id, simulationId);
    expect(ended.body).toMatchObject({ status: 'RESOLVED', nodeId: null, path: [], variables: { nome: 'Joana da Silva' } });
  });

  test('when someone outside the company or without the role asks, then simulations and paths are not theirs to see', async () => {
    const flow = (await admin.api.post('/api/flows', { name: 'Privado' })).body;
    const started = await admin.api.post(`/api/flows/${flow.id}/simulations`);
    expect(started.status).toBe(201);
    const conversation = await rig.conversationOf(started.body.waId);

    expect((await outsider.api.post(`/api/flows/${flow.id}/simulations`)).status).toBe(404);
    expect((await simulationOf(flow.id, started.body.simulationId, outsider)).status).toBe(404);
    expect((await outsider.api.get(`/api/conversations/${conversation.id}/flow-path`)).body.error).toMatchObject({ code: 'NOT_FOUND' });
    expect((await agent.api.post(`/api/flows/${flow.id}/simulations`)).status).toBe(403);
    expect((await simulationOf(flow.id, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  test('when the API talks to Meta instead of the sandbox, then the simulator refuses, saying why', async () => {
    const metaApi = await startTestApi({ WHATSAPP_PROVIDER: 'meta', WHATSAPP_ACCESS_TOKEN: 'EAAG-test' });
    try {
      const session = await login(metaApi.url, rig.company.users.supervisor.email);
      const flow = (await session.api.post('/api/flows', { name: 'Na Meta' })).body;
      const refused = await session.api.post(`/api/flows/${flow.id}/simulations`);
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({ code: 'UNPROCESSABLE', details: { reason: 'SANDBOX_ONLY' } });
    } finally {
      await metaApi.close();
    }
  });
});
