import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { ConversationStatus } from '../../prisma/client';
import { conversationStateQuery, conversationWorkflowId } from '../../workflows/conversation';
import type { RequestContext } from '../auth/authenticate';
import { shownFieldsSchema } from './schemas';
import { getConversation } from './service';

interface StoredConversation {
  id: string;
  status: ConversationStatus;
  flowState: string;
  variables: unknown;
}

/**
 * Where the bot of a conversation is. The block and the path live only in the workflow, so they
 * come from its query while it runs; an ended (or not yet started) run answers from the database's
 * mirror, without them, instead of failing.
 */
export async function readFlowPosition(temporal: Client, conversation: StoredConversation) {
  const stored = { phase: conversation.flowState, nodeId: null as string | null, path: [] as string[], variables: shownFieldsSchema.parse(conversation.variables) };
  if (conversation.status === 'RESOLVED') return stored;
  try {
    const state = await temporal.workflow.getHandle(conversationWorkflowId(conversation.id)).query(conversationStateQuery);
    return { phase: state.phase as string, nodeId: state.nodeId, path: state.path ?? [], variables: state.variables ?? {} };
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return stored;
    throw error;
  }
}

/** The blocks a conversation went through, for the builder to draw over the flow version it runs. */
export async function getConversationFlowPath(ctx: RequestContext, temporal: Client, conversationId: string) {
  await getConversation(ctx, conversationId);
  const conversation = await ctx.db.conversation.findFirstOrThrow({ where: { id: conversationId }, select: { id: true, status: true, flowState: true, variables: true, flowVersionId: true, simulationId: true } });
  const { nodeId, path, variables, phase } = await readFlowPosition(temporal, conversation);
  // The flow to open in the builder: the published version's, or the one the simulator snapshotted.
  const version = conversation.flowVersionId ? await ctx.db.flowVersion.findFirst({ where: { id: conversation.flowVersionId }, select: { flowId: true } }) : null;
  const simulation = !version && conversation.simulationId ? await ctx.db.flowSimulation.findFirst({ where: { id: conversation.simulationId }, select: { flowId: true } }) : null;
  const flowId = version?.flowId ?? simulation?.flowId ?? null;
  return { flowId, flowVersionId: conversation.flowVersionId, simulationId: conversation.simulationId, nodeId, path, variables, phase };
}
