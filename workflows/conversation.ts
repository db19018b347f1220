import { ApplicationFailure, condition, continueAsNew, defineQuery, defineSignal, defineUpdate, proxyActivities, setHandler, sleep, uuid4, workflowInfo, allHandlersFinished, upsertSearchAttributes } from '@temporalio/workflow';
import type { BotMessage, ConversationActivities } from '../activities/conversation';
import { businessStatusKey, departmentIdKey } from '../temporal/searchAttributes';
import { matchMenuOption } from './flow/matchMenuOption';
import { renderText } from './flow/renderText';
import type { FlowDefinition, FlowNode, NodeOf } from './flow/schema';

export const conversationWorkflowId = (conversationId: string) => `conversation-${conversationId}`;

export interface ConversationInput {
  conversationId: string;
  companyId: string;
  /** Set when continuing as new: the flow stays the one the conversation started with. */
  carried?: { flow: FlowDefinition; contactName: string; phase: ConversationPhase; departmentId: string | null; assigneeId: string | null; seen: string[] };
}

export interface InboundSignal {
  messageId: string;
  text: string | null;
  /** The id of the interactive option the customer tapped, if any. */
  replyId: string | null;
}

export type ConversationPhase = 'GREETING' | 'AWAITING_MENU' | 'DEPARTMENT_SELECTED' | 'ASSIGNED' | 'RESOLVED';

export interface ConversationState {
  phase: ConversationPhase;
  nodeId: string | null;
  departmentId: string | null;
  assigneeId: string | null;
}

export const inboundMessageSignal = defineSignal<[InboundSignal]>('inboundMessage');
export const conversationStateQuery = defineQuery<ConversationState>('state');
/** An agent takes the conversation from its department's queue; refused when someone else already has it. */
export const acceptUpdate = defineUpdate<ConversationState, [{ agentId: string }]>('accept');
export const closeUpdate = defineUpdate<ConversationState, [{ byUserId: string }]>('close');
/** An agent's reply; its id is made by the caller so a retried request never sends twice. */
export const agentMessageUpdate = defineUpdate<{ waMessageId: string | null }, [{ messageId: string; agentId: string; text: string }]>('agentMessage');

const activities = proxyActivities<ConversationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});

/** A cycle of nodes without a customer message in between stops here instead of spinning. */
const STEP_BUDGET = 50;
/** Message ids remembered to ignore a signal delivered twice (a re-driven webhook event). */
const SEEN_LIMIT = 200;

/**
 * One WhatsApp conversation: the bot runs the company's flow (greeting, department menu) until the
 * customer is routed to a department's queue; from then on the bot stays silent while people answer.
 */
export async function conversationWorkflow(input: ConversationInput): Promise<ConversationState> {
  const inbox: InboundSignal[] = [];
  const seen = new Set(input.carried?.seen ?? []);
  const state: ConversationState = {
    phase: input.carried?.phase ?? 'GREETING',
    nodeId: null,
    departmentId: input.carried?.departmentId ?? null,
    assigneeId: input.carried?.assigneeId ?? null,
  };

  setHandler(inboundMessageSignal, (message) => {
    if (seen.has(message.messageId)) return;
    seen.add(message.messageId);
    if (seen.size > SEEN_LIMIT) seen.delete(seen.values().next().value!);
    inbox.push(message);
  });
  let queuedInDb = input.carried !== undefined;
  // Handlers change the phase behind the compiler's back: read it through functions.
  const closed = () => state.phase === 'RESOLVED';
  setHandler(conversationStateQuery, () => state);
  setHandler(
    acceptUpdate,
    async ({ agentId }) => {
      // Claimed before the first await: a second accept in the same moment fails its validator.
      state.assigneeId = agentId;
      state.phase = 'ASSIGNED';
      await condition(() => queuedInDb);
      await activities.assignConversation({ conversationId: input.conversationId, agentId });
      upsertSearchAttributes([{ key: businessStatusKey, value: 'ASSIGNED' }]);
      return state;
    },
    {
      validator: (_accept: { agentId: string }) => {
        if (state.phase === 'ASSIGNED') throw ApplicationFailure.nonRetryable('Outra pessoa já aceitou esta conversa', 'AlreadyAssigned');
        if (state.phase !== 'DEPARTMENT_SELECTED') throw ApplicationFailure.nonRetryable('Esta conversa não está na fila', 'NotQueued');
      },
    },
  );
  setHandler(
    agentMessageUpdate,
    ({ messageId, agentId, text }) => activities.sendBotMessage({ conversationId: input.conversationId, messageId, message: { type: 'text', body: text }, preview: text, senderUserId: agentId }),
    {
      validator: (_message: { messageId: string; agentId: string; text: string }) => {
        if (state.phase !== 'ASSIGNED') throw ApplicationFailure.nonRetryable('Aceite a conversa antes de responder', 'NotAssigned');
      },
    },
  );
  setHandler(
    closeUpdate,
    async () => {
      const duringBot = state.phase === 'GREETING' || state.phase === 'AWAITING_MENU';
      state.phase = 'RESOLVED';
      if (!duringBot) await condition(() => queuedInDb);
      await activities.resolveConversation({ conversationId: input.conversationId });
      upsertSearchAttributes([{ key: businessStatusKey, value: 'RESOLVED' }]);
      return state;
    },
    {
      validator: (_close: { byUserId: string }) => {
        if (state.phase === 'RESOLVED') throw ApplicationFailure.nonRetryable('Esta conversa já foi encerrada', 'AlreadyResolved');
      },
    },
  );

  const { flow, contactName } = input.carried ?? (await activities.loadConversationFlow({ conversationId: input.conversationId }));
  const variables = { 'contact.name': contactName };
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const next = (node: FlowNode, handle = 'next') => {
    const edge = flow.edges.find((e) => e.source === node.id && e.sourceHandle === handle);
    return edge ? byId.get(edge.target) : undefined;
  };
  const say = (message: BotMessage, preview: string) =>
    activities.sendBotMessage({ conversationId: input.conversationId, messageId: uuid4(), message, preview });

  if (state.phase === 'GREETING') {
    let node: FlowNode | undefined = flow.nodes.find((n) => n.type === 'start');
    for (let steps = 0; node && steps < STEP_BUDGET && !closed(); steps++) {
      state.nodeId = node.id;
      if (node.type === 'start') node = next(node);
      else if (node.type === 'message') {
        const text = renderText(node.config.text, variables);
        await say({ type: 'text', body: text }, text);
        if (node.config.delaySeconds) await sleep(node.config.delaySeconds * 1000);
        node = next(node);
      } else if (node.type === 'menu') {
        state.phase = 'AWAITING_MENU';
        node = next(node, await askMenu(node));
      } else if (node.type === 'route' || node.type === 'handoff') {
        const departmentId = node.config.departmentId ?? null;
        // Acceptable from this moment (an agent may see the queue row as soon as it is written);
        // an accept waits for `queuedInDb` so its write lands after the queueing.
        state.departmentId = departmentId;
        state.phase = 'DEPARTMENT_SELECTED';
        if (node.config.text) await say({ type: 'text', body: renderText(node.config.text, variables) }, node.config.text);
        if (departmentId) {
          await activities.queueInDepartment({ conversationId: input.conversationId, departmentId });
          upsertSearchAttributes([{ key: departmentIdKey, value: departmentId }]);
        }
        upsertSearchAttributes([{ key: businessStatusKey, value: 'QUEUED' }]);
        queuedInDb = true;
        node = undefined;
      } else {
        if (node.config.text) await say({ type: 'text', body: renderText(node.config.text, variables) }, node.config.text);
        await activities.resolveConversation({ conversationId: input.conversationId });
        state.phase = 'RESOLVED';
        node = undefined;
      }
    }
  }

  // People hold the conversation now: the bot stays silent. Long conversations start a fresh history.
  const humanHolds = () => state.phase === 'DEPARTMENT_SELECTED' || state.phase === 'ASSIGNED';
  while (humanHolds()) {
    await condition(() => inbox.length > 0 || workflowInfo().continueAsNewSuggested || !humanHolds());
    inbox.length = 0;
    if (workflowInfo().continueAsNewSuggested && humanHolds()) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof conversationWorkflow>({
        ...input,
        carried: { flow, contactName, phase: state.phase, departmentId: state.departmentId, assigneeId: state.assigneeId, seen: [...seen] },
      });
    }
  }
  await condition(allHandlersFinished);
  return state;

  /** Sends the menu and waits for a valid answer; returns the handle to leave through. */
  async function askMenu(menu: NodeOf<'menu'>): Promise<string> {
    const { config } = menu;
    const text = renderText(config.text, variables);
    const numbered = `${text}\n\n${config.options.map((o, i) => `${i + 1}. ${o.label}`).join('\n')}`;
    // What the customer wrote before the menu was asked does not answer it. Cleared before sending:
    // a quick answer may arrive while the send is still being confirmed.
    inbox.length = 0;
    if (config.style === 'buttons') await say({ type: 'buttons', body: text, buttons: config.options.map((o) => ({ id: o.id, title: o.label })) }, numbered);
    else if (config.style === 'list') await say({ type: 'list', body: text, buttonLabel: config.buttonLabel, sections: [{ rows: config.options.map((o) => ({ id: o.id, title: o.label, description: o.description })) }] }, numbered);
    else await say({ type: 'text', body: numbered }, numbered);
    for (let attempt = 1; ; attempt++) {
      const timeoutMs = config.timeoutMinutes > 0 ? config.timeoutMinutes * 60_000 : undefined;
      const answered = timeoutMs ? await condition(() => inbox.length > 0 || closed(), timeoutMs) : (await condition(() => inbox.length > 0 || closed()), true);
      if (closed()) return 'closed';
      if (!answered) return 'timeout';
      const answer = inbox.shift()!;
      const option = matchMenuOption(config.options, answer);
      if (option) return option.id;
      if (attempt >= config.maxAttempts) return 'invalid';
      await say({ type: 'text', body: config.invalidText }, config.invalidText);
    }
  }
}
