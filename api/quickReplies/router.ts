import { Router } from 'express';
import { contextOf, requireRole } from '../auth/authenticate';
import { idParam } from '../http/ids';
import { parseBody, parseQuery } from '../http/validate';
import { createQuickReplySchema, listQuickRepliesQuerySchema, updateQuickReplySchema } from './schemas';
import { createQuickReply, deleteQuickReply, listQuickReplies, updateQuickReply } from './service';

export function quickRepliesRouter() {
  const router = Router();
  router.get('/', async (req, res) => {
    res.json(await listQuickReplies(contextOf(req), parseQuery(listQuickRepliesQuerySchema, req)));
  });
  router.post('/', requireRole('ADMIN', 'SUPERVISOR'), async (req, res) => {
    res.status(201).json(await createQuickReply(contextOf(req), parseBody(createQuickReplySchema, req)));
  });
  router.patch('/:id', requireRole('ADMIN', 'SUPERVISOR'), async (req, res) => {
    const id = idParam(req, 'Resposta rápida');
    res.json(await updateQuickReply(contextOf(req), id, parseBody(updateQuickReplySchema, req)));
  });
  router.delete('/:id', requireRole('ADMIN', 'SUPERVISOR'), async (req, res) => {
    await deleteQuickReply(contextOf(req), idParam(req, 'Resposta rápida'));
    res.status(204).end();
  });
  return router;
}
