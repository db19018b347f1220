import { Router } from 'express';
import type { Registry } from 'prom-client';
import type { AppDeps } from '../deps';

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref())]);

async function check(name: string, probe: () => Promise<unknown>) {
  try {
    await withTimeout(probe(), 2000);
    return { name, ok: true as const };
  } catch (error) {
    return { name, ok: false as const, error: (error as Error).message };
  }
}

export function healthRouter(deps: AppDeps, registry: Registry) {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const checks = await Promise.all([
      check('postgres', () => deps.db.$queryRaw`SELECT 1`),
      check('temporal', () => deps.temporal.workflowService.getSystemInfo({})),
    ]);
    const ready = checks.every((c) => c.ok);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', checks });
  });
  router.get('/metrics', async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
  return router;
}
