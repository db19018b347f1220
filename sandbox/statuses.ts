import { createHash } from 'node:crypto';
import { unixSeconds } from './clock';
import type { SandboxConfig } from './config';
import type { Conversation, LoggedMessage, OutboundState } from './customers';
import type { EventHub } from './events';
import { webhookError, type MetaErrorCode, type WebhookError } from './graph/errors';
import type { NumberDirectory } from './numbers';
import type { WebhookDelivery } from './webhooks/deliver';
import { statusWebhook, type DeliveryStatus, type StatusPayload } from './webhooks/payloads';

/** What Meta would bill for a message: `service` for free-form replies, the template's category otherwise. */
export type Pricing = NonNullable<LoggedMessage['pricing']>;

/**
 * Per-message pricing (PMP, since July 2025): service replies are free, and so are utility templates
 * sent while the customer service window is open.
 */
export function pricingFor(category: string, windowOpen: boolean): Pricing {
  const free = category === 'service' || (category === 'utility' && windowOpen);
  return { category, billable: !free, type: free ? 'free_customer_service' : 'regular' };
}

export type Outcome = { kind: 'deliver' } | { kind: 'fail_on_send'; code: MetaErrorCode } | { kind: 'fail_on_delivery'; code: MetaErrorCode };

export interface StatusEngine {
  /** Plays an accepted message's life: sent, delivered (the phone shows it), read; or failed. */
  accepted(conversation: Conversation, message: LoggedMessage, pricing: Pricing, outcome: Outcome): void;
  /** The customer opens the chat: delivered messages become read now, undelivered ones when they arrive. */
  customerRead(conversation: Conversation): number;
  cancelAll(): void;
}

export function laneOf(conversation: Conversation): string {
  return `${conversation.phoneNumberId}:${conversation.waId}`;
}

export function createStatusEngine(deps: {
  config: Pick<SandboxConfig, 'statusDelaysMs' | 'autoRead'>;
  numbers: NumberDirectory;
  webhooks: WebhookDelivery;
  events: EventHub;
  now: () => number;
}): StatusEngine {
  const timers = new Set<NodeJS.Timeout>();

  function later(ms: number, run: () => void) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  }

  function emit(conversation: Conversation, message: LoggedMessage, status: DeliveryStatus, errors?: WebhookError[]) {
    const number = deps.numbers.byId(conversation.phoneNumberId)!;
    const at = deps.now();
    message.status = status;
    message.statuses.push({ status, at });
    if (errors) message.errors = errors;

    const payload: StatusPayload = { id: message.id, status, timestamp: unixSeconds(at), recipient_id: conversation.waId };
    const { pricing } = message;
    if (pricing && (status === 'sent' || status === 'delivered')) {
      const windowStart = conversation.lastInboundAt ?? message.at;
      payload.conversation = {
        id: createHash('sha256').update(`${conversation.phoneNumberId}:${conversation.waId}:${pricing.category}:${windowStart}`).digest('hex').slice(0, 32),
        ...(status === 'sent' ? { expiration_timestamp: unixSeconds(windowStart + 24 * 60 * 60 * 1000) } : {}),
        origin: { type: pricing.category },
      };
      payload.pricing = { billable: pricing.billable, pricing_model: 'PMP', category: pricing.category, type: pricing.type };
    }
    const callbackData = message.content.biz_opaque_callback_data;
    if (typeof callbackData === 'string') payload.biz_opaque_callback_data = callbackData;
    if (errors) payload.errors = errors;

    deps.webhooks.enqueue(laneOf(conversation), statusWebhook(number, payload));
    deps.events.publish({ type: 'status', phone_number_id: conversation.phoneNumberId, wa_id: conversation.waId, id: message.id, status, ...(errors ? { errors } : {}) });
    if (status === 'delivered') {
      deps.events.publish({
        type: 'message',
        phone_number_id: conversation.phoneNumberId,
        wa_id: conversation.waId,
        message: { id: message.id, type: message.type, timestamp: unixSeconds(message.at), content: message.content },
      });
    }
  }

  function read(conversation: Conversation, message: LoggedMessage) {
    message.readPending = false;
    emit(conversation, message, 'read');
  }

  const isFinal = (state: OutboundState | undefined) => state === 'read' || state === 'failed';

  return {
    accepted(conversation, message, pricing, outcome) {
      message.pricing = pricing;
      const { sent, delivered, read: readDelay } = deps.config.statusDelaysMs;
      if (outcome.kind === 'fail_on_send') {
        later(sent, () => emit(conversation, message, 'failed', [webhookError(outcome.code)]));
        return;
      }
      later(sent, () => {
        emit(conversation, message, 'sent');
        later(delivered - sent, () => {
          if (outcome.kind === 'fail_on_delivery') return emit(conversation, message, 'failed', [webhookError(outcome.code)]);
          emit(conversation, message, 'delivered');
          if (message.readPending) return read(conversation, message);
          if (deps.config.autoRead) later(readDelay - delivered, () => !isFinal(message.status) && read(conversation, message));
        });
      });
    },
    customerRead(conversation) {
      let count = 0;
      for (const message of conversation.messages) {
        if (message.direction !== 'outbound' || isFinal(message.status) || message.readPending) continue;
        count += 1;
        if (message.status === 'delivered') read(conversation, message);
        else message.readPending = true;
      }
      return count;
    },
    cancelAll() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
