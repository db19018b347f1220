import {
  ActivityFailure,
  ApplicationFailure,
  TimeoutFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  defineQuery,
  defineSignal,
  defineUpdate,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { BotMessage, ConversationActivities, ConversationSetup, SendBotMessageInput } from '../activities/conversation';
import type { FlowBlockActivities } from '../activities/flowBlocks';
import type { QueueInput, QueueResult, RoutingActivities } from '../activities/routing';
import { businessStatusKey, departmentIdKey } from '../temporal/searchAttributes';
import { evaluateRule } from './flow/evaluateRule';
import { fillTemplate } from './flow/fillTemplate';
import { matchMenuOption } from './flow/matchMenuOption';
import { renderText } from './flow/renderText';
import type { FlowDefinition, FlowNode, NodeOf } from './flow/schema';
import { validateAnswer } from './flow/validateAnswer';
import { serial } from './serial';
import { startTimer } from './timer';

export const conversationWorkflowId = (conversationId: string) => `conversation-${conversationId}`;

export type ConversationPhase = 'GREETING' | 'AWAITING_ROUTING_CONFIRMATION' | 'AWAITING_MENU' | 'AWAITING_ANSWER' | 'DEPARTMENT_SELECTED' | 'ASSIGNED' | 'RESOLVED';

export interface ConversationState {
  phase: ConversationPhase;
  nodeId: string | null;
  departmentId: string | null;
  assigneeId: string | null;
  /** Escalations since the conversation entered its current queue. */
  escalations: number;
  /** What the flow's blocks captured, read by text as {{vars.name}}. */
  variables?: Record<string, string>;
  /** The blocks the bot went through in its current flow, oldest first (the builder draws it). */
  path?: string[];
}

interface QueueTicket {
  stepId: string;
  departmentId: string;
  reason: QueueInput['reason'];
  preferAgentId: string | null;
}

export interface ConversationInput {
  conversationId: string;
  companyId: string;
  /** A closed conversation an agent brings back: the run starts closed and waits for `reopenUpdate`. */
  reopening?: boolean;
  /** Set when continuing as new: the setup (and so the flow) stays the one the conversation started with. */
  carried?: { setup: ConversationSetup; state: ConversationState; queue: QueueTicket | null; seen: string[]; bot?: BotPause };
}

/** Where the bot was when its run continued as new: the block it goes on with, and what it had heard and held. */
export interface BotPause {
  nodeId: string;
  /** The flow a jump block went to; absent while the bot is in the conversation's own flow. */
  flow?: FlowDefinition;
  budget: number;
  lastText: string | null;
  inbox: InboundSignal[];
  held: Omit<SendBotMessageInput, 'conversationId'>[];
}

export interface InboundSignal {
  messageId: string;
  text: string | null;
  /** The id of the interactive option the customer tapped, if any. */
  replyId: string | null;
}

export interface TransferRequest {
  departmentId?: string;
  agentId?: string;
  note?: string;
  byUserId: string;
}

export const inboundMessageSignal = defineSignal<[InboundSignal]>('inboundMessage');
/** An agent of the conversation's department came online or freed a slot: automatic assignment may try again. */
export const agentAvailableSignal = defineSignal('agentAvailable');
export const conversationStateQuery = defineQuery<ConversationState>('state');
/** An agent takes the conversation from its department's queue; refused when someone else already has it. */
export const acceptUpdate = defineUpdate<ConversationState, [{ agentId: string }]>('accept');
/** A supervisor gives the conversation to an agent. */
export const assignUpdate = defineUpdate<ConversationState, [{ agentId: string; byUserId: string }]>('assign');
export const transferUpdate = defineUpdate<ConversationState, [TransferRequest]>('transfer');
export const closeUpdate = defineUpdate<ConversationState, [{ byUserId: string }]>('close');
export const reopenUpdate = defineUpdate<ConversationState, [{ agentId: string }]>('reopen');
/** An agent's reply; its id is made by the caller so a retried request never sends twice. */
export interface AgentMessage {
  messageId: string;
  agentId: string;
  /** The text, or the caption of the file. */
  text: string;
  /** A file the agent uploaded (our Media id). */
  mediaId?: string;
  /** An approved template (our MessageTemplate id) and its body's values, in place of text: what goes after the 24-hour window. */
  template?: { templateId: string; parameters: string[] };
}
export const agentMessageUpdate = defineUpdate<{ waMessageId: string | null }, [AgentMessage]>('agentMessage');

const retry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 } as const;
const activities = proxyActivities<ConversationActivities & RoutingActivities>({ startToCloseTimeout: '30 seconds', retry });
/**
 * Reading the flow and the routing writes only touch PostgreSQL and take milliseconds: as local
 * activities they run inside the workflow task, without a round trip through the Temporal server.
 * Sends stay ordinary activities (they wait on WhatsApp and are retried on their own).
 */
const databaseSteps = proxyLocalActivities<Pick<ConversationActivities, 'loadConversationFlow'> & RoutingActivities>({ startToCloseTimeout: '30 seconds', retry });
const blockSteps = proxyLocalActivities<Omit<FlowBlockActivities, 'callHttpBlock' | 'askAiBlock'>>({ startToCloseTimeout: '30 seconds', retry });
/** A flow's HTTP block: its own timeout, and as many tries as the admin asked for. */
const httpBlock = (timeoutSeconds: number, retries: number) =>
  proxyActivities<Pick<FlowBlockActivities, 'callHttpBlock'>>({ startToCloseTimeout: `${timeoutSeconds + 5} seconds`, retry: { ...retry, maximumAttempts: retries + 1, maximumInterval: '10 seconds' } });
const aiBlock = (timeoutSeconds: number) =>
  proxyActivities<Pick<FlowBlockActivities, 'askAiBlock'>>({ startToCloseTimeout: `${timeoutSeconds + 5} seconds`, retry: { ...retry, maximumAttempts: 2, nonRetryableErrorTypes: ['AiNotConfigured', 'AiTimeout', 'AiRefused'] } });
const unitMinutes = { minutes: 1, hours: 60, days: 1440 } as const;
/** Blocks remembered for the builder's "path taken" view. */
const PATH_LIMIT = 200;

/** Blocks run in a row without hearing from the customer; a cycle without a wait or question stops here instead of spinning. */
const STEP_BUDGET = 50;
/** Message ids remembered to ignore a signal delivered twice (a re-driven webhook event). */
const SEEN_LIMIT = 200;

const refuse = (message: string, type: string) => ApplicationFailure.nonRetryable(message, type);
/** An activity's business refusal reaches the caller of an update as its own message, not as "activity failed". */
const plainFailure = (error: unknown) => (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure ? refuse(error.cause.message, error.cause.type ?? 'Refused') : error);

/**
 * One WhatsApp conversation: the bot runs the company's flow (a returning customer is first offered
 * their last department) until the customer is routed to a department's queue. From then on people
 * answer: the queue escalates when nobody accepts in time, agents accept, transfer and close, and a
 * silent conversation closes itself. The bot never speaks while a person holds the conversation.
 */
export async function conversationWorkflow(input: ConversationInput): Promise<ConversationState> {
  const { conversationId } = input;
  // Conversations that started before database steps became local replay with ordinary activities.
  const steps = patched('database-steps-as-local-activities') ? databaseSteps : activities;
  // Asked here, beside the patch above, so both markers land in the first workflow task.
  const heldTogether = patched('bot-messages-sent-together');
  const resumed = input.carried?.bot;
  const inbox: InboundSignal[] = [...(resumed?.inbox ?? [])];
  /** The customer's latest words, for keyword conditions. */
  let lastText: string | null = resumed?.lastText ?? null;
  const seen = new Set(input.carried?.seen ?? []);
  const state: ConversationState = input.carried?.state ?? { phase: input.reopening ? 'RESOLVED' : 'GREETING', nodeId: null, departmentId: null, assigneeId: null, escalations: 0 };
  /** Routing writes, in the order decided: an accept's write never lands before the queueing it answers. */
  const write = serial();
  /** Agents' messages leave in the order they were written. */
  const sendInOrder = serial();
  let queue = null as { ticket: QueueTicket; queued: Promise<QueueResult> } | null;
  let autoAssigning = false;
  let agentAvailable = false;
  let reopenSettled = !input.reopening;
  /** Bumped by every message either way: the inactivity timer restarts from it. */
  let activity = 0;

  // Handlers change the state behind the compiler's back: read it through functions.
  const phase = () => state.phase;
  const closed = () => phase() === 'RESOLVED';
  const continueSuggested = () => workflowInfo().continueAsNewSuggested;

  function enqueue(ticket: QueueTicket, extra: { byUserId?: string; note?: string } = {}) {
    state.phase = 'DEPARTMENT_SELECTED';
    state.departmentId = ticket.departmentId;
    state.assigneeId = null;
    state.escalations = 0;
    const queued = write(() => steps.queueInDepartment({ conversationId, stepId: ticket.stepId, departmentId: ticket.departmentId, reason: ticket.reason, ...extra }));
    queue = { ticket, queued };
    upsertSearchAttributes([
      { key: departmentIdKey, value: ticket.departmentId },
      { key: businessStatusKey, value: 'QUEUED' },
    ]);
    return queued;
  }
  function holdBy(agentId: string, departmentId = state.departmentId) {
    state.phase = 'ASSIGNED';
    state.assigneeId = agentId;
    state.departmentId = departmentId;
    queue = null;
    upsertSearchAttributes([{ key: businessStatusKey, value: 'ASSIGNED' }, ...(departmentId ? [{ key: departmentIdKey, value: departmentId }] : [])]);
  }
  function close(reason: 'AGENT' | 'INACTIVITY' | 'FLOW', byUserId?: string) {
    state.phase = 'RESOLVED';
    queue = null;
    upsertSearchAttributes([{ key: businessStatusKey, value: 'RESOLVED' }]);
    return write(() => steps.resolveConversation({ conversationId, stepId: uuid4(), reason, byUserId }));
  }
  const withPeople = () => phase() === 'DEPARTMENT_SELECTED' || phase() === 'ASSIGNED';
  const withBot = () => !closed() && !withPeople();
  const assertOpen = () => {
    if (closed()) throw refuse('Esta conversa já foi encerrada', 'AlreadyResolved');
    if (autoAssigning) throw refuse('Esta conversa está sendo distribuída agora: tente de novo em instantes', 'Assigning');
  };
  const assertWithPeople = () => {
    assertOpen();
    if (!withPeople()) throw refuse('O cliente ainda está escolhendo o setor com o bot', 'NotQueued');
  };

  setHandler(inboundMessageSignal, (message) => {
    if (seen.has(message.messageId)) return;
    seen.add(message.messageId);
    if (seen.size > SEEN_LIMIT) seen.delete(seen.values().next().value!);
    inbox.push(message);
    lastText = message.text ?? lastText;
    activity++;
  });
  setHandler(agentAvailableSignal, () => {
    agentAvailable = true;
  });
  setHandler(conversationStateQuery, () => state);

  // Every update changes the state before its first await, so a second update in the same moment
  // meets the new state in its validator (two accepts: exactly one wins).
  setHandler(
    acceptUpdate,
    async ({ agentId }) => {
      holdBy(agentId);
      await write(() => steps.assignConversation({ conversationId, stepId: uuid4(), agentId, reason: 'ACCEPTED' }));
      return state;
    },
    {
      validator: (_accept: { agentId: string }) => {
        if (phase() === 'ASSIGNED') throw refuse('Outra pessoa já aceitou esta conversa', 'AlreadyAssigned');
        assertWithPeople();
      },
    },
  );
  setHandler(
    assignUpdate,
    async ({ agentId, byUserId }) => {
      holdBy(agentId);
      await write(() => steps.assignConversation({ conversationId, stepId: uuid4(), agentId, byUserId, reason: 'ASSIGNED' }));
      return state;
    },
    {
      validator: ({ agentId }) => {
        assertWithPeople();
        if (state.assigneeId === agentId) throw refuse('A conversa já está com esta pessoa', 'SameAssignee');
      },
    },
  );
  setHandler(
    transferUpdate,
    async ({ departmentId, agentId, note, byUserId }) => {
      if (agentId) {
        holdBy(agentId, departmentId ?? state.departmentId);
        await write(() => steps.assignConversation({ conversationId, stepId: uuid4(), agentId, departmentId, byUserId, note, reason: 'TRANSFERRED' }));
      } else {
        await enqueue({ stepId: uuid4(), departmentId: departmentId!, reason: 'TRANSFERRED', preferAgentId: null }, { byUserId, note });
      }
      return state;
    },
    {
      validator: ({ departmentId, agentId }) => {
        // Also from the bot: a supervisor may take a customer out of a menu they are stuck in.
        assertOpen();
        if (!departmentId && !agentId) throw refuse('Escolha um departamento ou um atendente', 'NoTarget');
        if (agentId ? agentId === state.assigneeId : departmentId === state.departmentId && phase() === 'DEPARTMENT_SELECTED') {
          throw refuse('A conversa já está aí', 'SameTarget');
        }
      },
    },
  );
  setHandler(
    closeUpdate,
    async ({ byUserId }) => {
      await close('AGENT', byUserId);
      return state;
    },
    {
      validator: (_close: { byUserId: string }) => {
        if (closed()) throw refuse('Esta conversa já foi encerrada', 'AlreadyResolved');
      },
    },
  );
  setHandler(
    reopenUpdate,
    async ({ agentId }) => {
      holdBy(agentId);
      try {
        await write(() => steps.assignConversation({ conversationId, stepId: uuid4(), agentId, reason: 'REOPENED' }));
        return state;
      } catch (error) {
        state.phase = 'RESOLVED';
        state.assigneeId = null;
        throw plainFailure(error);
      } finally {
        reopenSettled = true;
      }
    },
    {
      validator: (_reopen: { agentId: string }) => {
        if (!input.reopening || reopenSettled || !closed()) throw refuse('Só uma conversa encerrada pode ser reaberta', 'NotResolved');
      },
    },
  );
  setHandler(
    agentMessageUpdate,
    (message) => {
      activity++;
      return sendInOrder(() => activities.sendAgentMessage({ conversationId, ...message }));
    },
    {
      validator: (_message: AgentMessage) => {
        if (phase() !== 'ASSIGNED') throw refuse('Aceite a conversa antes de responder', 'NotAssigned');
      },
    },
  );

  if (input.reopening) {
    await condition(() => reopenSettled, '1 minute');
    if (closed()) return finish();
  }
  const setup = input.carried?.setup ?? (await steps.loadConversationFlow({ conversationId }));
  const minuteMs = setup.minuteMs ?? 60_000;
  state.variables ??= {};
  state.path ??= [];
  const vars = state.variables;
  /** What {{…}} in a block's text reads. */
  const values = (): Record<string, string> => ({
    'contact.name': setup.contactName,
    'contact.phone': setup.contactPhone ?? '',
    ...Object.fromEntries(Object.entries(vars).map(([k, v]) => [`vars.${k}`, v])),
  });
  /** A message block's words wait here for what the bot says next: the run goes out in one activity. */
  const held: Omit<SendBotMessageInput, 'conversationId'>[] = [...(resumed?.held ?? [])];
  const hold = (message: BotMessage, preview: string) => {
    const said = { messageId: uuid4(), message, preview };
    if (heldTogether) held.push(said);
    return heldTogether ? Promise.resolve() : activities.sendBotMessage({ conversationId, ...said });
  };
  const sendHeld = async () => {
    if (held.length) await activities.sendBotMessages({ conversationId, messages: held.splice(0) });
  };
  const say = async (message: BotMessage, preview: string, flowState?: string) => {
    const said = { messageId: uuid4(), message, preview, flowState };
    if (!held.length) return void (await activities.sendBotMessage({ conversationId, ...said }));
    held.push(said);
    await sendHeld();
  };
  const sayText = (text: string, flowState?: string) => say({ type: 'text', body: text }, text, flowState);
  const saveVariables = () => blockSteps.saveConversationVariables({ conversationId, variables: { ...vars } });

  if (input.carried?.queue && phase() === 'DEPARTMENT_SELECTED') {
    const { escalations } = state;
    void enqueue(input.carried.queue);
    state.escalations = escalations;
  }
  if (withBot()) {
    const pause = await runBot();
    if (pause) await continueAsNewNow(pause);
  }

  while (!closed()) {
    if (phase() === 'DEPARTMENT_SELECTED') await waitInQueue();
    else if (phase() === 'ASSIGNED') await attend();
    else await condition(() => closed() || withPeople());
    if (continueSuggested() && !closed()) await continueAsNewNow();
  }
  return finish();

  /**
   * Writes drain first: an update accepted while they finish is waited for too, never left behind in
   * a run that has already continued as new (its caller would wait for ever). If the bot lost the
   * customer meanwhile (closed, transferred), this run goes on as the loop above decides instead.
   */
  async function continueAsNewNow(pause?: Pick<BotPause, 'nodeId' | 'flow' | 'budget'>) {
    await drain();
    if (pause && !withBot()) return;
    const bot = pause && { ...pause, lastText, inbox: [...inbox], held: [...held] };
    await continueAsNew<typeof conversationWorkflow>({ ...input, reopening: false, carried: { setup, state, queue: queue && queue.ticket, seen: [...seen], ...(bot ? { bot } : {}) } });
  }

  async function finish() {
    await drain();
    return state;
  }

  /** Every write in order is done and every update handler has returned. */
  async function drain() {
    await write(async () => undefined);
    await condition(allHandlersFinished);
  }

  /**
   * The bot's part: the returning-customer offer, then the flow until it routes, hands off or ends.
   * A customer who keeps talking to the bot grows the history too: when the server suggests it,
   * the bot stops between two blocks and says where, for the next run to go on from there.
   */
  async function runBot(): Promise<Pick<BotPause, 'nodeId' | 'flow' | 'budget'> | undefined> {
    if (!resumed && setup.returning) {
      state.phase = 'AWAITING_ROUTING_CONFIRMATION';
      const { departmentId, departmentName, agentId } = setup.returning;
      const choice = await askMenu(returningOffer(departmentName), 'AWAITING_ROUTING_CONFIRMATION');
      if (!withBot()) return;
      if (choice === 'yes') {
        await sayText(`Certo! Vou te encaminhar de volta para o ${departmentName}.`);
        if (withBot()) void enqueue({ stepId: uuid4(), departmentId, reason: 'ROUTED', preferAgentId: agentId });
        return;
      }
      state.phase = 'GREETING';
    }
    let flow = resumed?.flow ?? setup.flow;
    let node: FlowNode | undefined = resumed ? flow.nodes.find((n) => n.id === resumed.nodeId) : flow.nodes.find((n) => n.type === 'start');
    let budget = resumed?.budget ?? STEP_BUDGET;
    const heardCustomer = () => (budget = STEP_BUDGET);
    const next = (from: FlowNode, handle = 'next') => nextNode(flow, from, handle);
    while (withBot()) {
      // Asked only when suggested: runs that never grow this long keep the histories they always had.
      if (node && continueSuggested() && patched('bot-continues-as-new')) return { nodeId: node.id, budget, ...(flow === setup.flow ? {} : { flow }) };
      if (!node || !keepsHeldWords(node)) await sendHeld();
      if (!node) return botFailed(state.nodeId, 'o fluxo terminou sem encaminhar a conversa');
      if (budget-- <= 0) return botFailed(node.id, `${STEP_BUDGET} blocos seguidos sem ouvir o cliente (um laço sem espera ou pergunta?)`);
      state.nodeId = node.id;
      state.path!.push(node.id);
      if (state.path!.length > PATH_LIMIT) state.path!.shift();
      switch (node.type) {
        case 'start':
          node = next(node);
          break;
        case 'message':
          await sendMessageBlock(node);
          node = next(node);
          break;
        case 'menu': {
          state.phase = 'AWAITING_MENU';
          const handle = await askMenu(node, 'AWAITING_MENU');
          if (handle !== 'timeout') heardCustomer();
          node = next(node, handle);
          break;
        }
        case 'question': {
          state.phase = 'AWAITING_ANSWER';
          const handle = await askQuestion(node);
          if (handle !== 'timeout') heardCustomer();
          node = next(node, handle);
          break;
        }
        case 'condition':
          node = next(node, await chooseBranch(node));
          break;
        case 'setVariable':
          for (const { variable, value } of node.config.assignments) vars[variable] = fillTemplate(value, values());
          await saveVariables();
          node = next(node);
          break;
        case 'tag':
          await blockSteps.changeContactTags({ conversationId, add: node.config.add, remove: node.config.remove });
          node = next(node);
          break;
        case 'wait': {
          const handle = await waitBlock(node);
          if (handle === 'replied') heardCustomer();
          node = next(node, handle);
          break;
        }
        case 'http':
          node = next(node, await httpRequestBlock(node));
          break;
        case 'ai':
          node = next(node, await aiReplyBlock(node));
          break;
        case 'jump': {
          const target = await blockSteps.loadJumpFlow({ conversationId, flowId: node.config.flowId });
          if (!target) return botFailed(node.id, 'o fluxo de destino não está publicado');
          flow = target.flow;
          state.path = [];
          node = flow.nodes.find((n) => n.type === 'start');
          break;
        }
        case 'route':
        case 'handoff':
          if (node.config.text) await sayText(renderText(node.config.text, values()));
          if (withBot()) void enqueue({ stepId: uuid4(), departmentId: node.config.departmentId, reason: 'ROUTED', preferAgentId: node.type === 'handoff' ? (node.config.agentId ?? null) : null });
          return;
        case 'end':
          if (node.config.text) await sayText(renderText(node.config.text, values()));
          if (withBot()) await close('FLOW');
          return;
      }
    }
    // A person took the customer out of the bot meanwhile: what it held back is not said.
    held.length = 0;
  }

  /** The bot cannot go on: agents read why in the timeline, and the customer waits for a person instead of a dead bot. */
  async function botFailed(nodeId: string | null, reason: string): Promise<undefined> {
    await sendHeld();
    await blockSteps.recordBotFailure({ conversationId, stepId: uuid4(), nodeId, reason });
    if (!withBot()) return;
    if (setup.fallbackDepartmentId) void enqueue({ stepId: uuid4(), departmentId: setup.fallbackDepartmentId, reason: 'ROUTED', preferAgentId: null });
    else await close('FLOW');
  }

  async function sendMessageBlock(node: NodeOf<'message'>) {
    const { text, media, delaySeconds } = node.config;
    // The delay comes before the message ("typing…" pause); conversations started earlier slept after it.
    const delayFirst = delaySeconds > 0 && patched('message-delay-before-send');
    if (delayFirst) {
      await sendHeld();
      await sleep(delaySeconds * 1000);
    }
    const body = text === undefined ? '' : renderText(text, values());
    if (!media) await hold({ type: 'text', body }, body);
    else if (media.kind === 'audio') {
      if (body) await hold({ type: 'text', body }, body);
      await hold({ type: 'audio', media: { link: media.url } }, media.fileName ?? 'áudio');
    } else {
      const caption = body ? { caption: body } : {};
      await hold({ type: media.kind, media: { link: media.url }, ...caption, ...(media.kind === 'document' && media.fileName ? { fileName: media.fileName } : {}) }, body || media.fileName || media.kind);
    }
    if (delaySeconds > 0 && !delayFirst) {
      await sendHeld();
      await sleep(delaySeconds * 1000);
    }
  }

  async function chooseBranch(node: NodeOf<'condition'>): Promise<string> {
    for (const branch of node.config.branches) {
      const { rule } = branch;
      const holds = rule.kind === 'variable' || rule.kind === 'keyword' ? evaluateRule(rule, { values: values(), lastText }) : await blockSteps.checkConditionRule({ conversationId, rule });
      if (holds) return branch.id;
    }
    return 'else';
  }

  /** A durable timer; a customer message either ends it through `replied` or is left for what comes next. */
  async function waitBlock(node: NodeOf<'wait'>): Promise<string> {
    const { amount, unit, onReply } = node.config;
    const ms = amount * unitMinutes[unit] * minuteMs;
    inbox.length = 0;
    if (onReply === 'continue') {
      await condition(() => !withBot(), ms);
      return 'next';
    }
    const replied = await condition(() => inbox.length > 0 || !withBot(), ms);
    if (!replied || !withBot()) return 'next';
    inbox.shift();
    return 'replied';
  }

  async function httpRequestBlock(node: NodeOf<'http'>): Promise<string> {
    const { timeoutSeconds, retries, ...request } = node.config;
    try {
      const result = await httpBlock(timeoutSeconds, retries).callHttpBlock({ conversationId, request: { ...request, timeoutSeconds }, values: values() });
      if (Object.keys(result.saved).length) {
        Object.assign(vars, result.saved);
        await saveVariables();
      }
      return result.ok ? 'success' : 'error';
    } catch (error) {
      if (error instanceof ActivityFailure) return 'error';
      throw error;
    }
  }

  async function aiReplyBlock(node: NodeOf<'ai'>): Promise<string> {
    const { systemPrompt, historyMessages, timeoutSeconds, variable } = node.config;
    let text: string;
    try {
      ({ text } = await aiBlock(timeoutSeconds).askAiBlock({ conversationId, systemPrompt, historyMessages, timeoutSeconds }));
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      const timedOut = error.cause instanceof TimeoutFailure || (error.cause instanceof ApplicationFailure && error.cause.type === 'AiTimeout');
      return timedOut ? 'timeout' : 'error';
    }
    if (variable) {
      vars[variable] = text;
      await saveVariables();
    }
    await sayText(text);
    return 'next';
  }

  /**
   * Waits in the department's queue: assigns automatically when the department does, escalates when
   * nobody accepts in time, and returns when the conversation leaves this queue (accepted,
   * transferred, escalated elsewhere, closed) or should continue as new.
   */
  async function waitInQueue() {
    const current = queue!;
    const inThisQueue = () => phase() === 'DEPARTMENT_SELECTED' && queue === current;
    const queued = await current.queued;
    if (!inThisQueue()) return;
    if (queued.outOfHours) await sayText(setup.outOfHoursText);
    let deadline = startTimer(queued.escalateInMs);
    try {
      await tryAutoAssign(current.ticket, queued, inThisQueue);
      while (inThisQueue()) {
        await condition(() => !inThisQueue() || deadline.fired() || agentAvailable || continueSuggested());
        if (!inThisQueue() || continueSuggested()) return;
        if (agentAvailable) {
          agentAvailable = false;
          await tryAutoAssign(current.ticket, queued, inThisQueue);
          continue;
        }
        state.escalations++;
        const { moveToDepartmentId } = await write(() => steps.escalateConversation({ conversationId, stepId: uuid4(), departmentId: current.ticket.departmentId, level: state.escalations }));
        if (!inThisQueue()) return;
        if (moveToDepartmentId) {
          enqueue({ stepId: uuid4(), departmentId: moveToDepartmentId, reason: 'ESCALATED', preferAgentId: null });
          return;
        }
        deadline = startTimer(state.escalations < queued.maxEscalations ? queued.timeoutMs : null);
      }
    } finally {
      deadline.cancel();
    }
  }

  async function tryAutoAssign(ticket: QueueTicket, queued: QueueResult, inThisQueue: () => boolean) {
    if (queued.strategy === 'MANUAL' && !ticket.preferAgentId) return;
    autoAssigning = true;
    try {
      const { agentId } = await write(() => steps.autoAssign({ conversationId, stepId: uuid4(), departmentId: ticket.departmentId, preferAgentId: ticket.preferAgentId }));
      if (agentId && inThisQueue()) holdBy(agentId);
    } finally {
      autoAssigning = false;
    }
  }

  /** A person holds the conversation; after the company's inactivity time without a message either way, it closes. */
  async function attend() {
    let waitMs = setup.inactivityCloseMs;
    while (phase() === 'ASSIGNED' && !continueSuggested()) {
      const before = activity;
      const stillAttended = () => phase() !== 'ASSIGNED' || activity !== before || continueSuggested();
      if (setup.inactivityCloseMs <= 0) {
        await condition(() => phase() !== 'ASSIGNED' || continueSuggested());
        continue;
      }
      const touched = await condition(stillAttended, waitMs);
      waitMs = setup.inactivityCloseMs;
      if (touched || phase() !== 'ASSIGNED') continue;
      // The customer's messages reach an attended conversation's rows, not this workflow (see
      // api/conversations/deliverToWorkflow.ts): the clock restarts from the last one stored.
      if (patched('inactivity-reads-stored-messages')) {
        const quietMs = Date.now() - ((await steps.lastMessageTime({ conversationId })) ?? 0);
        if (quietMs < setup.inactivityCloseMs) {
          waitMs = setup.inactivityCloseMs - quietMs;
          continue;
        }
      }
      await sayText(setup.inactivityCloseText);
      if (phase() === 'ASSIGNED') await close('INACTIVITY');
    }
  }

  /** The customer's next message, or false after the block's silence limit (0: no limit). */
  async function customerAnswered(timeoutMinutes: number) {
    if (timeoutMinutes <= 0) {
      await condition(() => inbox.length > 0 || !withBot());
      return true;
    }
    return condition(() => inbox.length > 0 || !withBot(), timeoutMinutes * minuteMs);
  }

  /** Sends a menu and waits for a valid answer; returns the handle to leave through. */
  async function askMenu(menu: NodeOf<'menu'>, flowState: string): Promise<string> {
    const { config } = menu;
    const text = renderText(config.text, values());
    const numbered = `${text}\n\n${config.options.map((o, i) => `${i + 1}. ${o.label}`).join('\n')}`;
    // What the customer wrote before the menu was asked does not answer it. Cleared before sending:
    // a quick answer may arrive while the send is still being confirmed.
    inbox.length = 0;
    if (config.style === 'buttons') await say({ type: 'buttons', body: text, buttons: config.options.map((o) => ({ id: o.id, title: o.label })) }, numbered, flowState);
    else if (config.style === 'list') await say({ type: 'list', body: text, buttonLabel: config.buttonLabel, sections: [{ rows: config.options.map((o) => ({ id: o.id, title: o.label, description: o.description })) }] }, numbered, flowState);
    else await say({ type: 'text', body: numbered }, numbered, flowState);
    for (let attempt = 1; ; attempt++) {
      const answered = await customerAnswered(config.timeoutMinutes);
      if (!withBot()) return 'left';
      if (!answered) return 'timeout';
      const option = matchMenuOption(config.options, inbox.shift()!);
      if (option) return option.id;
      if (attempt >= config.maxAttempts) return 'invalid';
      await sayText(config.invalidText);
    }
  }

  /** Asks for a value, checks it (CPF, e-mail, date…) and keeps it in the block's variable. */
  async function askQuestion(question: NodeOf<'question'>): Promise<string> {
    const { config } = question;
    inbox.length = 0;
    await sayText(renderText(config.text, values()), 'AWAITING_ANSWER');
    for (let attempt = 1; ; attempt++) {
      const answered = await customerAnswered(config.timeoutMinutes);
      if (!withBot()) return 'left';
      if (!answered) return 'timeout';
      const answer = validateAnswer(config, inbox.shift()!.text ?? '');
      if (answer.ok) {
        vars[config.variable] = answer.value;
        await saveVariables();
        return 'next';
      }
      if (attempt >= config.maxAttempts) return 'invalid';
      await sayText(renderText(config.errorText, values()));
    }
  }
}

/**
 * A message block's words are held for what the bot says next (a greeting goes out with its menu),
 * across blocks that take no time; a block that waits or calls out first lets them go.
 */
function keepsHeldWords(node: FlowNode): boolean {
  switch (node.type) {
    case 'message':
    case 'menu':
    case 'question':
    case 'start':
    case 'condition':
    case 'setVariable':
    case 'tag':
    case 'jump':
      return true;
    case 'route':
    case 'handoff':
    case 'end':
      return Boolean(node.config.text);
    default:
      return false;
  }
}

function nextNode(flow: FlowDefinition, node: FlowNode, handle: string) {
  const edge = flow.edges.find((e) => e.source === node.id && e.sourceHandle === handle);
  return edge ? flow.nodes.find((n) => n.id === edge.target) : undefined;
}

/** "Você foi atendido pelo Laboratório. Deseja retornar?" as a two-button menu the matcher understands. */
function returningOffer(departmentName: string): NodeOf<'menu'> {
  return {
    id: 'returning-customer',
    type: 'menu',
    position: { x: 0, y: 0 },
    config: {
      text: `Olá, {{contact.name}}! Você foi atendido pelo ${departmentName}. Deseja retornar?`,
      style: 'buttons',
      buttonLabel: 'Ver opções',
      options: [
        { id: 'yes', label: 'Sim, retornar', synonyms: ['sim', 's', 'quero', 'retornar', 'yes', 'ok'] },
        { id: 'no', label: 'Não, ver o menu', synonyms: ['nao', 'n', 'menu', 'no', 'outro'] },
      ],
      invalidText: 'Responda "sim" para voltar ao mesmo setor ou "não" para ver o menu.',
      maxAttempts: 2,
      timeoutMinutes: 0,
    },
  };
}
