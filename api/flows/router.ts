import type { Client } from '@temporalio/client';
import { Router } from 'express';
import type { ProviderEnv } from '../../activities/whatsapp/providerConfig';
import { contextOf, requireRole } from '../auth/authenticate';
import { idParam } from '../http/ids';
import { parseBody } from '../http/validate';
import { createFlowSchema, publishFlowSchema, rollbackFlowSchema, updateFlowSchema } from './schemas';
import { createFlow, deleteFlow, getFlow, getFlowVersion, listFlows, publishFlow, rollbackFlow, updateFlow, validateDraft } from './service';
import { getSimulation, startSimulation } from './simulations';

/**
 * Bot flows: drafts, validation, immutable published versions, rollback, and the builder's simulator
 * (a test customer on the sandbox talking to the draft). Which flow a number runs is set under
 * /api/whatsapp-numbers.
 */
export function flowsRouter(temporal: Client, provider: ProviderEnv['WHATSAPP_PROVIDER']) {
  const router = Router();
  router.use(requireRole('ADMIN', 'SUPERVISOR'));
  const id = (req: Parameters<typeof idParam>[0]) => idParam(req, 'Fluxo');
  router.get('/', async (req, res) => {
    res.json(await listFlows(contextOf(req)));
  });
  router.post('/', async (req, res) => {
    res.status(201).json(await createFlow(contextOf(req), parseBody(createFlowSchema, req)));
  });
  router.get('/:id', async (req, res) => {
    res.json(await getFlow(contextOf(req), id(req)));
  });
  router.patch('/:id', async (req, res) => {
    res.json(await updateFlow(contextOf(req), id(req), parseBody(updateFlowSchema, req)));
  });
  router.delete('/:id', async (req, res) => {
    await deleteFlow(contextOf(req), id(req));
    res.status(204).end();
  });
  router.post('/:id/validate', async (req, res) => {
    res.json(await validateDraft(contextOf(req), id(req)));
  });
  router.post('/:id/publish', async (req, res) => {
    res.status(201).json(await publishFlow(contextOf(req), id(req), parseBody(publishFlowSchema, req).note));
  });
  router.post('/:id/rollback', async (req, res) => {
    res.json(await rollbackFlow(contextOf(req), id(req), parseBody(rollbackFlowSchema, req).versionId));
  });
  router.get('/:id/versions/:versionId', async (req, res) => {
    res.json(await getFlowVersion(contextOf(req), id(req), idParam(req, 'Versão', 'versionId')));
  });
  router.post('/:id/simulations', async (req, res) => {
    res.status(201).json(await startSimulation(contextOf(req), temporal, provider, id(req)));
  });
  router.get('/:id/simulations/:simulationId', async (req, res) => {
    res.json(await getSimulation(contextOf(req), temporal, id(req), idParam(req, 'Simulação', 'simulationId')));
  });
  return router;
}
