import { Router } from 'express';
import { contextOf, requireRole } from '../auth/authenticate';
import { assignFlowToNumber } from '../flows/service';
import { idParam } from '../http/ids';
import { parseBody } from '../http/validate';
import { assignFlowSchema, createNumberSchema, updateNumberSchema } from './schemas';
import { createNumber, deleteNumber, listNumbers, updateNumber } from './service';

/**
 * The company's WhatsApp numbers: supervisors read them, admins register, edit, deactivate and delete
 * them and pick the flow each runs. The inbox's number filter reads /api/conversations/numbers instead,
 * which every role may.
 */
export function whatsappNumbersRouter() {
  const router = Router();
  const id = (req: Parameters<typeof idParam>[0]) => idParam(req, 'Número');
  router.get('/', requireRole('ADMIN', 'SUPERVISOR'), async (req, res) => {
    res.json(await listNumbers(contextOf(req)));
  });
  router.post('/', requireRole('ADMIN'), async (req, res) => {
    res.status(201).json(await createNumber(contextOf(req), parseBody(createNumberSchema, req)));
  });
  router.patch('/:id', requireRole('ADMIN'), async (req, res) => {
    res.json(await updateNumber(contextOf(req), id(req), parseBody(updateNumberSchema, req)));
  });
  router.delete('/:id', requireRole('ADMIN'), async (req, res) => {
    await deleteNumber(contextOf(req), id(req));
    res.status(204).end();
  });
  router.put('/:id/flow', requireRole('ADMIN'), async (req, res) => {
    res.json(await assignFlowToNumber(contextOf(req), id(req), parseBody(assignFlowSchema, req).flowId));
  });
  return router;
}
