import { Router } from 'express';
import type { Client } from '@temporalio/client';
import { nudgeQueues } from '../conversations/nudgeQueues';
import { contextOf, requireRole } from '../auth/authenticate';
import { idParam } from '../http/ids';
import { parseBody, parseQuery } from '../http/validate';
import { createUserSchema, listUsersQuerySchema, presenceUpdateSchema, updateUserSchema } from './schemas';
import { createUser, deactivateUser, getUser, listUsers, setPresence, updateUser, userDirectory } from './service';

export function usersRouter(temporal: Client) {
  const router = Router();
  router.put('/me/status', async (req, res) => {
    const ctx = contextOf(req);
    const user = await setPresence(ctx, parseBody(presenceUpdateSchema, req).status);
    if (user.status === 'ONLINE') await nudgeQueues(temporal, ctx.db, { userId: user.id });
    res.json(user);
  });
  router.get('/directory', async (req, res) => {
    res.json(await userDirectory(contextOf(req)));
  });
  router.get('/', requireRole('ADMIN', 'SUPERVISOR'), async (req, res) => {
    res.json(await listUsers(contextOf(req), parseQuery(listUsersQuerySchema, req)));
  });
  router.get('/:id', requireRole('ADMIN', 'SUPERVISOR'), async (req, res) => {
    res.json(await getUser(contextOf(req), idParam(req, 'Usuário')));
  });
  router.post('/', requireRole('ADMIN'), async (req, res) => {
    res.status(201).json(await createUser(contextOf(req), parseBody(createUserSchema, req)));
  });
  router.patch('/:id', requireRole('ADMIN'), async (req, res) => {
    const id = idParam(req, 'Usuário');
    res.json(await updateUser(contextOf(req), id, parseBody(updateUserSchema, req)));
  });
  router.delete('/:id', requireRole('ADMIN'), async (req, res) => {
    res.json(await deactivateUser(contextOf(req), idParam(req, 'Usuário')));
  });
  return router;
}
