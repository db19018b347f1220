import { Router } from 'express';
import { AppError } from '../errors';

interface WebhookDeps {
  verifyToken: string;
}

/** GET /webhooks/whatsapp; the POST side is api/whatsapp/acceptWebhook.ts, ahead of Express. */
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

  return router;
}
