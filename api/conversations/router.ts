import { Router } from 'express';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { contextOf, requireRole } from '../auth/authenticate';
import { idParam } from '../http/ids';
import { parseBody, parseQuery } from '../http/validate';
import { agentMessageSchema, assignSchema, listConversationsQuerySchema, listMessagesQuerySchema, transferSchema } from './schemas';
import { acceptConversation, announceTyping, markConversationRead, assignConversation, closeConversation, reopenConversation, sendAgentMessage, transferConversation } from './actions';
import { getConversationFlowPath } from './flowPath';
import { getConversation, listAssignments, listConversations, listMessages, listNumbers } from './service';

export function conversationsRouter(temporal: Client, taskQueue: string) {
  const router = Router();
  const attendants = requireRole('ADMIN', 'SUPERVISOR', 'AGENT');
  const id = (req: Parameters<typeof idParam>[0]) => idParam(req, 'Conversa');
  router.get('/', async (req, res) => {
    res.json(await listConversations(contextOf(req), parseQuery(listConversationsQuerySchema, req)));
  });
  // Before /:id, which would take "numbers" for a conversation id.
  router.get('/numbers', async (req, res) => {
    res.json(await listNumbers(contextOf(req)));
  });
  router.get('/:id', async (req, res) => {
    res.json(await getConversation(contextOf(req), id(req)));
  });
  router.get('/:id/messages', async (req, res) => {
    res.json(await listMessages(contextOf(req), id(req), parseQuery(listMessagesQuerySchema, req)));
  });
  router.get('/:id/assignments', async (req, res) => {
    res.json(await listAssignments(contextOf(req), id(req)));
  });
  router.get('/:id/flow-path', async (req, res) => {
    res.json(await getConversationFlowPath(contextOf(req), temporal, id(req)));
  });
  router.post('/:id/accept', attendants, async (req, res) => {
    res.json(await acceptConversation(contextOf(req), temporal, id(req)));
  });
  router.post('/:id/assign', requireRole('ADMIN', 'SUPERVISOR'), async (req, res) => {
    res.json(await assignConversation(contextOf(req), temporal, id(req), parseBody(assignSchema, req).agentId));
  });
  router.post('/:id/transfer', attendants, async (req, res) => {
    res.json(await transferConversation(contextOf(req), temporal, id(req), parseBody(transferSchema, req)));
  });
  router.post('/:id/close', attendants, async (req, res) => {
    res.json(await closeConversation(contextOf(req), temporal, id(req)));
  });
  router.post('/:id/reopen', attendants, async (req, res) => {
    res.json(await reopenConversation(contextOf(req), temporal, taskQueue, id(req)));
  });
  router.post('/:id/read', attendants, async (req, res) => {
    res.json(await markConversationRead(contextOf(req), id(req)));
  });
  router.post('/:id/typing', attendants, async (req, res) => {
    await announceTyping(contextOf(req), id(req));
    res.status(204).end();
  });
  router.post('/:id/messages', attendants, async (req, res) => {
    const message = parseBody(agentMessageSchema, req);
    res.status(201).json(await sendAgentMessage(contextOf(req), temporal, id(req), { ...message, clientMessageId: message.clientMessageId ?? randomUUID() }));
  });
  return router;
}
