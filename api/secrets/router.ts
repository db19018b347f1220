import { Router, type Request } from 'express';
import { contextOf, requireRole } from '../auth/authenticate';
import { notFound } from '../errors';
import { parseBody } from '../http/validate';
import type { SecretKeyRing } from './encryptionKeys';
import { putSecretSchema, secretNameSchema } from './schemas';
import { deleteSecret, listSecrets, putSecret } from './service';

/** A malformed name can name no secret, so it answers like a missing one (as malformed ids do). */
function nameParam(req: Request) {
  const parsed = secretNameSchema.safeParse(req.params.name);
  if (!parsed.success) throw notFound('Segredo');
  return parsed.data;
}

/** Company secrets (API keys, tokens) that flows' HTTP blocks and the AI settings refer to by name. */
export function secretsRouter(keys: SecretKeyRing) {
  const router = Router();
  router.use(requireRole('ADMIN'));
  router.get('/', async (req, res) => {
    res.json(await listSecrets(contextOf(req)));
  });
  router.put('/:name', async (req, res) => {
    res.json(await putSecret(contextOf(req), keys, nameParam(req), parseBody(putSecretSchema, req).value));
  });
  router.delete('/:name', async (req, res) => {
    await deleteSecret(contextOf(req), nameParam(req));
    res.status(204).end();
  });
  return router;
}
