import type { HostedNumber } from '../config';
import type { WebhookError } from '../graph/errors';
import { displayDigits } from '../numbers';

/** https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components */
export interface WebhookEnvelope {
  object: 'whatsapp_business_account';
  entry: Array<{ id: string; time?: number; changes: Array<{ value: unknown; field: string }> }>;
}

export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed';

/** https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/reference/messages/status */
export interface StatusPayload {
  id: string;
  status: DeliveryStatus;
  timestamp: string;
  recipient_id: string;
  conversation?: { id: string; expiration_timestamp?: string; origin: { type: string } };
  pricing?: { billable: boolean; pricing_model: 'PMP'; category: string; type: string };
  biz_opaque_callback_data?: string;
  errors?: WebhookError[];
}

/** An inbound message as Meta puts it in `value.messages[]`; the type-named node varies. */
export type InboundMessagePayload = { from: string; id: string; timestamp: string; type: string } & Record<string, unknown>;

function messagesEnvelope(number: HostedNumber, value: Record<string, unknown>): WebhookEnvelope {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: number.wabaId,
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: displayDigits(number), phone_number_id: number.phoneNumberId },
              ...value,
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

export function statusWebhook(number: HostedNumber, status: StatusPayload): WebhookEnvelope {
  return messagesEnvelope(number, { statuses: [status] });
}

export function inboundWebhook(number: HostedNumber, contact: { waId: string; name: string }, message: InboundMessagePayload): WebhookEnvelope {
  return messagesEnvelope(number, { contacts: [{ profile: { name: contact.name }, wa_id: contact.waId }], messages: [message] });
}

export type TemplateEvent = 'APPROVED' | 'REJECTED' | 'PENDING' | 'DELETED';

export function templateStatusWebhook(
  template: { id: string; wabaId: string; name: string; language: string; category: string },
  event: TemplateEvent,
  reason: string | null,
  atMs: number,
): WebhookEnvelope {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: template.wabaId,
        time: Math.floor(atMs / 1000),
        changes: [
          {
            value: {
              event,
              // Meta sends this id as a JSON number; template ids stay below 2^53.
              message_template_id: Number(template.id),
              message_template_name: template.name,
              message_template_language: template.language,
              message_template_category: template.category,
              reason,
            },
            field: 'message_template_status_update',
          },
        ],
      },
    ],
  };
}
