import { Router } from 'express';
import type { WhatsAppProvider } from '../../activities/whatsapp/provider';
import { contextOf, requireRole } from '../auth/authenticate';
import { parseBody, parseQuery } from '../http/validate';
import { listTemplates } from './listTemplates';
import { listTemplatesQuerySchema, syncTemplatesSchema } from './schemas';
import { syncTemplates } from './syncTemplates';

/** WhatsApp message templates: the only messages that reach a customer after the 24-hour window. */
export function templatesRouter(provider: WhatsAppProvider) {
  const router = Router();
  router.get('/', async (req, res) => {
    res.json(await listTemplates(contextOf(req), parseQuery(listTemplatesQuerySchema, req)));
  });
  router.post('/sync', requireRole('ADMIN', 'SUPERVISOR'), async (req, res) => {
    res.json(await syncTemplates(contextOf(req), provider, parseBody(syncTemplatesSchema, req).numberId));
  });
  return router;
}
