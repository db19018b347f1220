import type { Client } from '@temporalio/client';
import { businessStatusKey, companyIdKey, conversationIdKey } from '../../temporal/searchAttributes';
import { conversationWorkflow, conversationWorkflowId, inboundMessageSignal, type InboundSignal } from '../../workflows/conversation';

/**
 * Only the bot reads what the customer writes. Once people hold the conversation (QUEUED, ASSIGNED)
 * a message is stored and shown without waking the workflow: the signal would cost a workflow task
 * per message and change nothing there (its inactivity clock reads the stored messages). A closed
 * conversation is never signalled: signal-with-start would begin a new run for it.
 */
export const workflowListens = (status: unknown) => status === 'BOT';

export type DeliverInbound = (conversation: { id: string; companyId: string }, message: InboundSignal) => Promise<void>;

/**
 * Signal-with-start: the first message of a conversation starts its workflow, later ones are signals
 * to it. The id comes from the conversation, so a retried delivery finds the same workflow, and the
 * workflow ignores a message id it has already seen.
 */
export function createInboundDelivery(temporal: Client, taskQueue: string): DeliverInbound {
  return async (conversation, message) => {
    await temporal.workflow.signalWithStart(conversationWorkflow, {
      workflowId: conversationWorkflowId(conversation.id),
      taskQueue,
      args: [{ conversationId: conversation.id, companyId: conversation.companyId }],
      signal: inboundMessageSignal,
      signalArgs: [message],
      typedSearchAttributes: [
        { key: companyIdKey, value: conversation.companyId },
        { key: conversationIdKey, value: conversation.id },
        { key: businessStatusKey, value: 'BOT' },
      ],
    });
  };
}
