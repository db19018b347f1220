import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { eventually, login, testDatabaseUrl, testDb } from '../../test/harness';
import { replay } from '../../test/replay';
import { conversationStateQuery, conversationWorkflowId } from '../conversation';
import { startConversationRig, visibleText, type ConversationRig } from '../../test/conversationRig';

// The worker runs as its own process here, so it can die the way processes die: SIGKILL, no goodbye.
let rig: ConversationRig;
let worker: ChildProcess | undefined;

function startWorkerProcess() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'temporal/worker.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: testDatabaseUrl(),
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      TEMPORAL_TASK_QUEUE: rig.taskQueue,
      WHATSAPP_PROVIDER: 'meta',
      WHATSAPP_GRAPH_URL: rig.sandboxUrl,
      WHATSAPP_ACCESS_TOKEN: rig.token,
      WHATSAPP_APP_SECRET: 'unused-by-the-worker',
      LOG_LEVEL: 'warn',
      ...rig.workerEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  worker = child;
  return child;
}
async function killWorker() {
  const child = worker!;
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

beforeAll(async () => {
  rig = await startConversationRig({ label: 'Durabilidade', phoneNumberId: '100000000000079', inProcessWorker: false });
  startWorkerProcess();
});
afterAll(async () => {
  if (worker) await killWorker();
  await rig?.stop();
});

describe('a conversation survives its worker', () => {
  test('when the worker is killed mid-conversation and another starts, then the customer’s answer is not lost and no bot message is sent twice', async () => {
    const waId = '5511944440001';
    await rig.customerSays(waId, { type: 'text', text: 'Olá' });
    await eventually(() => rig.received(waId), (m) => m.length >= 2, 60_000);
    await killWorker();

    // The customer answers while no worker is alive: the webhook is stored and the workflow signalled.
    await rig.customerSays(waId, { type: 'text', text: 'financeiro' });
    const conversation = await eventually(() => rig.conversationOf(waId), () => true);
    await eventually(() => testDb().message.count({ where: { conversationId: conversation.id, direction: 'INBOUND' } }), (n) => n === 2, 15_000);
    expect((await rig.received(waId)).length).toBe(2);

    startWorkerProcess();
    const queued = await eventually(() => rig.conversationOf(waId), (c) => c.status === 'QUEUED', 60_000);
    expect(queued.departmentId).toBe(rig.company.departments.b);
    const texts = (await rig.received(waId)).map(visibleText);
    expect(texts).toEqual([expect.stringMatching(/^Olá, Joana Cliente!/), 'Com qual setor você quer falar?', 'Certo! Vou te encaminhar para o Financeiro. Um atendente vai falar com você em instantes.']);
    expect(await testDb().message.count({ where: { conversationId: conversation.id, direction: 'OUTBOUND' } })).toBe(3);
  }, 180_000);
});

describe('a long conversation', () => {
  test('when a conversation outgrows its history, then it continues as new with its state, and no message, accept or reply is lost across the boundary', async () => {
    const waId = '5511944440002';
    const conversation = await eventually(() => rig.queued(waId, 'comercial'), () => true, 60_000);
    const ana = await login(rig.api.url, rig.company.users.agentA.email);
    expect((await ana.api.post(`/api/conversations/${conversation.id}/accept`)).status).toBe(200);
    const handle = rig.api.temporal.workflow.getHandle(conversationWorkflowId(conversation.id));
    const firstRun = (await handle.describe()).runId;

    // Each reply adds an update, its send and their workflow tasks (six events or more) to the history.
    // The customer writes in between: stored and shown, without a signal (see deliverToWorkflow.ts).
    const count = Math.ceil(inject('continueAsNewSuggestedAt') / 6);
    const customerWrites = Math.floor(count / 10);
    for (let i = 1; i <= count; i++) {
      expect((await ana.api.post(`/api/conversations/${conversation.id}/messages`, { text: `resposta ${i}` })).status).toBe(201);
      if (i % 10 === 0) await rig.customerSays(waId, { type: 'text', text: `mensagem ${i / 10}` });
    }
    await eventually(() => handle.describe(), (d) => d.runId !== firstRun, 60_000);
    await eventually(() => testDb().message.count({ where: { conversationId: conversation.id, direction: 'INBOUND' } }), (n) => n === customerWrites + 2, 30_000);
    const replies = await eventually(() => rig.received(waId), (m) => m.filter((x) => visibleText(x).startsWith('resposta ')).length >= count, 30_000);
    expect(replies.filter((x) => visibleText(x).startsWith('resposta ')).map(visibleText)).toEqual(Array.from({ length: count }, (_, i) => `resposta ${i + 1}`));

    const state = await handle.query(conversationStateQuery);
    expect(state).toMatchObject({ phase: 'ASSIGNED', assigneeId: rig.company.users.agentA.id, departmentId: rig.company.departments.a });
    const reply = await ana.api.post(`/api/conversations/${conversation.id}/messages`, { text: 'Recebi todas, obrigado!' });
    expect(reply.status).toBe(201);
    await eventually(() => rig.received(waId), (m) => m.some((x) => visibleText(x) === 'Recebi todas, obrigado!'), 15_000);
    const closing = await ana.api.post(`/api/conversations/${conversation.id}/close`);
    expect(closing.body.status, JSON.stringify(closing.body)).toBe('RESOLVED');
    await expect(handle.result()).resolves.toMatchObject({ phase: 'RESOLVED' });
    const history = await rig.api.temporal.workflow.getHandle(conversationWorkflowId(conversation.id), firstRun).fetchHistory();
    expect(history.events!.at(-1)!.workflowExecutionContinuedAsNewEventAttributes).toBeTruthy();
    await expect(replay(history)).resolves.toBeUndefined();
  }, 180_000);
});
