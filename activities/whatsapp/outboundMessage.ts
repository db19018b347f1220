import { z } from 'zod';

// What the app asks a provider to send, independent of the provider's wire format. Limits are
// WhatsApp's: 4096 characters of text, 3 reply buttons with titles up to 20 characters, 10 list rows
// with titles up to 24 characters (developers.facebook.com/docs/whatsapp/cloud-api/messages).

const to = z.string().regex(/^\d{8,15}$/, 'destinatário deve ser o número com DDI, só dígitos');
const replyTo = z.string().optional();
const mediaSource = z.union([z.object({ mediaId: z.string().min(1) }), z.object({ link: z.url() })]);

export const outboundMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), to, replyTo, body: z.string().min(1).max(4096), previewUrl: z.boolean().optional() }),
  z.object({
    type: z.enum(['image', 'audio', 'video', 'document', 'sticker']),
    to,
    replyTo,
    media: mediaSource,
    caption: z.string().max(1024).optional(),
    fileName: z.string().max(240).optional(),
  }),
  z.object({
    type: z.literal('buttons'),
    to,
    replyTo,
    body: z.string().min(1).max(1024),
    header: z.string().max(60).optional(),
    footer: z.string().max(60).optional(),
    buttons: z.array(z.object({ id: z.string().min(1).max(256), title: z.string().min(1).max(20) })).min(1).max(3),
  }),
  z.object({
    type: z.literal('list'),
    to,
    replyTo,
    body: z.string().min(1).max(4096),
    header: z.string().max(60).optional(),
    footer: z.string().max(60).optional(),
    buttonLabel: z.string().min(1).max(20),
    sections: z
      .array(
        z.object({
          title: z.string().max(24).optional(),
          rows: z.array(z.object({ id: z.string().min(1).max(200), title: z.string().min(1).max(24), description: z.string().max(72).optional() })).min(1),
        }),
      )
      .min(1)
      .max(10)
      .refine((sections) => sections.reduce((n, s) => n + s.rows.length, 0) <= 10, 'uma lista tem no máximo 10 opções'),
  }),
  z.object({
    type: z.literal('template'),
    to,
    name: z.string().min(1).max(512),
    language: z.string().min(2),
    bodyParameters: z.array(z.string()).default([]),
    headerParameters: z.array(z.string()).default([]),
    buttonPayloads: z.array(z.string()).default([]),
  }),
  z.object({ type: z.literal('location'), to, replyTo, latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180), name: z.string().optional(), address: z.string().optional() }),
  z.object({ type: z.literal('reaction'), to, messageId: z.string().min(1), emoji: z.string() }),
]);

export type OutboundMessage = z.input<typeof outboundMessageSchema>;
export type ParsedOutboundMessage = z.output<typeof outboundMessageSchema>;
