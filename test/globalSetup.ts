import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { TestProject } from 'vitest/node';
import './providedContext';
import { createDatabaseIfMissing, dropDatabase, migrateDeploy } from '../prisma/database';
import { freePort } from '../scripts/freePort';
import { ensureTemporalCli } from '../temporal/cli';
import { workflowsPath } from '../temporal/createWorker';
import { startDevServer, type DevServer } from '../temporal/devServer';


/**
 * Once per test run: a throwaway PostgreSQL database migrated from scratch, a real Temporal dev server
 * on free ports, and the workflow bundle built once for every test worker.
 */
export default async function setup(project: TestProject) {
  const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  const CONTINUE_AS_NEW_SUGGESTED_AT = 300;
  base.pathname = `/orquestra_test_${Date.now()}_${process.pid}`;
  const databaseUrl = base.toString();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'orquestra-test-'));

  const cliPath = await ensureTemporalCli();
  const [temporal, bundle] = await Promise.all([
    // Continue-as-new is suggested after a few hundred events instead of thousands, so tests reach it.
    freePort().then((port) => startDevServer({ cliPath, port, logLevel: 'error', dynamicConfig: { 'limit.historyCount.suggestContinueAsNew': CONTINUE_AS_NEW_SUGGESTED_AT } })),
    bundleWorkflowCode({ workflowsPath, logger: quietBundlerLogger }),
    createDatabaseIfMissing(databaseUrl).then(() => migrateDeploy(databaseUrl)),
  ]) as [DevServer, { code: string }, void];

  const workflowBundlePath = path.join(tmp, 'workflows.js');
  writeFileSync(workflowBundlePath, bundle.code);

  project.provide('databaseUrl', databaseUrl);
  project.provide('temporalAddress', temporal.address);
  project.provide('workflowBundlePath', workflowBundlePath);
  project.provide('continueAsNewSuggestedAt', CONTINUE_AS_NEW_SUGGESTED_AT);

  return async () => {
    await temporal.stop();
    await dropDatabase(databaseUrl).catch((error: unknown) => console.error('could not drop test database', error));
    rmSync(tmp, { recursive: true, force: true });
  };
}

const quietBundlerLogger = {
  trace() {},
  debug() {},
  info() {},
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
  log() {},
};
