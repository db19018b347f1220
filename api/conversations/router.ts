import { Router } from 'express';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { contextOf, requireRole } from '../auth/authenticate';
import { idParam } from '../http/ids';
import { parseBody, parseQuery } from '../http/validate';
import { agentMessageSchema, listConversationsQuerySchema, listMessagesQuerySchema } from './schemas';
import { acceptConversation, closeConversation, sendAgentMessage } from './actions';
import { getConversation, listConversations, listMessages } from './service';

export function conversationsRouter(temporal: Client) {
  const router = Router();
  router.get('/', async (req, res) => {
    res.json(await listConversations(contextOf(req), parseQuery(listConversationsQuerySchema, req)));
  });
  router.get('/:id', async (req, res) => {
    res.json(await getConversation(contextOf(req), idParam(req, 'Conversa')));
  });
  router.get('/:id/messages', async (req, res) => {
    res.json(await listMessages(contextOf(req), idParam(req, 'Conversa'), parseQuery(listMessagesQuerySchema, req)));
  });
  router.post('/:id/accept', requireRole('ADMIN', 'SUPERVISOR', 'AGENT'), async (req, res) => {
    res.json(await acceptConversation(contextOf(req), temporal, idParam(req, 'Conversa')));
  });
  router.post('/:id/close', requireRole('ADMIN', 'SUPERVISOR', 'AGENT'), async (req, res) => {
    res.json(await closeConversation(contextOf(req), temporal, idParam(req, 'Conversa')));
  });
  router.post('/:id/messages', requireRole('ADMIN', 'SUPERVISOR', 'AGENT'), async (req, res) => {
    const { text, clientMessageId } = parseBody(agentMessageSchema, req);
    res.status(201).json(await sendAgentMessage(contextOf(req), temporal, idParam(req, 'Conversa'), { text, clientMessageId: clientMessageId ?? randomUUID() }));
  });
  return router;
}
