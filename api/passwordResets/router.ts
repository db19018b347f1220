import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { contextOf, requireRole } from '../auth/authenticate';
import { idParam } from '../http/ids';
import { parseBody, parseQuery } from '../http/validate';
import { decidePasswordReset, listPasswordResets, requestPasswordReset } from './service';

const requestSchema = z.object({ email: z.email('informe um e-mail válido').max(254) });
const listQuerySchema = z.object({ status: z.enum(['PENDING', 'APPROVED', 'REJECTED', 'EXPIRED']).optional() });

/** Public: POST /api/auth/password-reset-requests. */
export function passwordResetRequestRouter(deps: AppDeps) {
  const router = Router();
  router.post('/', async (req, res) => {
    const { email } = parseBody(requestSchema, req);
    await requestPasswordReset({ db: deps.db, temporal: deps.temporal, taskQueue: deps.config.TEMPORAL_TASK_QUEUE, expiresInMs: deps.config.PASSWORD_RESET_EXPIRY_SECONDS * 1000 }, email, {
      ip: req.ip ?? '',
      requestId: String(req.id ?? ''),
    });
    res.status(202).json({ message: 'Se o e-mail estiver cadastrado, um administrador receberá a solicitação.' });
  });
  return router;
}

/** ADMIN: /api/password-reset-requests. */
export function passwordResetAdminRouter(deps: AppDeps) {
  const router = Router();
  router.use(requireRole('ADMIN'));
  router.get('/', async (req, res) => {
    res.json(await listPasswordResets(contextOf(req), parseQuery(listQuerySchema, req).status));
  });
  router.post('/:id/approve', async (req, res) => {
    res.json(await decidePasswordReset(contextOf(req), deps.temporal, idParam(req, 'Solicitação'), true));
  });
  router.post('/:id/reject', async (req, res) => {
    res.json(await decidePasswordReset(contextOf(req), deps.temporal, idParam(req, 'Solicitação'), false));
  });
  return router;
}
