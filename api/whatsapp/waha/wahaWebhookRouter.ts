import express, { Router } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../../errors';
import { WAHA_SOURCE, wahaEnvelopeSchema } from './wahaSchemas';
import { verifyWahaSignature } from './wahaSignature';
import { freshEvent, type StoredEvent } from '../settleEvent';

/** Stores one raw body and gives its id; the same shape as the Cloud API intake's group-commit writer. */
export interface WahaEventWriter {
  write(event: { source: string; rawJson: string; status?: 'RECEIVED' | 'FAILED'; lastError?: string }): Promise<string>;
}

interface WahaWebhookDeps {
  events: WahaEventWriter;
  logger: Logger;
  /**
   * The `hmac.key` set on the WAHA sessions' webhook. When set, unsigned or wrongly signed bodies
   * are refused; without it anyone who finds the URL can post messages, so production must set it.
   */
  hmacSecret?: string;
  /** Called after the 200 went out; processing never delays WAHA's acknowledgement. */
  onStored: (event: StoredEvent) => void;
}

// WAHA's bodies carry no media (only URLs), so they stay far below this; above it the answer is 413.
const BODY_LIMIT = '3mb';

/** POST /webhooks/waha: verify, store the raw event, answer 200, then process. */
export function wahaWebhookRouter(deps: WahaWebhookDeps) {
  const router = Router();
  if (!deps.hmacSecret) deps.logger.warn('WAHA webhook accepts unsigned bodies: set WAHA_WEBHOOK_HMAC_KEY');

  router.post('/', express.raw({ type: () => true, limit: BODY_LIMIT }), async (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (deps.hmacSecret && !verifyWahaSignature(raw, req.get('x-webhook-hmac'), req.get('x-webhook-hmac-algorithm'), deps.hmacSecret)) {
      deps.logger.warn({ ip: req.ip, hasSignature: Boolean(req.get('x-webhook-hmac')) }, 'WAHA webhook rejected: bad signature');
      throw new AppError('UNAUTHENTICATED', 'Assinatura X-Webhook-Hmac ausente ou inválida');
    }
    let payload: unknown;
    try {
      payload = JSON.parse(raw.toString('utf8')) as unknown;
    } catch {
      throw new AppError('INVALID_JSON', 'O corpo do webhook não é um JSON válido');
    }
    // A body we cannot read is kept as FAILED for inspection and still acknowledged: WAHA would
    // otherwise retry it, and no retry would make it readable.
    const shapeOk = wahaEnvelopeSchema.safeParse(payload).success;
    const eventId = await deps.events.write({
      source: WAHA_SOURCE,
      rawJson: raw.toString('utf8'),
      ...(shapeOk ? {} : { status: 'FAILED', lastError: 'body does not match the WAHA webhook shape' }),
    });
    res.status(200).json({ received: true });
    if (shapeOk) deps.onStored(freshEvent(eventId, WAHA_SOURCE, payload));
  });

  return router;
}
