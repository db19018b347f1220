import { z } from 'zod';

// Shapes of the WhatsApp Cloud API webhooks (developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components).
// Every object is loose: Meta adds fields over time and we keep what we do not know yet.

const mediaSchema = z.looseObject({ id: z.string(), mime_type: z.string().optional(), sha256: z.string().optional(), caption: z.string().optional(), filename: z.string().optional(), voice: z.boolean().optional(), animated: z.boolean().optional() });

const base = {
  from: z.string(),
  id: z.string(),
  timestamp: z.string(),
  context: z.looseObject({ from: z.string().optional(), id: z.string().optional() }).optional(),
};

/** One inbound message. Known types are validated; anything else is kept whole and stored as unsupported. */
export const inboundMessageSchema = z.union([
  z.looseObject({ ...base, type: z.literal('text'), text: z.looseObject({ body: z.string() }) }),
  z.looseObject({ ...base, type: z.literal('image'), image: mediaSchema }),
  z.looseObject({ ...base, type: z.literal('audio'), audio: mediaSchema }),
  z.looseObject({ ...base, type: z.literal('video'), video: mediaSchema }),
  z.looseObject({ ...base, type: z.literal('document'), document: mediaSchema }),
  z.looseObject({ ...base, type: z.literal('sticker'), sticker: mediaSchema }),
  z.looseObject({ ...base, type: z.literal('location'), location: z.looseObject({ latitude: z.number(), longitude: z.number(), name: z.string().optional(), address: z.string().optional(), url: z.string().optional() }) }),
  z.looseObject({ ...base, type: z.literal('contacts'), contacts: z.array(z.looseObject({ name: z.looseObject({ formatted_name: z.string().optional() }).optional() })) }),
  z.looseObject({
    ...base,
    type: z.literal('interactive'),
    interactive: z.union([
      z.looseObject({ type: z.literal('button_reply'), button_reply: z.looseObject({ id: z.string(), title: z.string() }) }),
      z.looseObject({ type: z.literal('list_reply'), list_reply: z.looseObject({ id: z.string(), title: z.string(), description: z.string().optional() }) }),
      z.looseObject({ type: z.string() }),
    ]),
  }),
  z.looseObject({ ...base, type: z.literal('button'), button: z.looseObject({ payload: z.string().optional(), text: z.string() }) }),
  z.looseObject({ ...base, type: z.literal('reaction'), reaction: z.looseObject({ message_id: z.string(), emoji: z.string().optional() }) }),
  z.looseObject({ ...base, type: z.literal('order'), order: z.looseObject({ catalog_id: z.string().optional(), product_items: z.array(z.looseObject({})).optional(), text: z.string().optional() }) }),
  z.looseObject({ ...base, type: z.literal('system'), system: z.looseObject({ body: z.string().optional(), type: z.string().optional() }) }),
  z.looseObject({ ...base, type: z.string() }),
]);

export type InboundMessage = z.infer<typeof inboundMessageSchema>;

const errorSchema = z.looseObject({ code: z.number(), title: z.string().optional(), message: z.string().optional(), error_data: z.looseObject({ details: z.string().optional() }).optional() });

export const statusSchema = z.looseObject({
  id: z.string(),
  status: z.enum(['sent', 'delivered', 'read', 'failed', 'deleted', 'warning']).or(z.string()),
  timestamp: z.string(),
  recipient_id: z.string(),
  /** Echo of what we sent as biz_opaque_callback_data: our message row's id. */
  biz_opaque_callback_data: z.string().optional(),
  conversation: z.looseObject({ id: z.string().optional() }).optional(),
  pricing: z.looseObject({ billable: z.boolean().optional(), category: z.string().optional(), pricing_model: z.string().optional() }).optional(),
  errors: z.array(errorSchema).optional(),
});

export type StatusUpdate = z.infer<typeof statusSchema>;

export const messagesValueSchema = z.looseObject({
  messaging_product: z.string().optional(),
  metadata: z.looseObject({ display_phone_number: z.string().optional(), phone_number_id: z.string() }),
  contacts: z.array(z.looseObject({ wa_id: z.string(), profile: z.looseObject({ name: z.string().optional() }).optional() })).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  errors: z.array(errorSchema).optional(),
});

export const templateStatusValueSchema = z.looseObject({
  event: z.string(),
  message_template_id: z.union([z.string(), z.number()]).transform(String),
  message_template_name: z.string().optional(),
  message_template_language: z.string().optional(),
  reason: z.string().nullish(),
});

export const webhookEnvelopeSchema = z.looseObject({
  object: z.string(),
  entry: z.array(
    z.looseObject({
      id: z.string(),
      changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })),
    }),
  ),
});

export type WebhookEnvelope = z.infer<typeof webhookEnvelopeSchema>;
