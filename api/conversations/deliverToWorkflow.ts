import type { Client } from '@temporalio/client';
import { businessStatusKey, companyIdKey, conversationIdKey } from '../../temporal/searchAttributes';
import { conversationWorkflow, conversationWorkflowId, inboundMessageSignal, type InboundSignal } from '../../workflows/conversation';

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
