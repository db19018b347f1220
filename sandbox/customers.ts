import type { WebhookError } from './graph/errors';
import type { DeliveryStatus } from './webhooks/payloads';

/** Free-form messages are allowed only within 24 h of the customer's last message to that business number. */
const CUSTOMER_SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

export type OutboundState = 'accepted' | DeliveryStatus;

export interface LoggedMessage {
  id: string;
  direction: 'inbound' | 'outbound';
  type: string;
  at: number;
  /** Outbound: what the app sent (the request body). Inbound: the message object of the webhook. */
  content: Record<string, unknown>;
  status?: OutboundState;
  statuses: Array<{ status: OutboundState; at: number }>;
  errors?: WebhookError[];
  /** Outbound: how Meta would bill it, reported on the sent and delivered statuses. */
  pricing?: { category: string; billable: boolean; type: 'regular' | 'free_customer_service' };
  /** Outbound: the customer opened the chat before the message was delivered; read follows delivery. */
  readPending?: boolean;
  /** Inbound: the business marked it read (blue ticks on the customer's phone). */
  readByBusiness?: boolean;
}

/** One customer talking to one of the hosted business numbers. */
export interface Conversation {
  phoneNumberId: string;
  waId: string;
  profileName: string;
  lastInboundAt?: number;
  messages: LoggedMessage[];
}

export interface Customers {
  conversation(phoneNumberId: string, waId: string): Conversation;
  find(phoneNumberId: string, waId: string): Conversation | undefined;
  list(): Conversation[];
  ofCustomer(waId: string): Conversation[];
  message(wamid: string): { conversation: Conversation; message: LoggedMessage } | undefined;
  windowOpen(conversation: Conversation): boolean;
  windowExpiresAt(conversation: Conversation): number | undefined;
  record(conversation: Conversation, message: LoggedMessage): void;
  clear(): void;
}

export function createCustomers(now: () => number): Customers {
  const conversations = new Map<string, Conversation>();
  const messages = new Map<string, { conversation: Conversation; message: LoggedMessage }>();
  const key = (phoneNumberId: string, waId: string) => `${phoneNumberId}:${waId}`;

  const windowExpiresAt = (conversation: Conversation) =>
    conversation.lastInboundAt === undefined ? undefined : conversation.lastInboundAt + CUSTOMER_SERVICE_WINDOW_MS;

  return {
    conversation(phoneNumberId, waId) {
      const k = key(phoneNumberId, waId);
      let conversation = conversations.get(k);
      if (!conversation) {
        conversation = { phoneNumberId, waId, profileName: waId, messages: [] };
        conversations.set(k, conversation);
      }
      return conversation;
    },
    find: (phoneNumberId, waId) => conversations.get(key(phoneNumberId, waId)),
    list: () => [...conversations.values()],
    ofCustomer: (waId) => [...conversations.values()].filter((c) => c.waId === waId),
    message: (wamid) => messages.get(wamid),
    windowOpen(conversation) {
      const expiresAt = windowExpiresAt(conversation);
      return expiresAt !== undefined && now() < expiresAt;
    },
    windowExpiresAt,
    record(conversation, message) {
      conversation.messages.push(message);
      messages.set(message.id, { conversation, message });
      if (message.direction === 'inbound') conversation.lastInboundAt = message.at;
    },
    clear() {
      conversations.clear();
      messages.clear();
    },
  };
}
