import { z } from 'zod';

// Shapes of WAHA's webhooks (waha.devlike.pro/docs/how-to/events; github.com/devlikeapro/waha
// src/structures/webhooks.dto.ts and responses.dto.ts). Every object is loose: engines (WEBJS, NOWEB,
// GOWS) add their own fields, and `_data` is each engine's raw message, kept but never relied on.

export const WAHA_SOURCE = 'waha';

/** The envelope of every event: `{ id, timestamp (ms), event, session, me, payload, engine, environment }`. */
export const wahaEnvelopeSchema = z.looseObject({
  event: z.string().min(1),
  session: z.string().min(1),
  payload: z.unknown(),
  id: z.string().optional(),
  timestamp: z.number().optional(),
  engine: z.string().optional(),
});

export type WahaEnvelope = z.infer<typeof wahaEnvelopeSchema>;

const coordinate = z.union([z.number(), z.string()]).transform(Number).pipe(z.number());

/** `message` / `message.any` payload: a WAMessage. */
export const wahaMessageSchema = z.looseObject({
  id: z.string().min(1),
  timestamp: z.union([z.number(), z.string()]).optional(),
  from: z.string().min(1),
  fromMe: z.boolean().optional(),
  to: z.string().nullish(),
  participant: z.string().nullish(),
  body: z.string().nullish(),
  hasMedia: z.boolean().optional(),
  media: z
    .looseObject({ url: z.string().nullish(), mimetype: z.string().nullish(), filename: z.string().nullish(), error: z.unknown().optional() })
    .nullish(),
  location: z.looseObject({ latitude: coordinate, longitude: coordinate, description: z.string().nullish() }).nullish(),
  vCards: z.array(z.string()).nullish(),
  replyTo: z.looseObject({ id: z.string().nullish(), body: z.string().nullish() }).nullish(),
  _data: z.unknown().optional(),
});

export type WahaMessage = z.infer<typeof wahaMessageSchema>;

/** `message.ack` payload. ack: -1 ERROR, 0 PENDING, 1 SERVER, 2 DEVICE, 3 READ, 4 PLAYED. */
export const wahaAckSchema = z.looseObject({
  id: z.string().min(1),
  from: z.string().nullish(),
  to: z.string().nullish(),
  participant: z.string().nullish(),
  fromMe: z.boolean().optional(),
  ack: z.number().int(),
  ackName: z.string().optional(),
});

export type WahaAck = z.infer<typeof wahaAckSchema>;

export const wahaSessionStatusSchema = z.looseObject({ status: z.string() });
