import express, { Router } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../errors';
import { verifyWhatsAppSignature } from './signature';
import type { WebhookEventWriter } from './webhookEventWriter';
import { webhookEnvelopeSchema } from './webhookSchemas';

interface WebhookDeps {
  events: WebhookEventWriter;
  logger: Logger;
  appSecret: string;
  verifyToken: string;
  /** Called after the 200 went out; processing never delays Meta's acknowledgement. */
  onStored: (eventId: string) => void;
}

// Meta's payloads are far smaller; 3 MB is the ceiling the issue sets before answering 413.
const BODY_LIMIT = '3mb';

export function whatsappWebhookRouter(deps: WebhookDeps) {
  const router = Router();

  // Subscription handshake: Meta calls GET with hub.* parameters when the webhook URL is saved.
  router.get('/', (req, res) => {
    const mode = req.query['hub.mode'];
    const token = req.query['hub.verify_token'];
    const challenge = req.query['hub.challenge'];
    if (mode === 'subscribe' && typeof token === 'string' && token === deps.verifyToken && typeof challenge === 'string') {
      res.type('text/plain').send(challenge);
      return;
    }
    throw new AppError('FORBIDDEN', 'Token de verificação inválido');
  });

  router.post('/', express.raw({ type: () => true, limit: BODY_LIMIT }), async (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!verifyWhatsAppSignature(raw, req.get('x-hub-signature-256'), deps.appSecret)) {
      deps.logger.warn({ ip: req.ip, hasSignature: Boolean(req.get('x-hub-signature-256')) }, 'webhook rejected: bad signature');
      throw new AppError('UNAUTHENTICATED', 'Assinatura X-Hub-Signature-256 ausente ou inválida');
    }
    let payload: unknown;
    try {
      payload = JSON.parse(raw.toString('utf8')) as unknown;
    } catch {
      throw new AppError('INVALID_JSON', 'O corpo do webhook não é um JSON válido');
    }
    // A signed body we cannot read is stored as FAILED for inspection and still acknowledged:
    // Meta would otherwise resend it for days, and no retry would make it readable.
    const shapeOk = webhookEnvelopeSchema.safeParse(payload).success;
    const eventId = await deps.events.write({
      source: 'whatsapp',
      rawJson: raw.toString('utf8'),
      ...(shapeOk ? {} : { status: 'FAILED', lastError: 'envelope does not match the WhatsApp webhook shape' }),
    });
    res.status(200).json({ received: true });
    if (shapeOk) deps.onStored(eventId);
  });

  return router;
}
