import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { ensureTemporalCli } from '../temporal/cli';
import { Worker } from '@temporalio/worker';
import type { temporal } from '@temporalio/proto';
import { inject } from 'vitest';
import './providedContext';

/** Replays a recorded history against the current workflow bundle; throws DeterminismViolationError on drift. */
export async function replay(history: temporal.api.history.v1.IHistory): Promise<void> {
  await Worker.runReplayHistory({ workflowBundle: { code: readFileSync(inject('workflowBundlePath'), 'utf8') } }, history);
}

/** Where histories of real runs are kept, so later changes to workflow code are replayed against them. */
export const recordedHistoriesDir = new URL('../workflows/test/histories/', import.meta.url).pathname;

/**
 * With RECORD_HISTORIES=1 a test keeps the history of a run worth guarding, in the JSON that
 * `temporal workflow show --output json` prints. Recording is deliberate: a new file is reviewed and
 * committed like code, and replaying it is what the suite checks.
 */
export async function recordHistory(name: string, workflowId: string, runId?: string) {
  if (!process.env.RECORD_HISTORIES) return;
  const run = runId ? ['--run-id', runId] : [];
  const json = execFileSync(await ensureTemporalCli(), ['workflow', 'show', '--workflow-id', workflowId, ...run, '--address', inject('temporalAddress'), '--output', 'json'], { maxBuffer: 64 * 1024 * 1024 });
  mkdirSync(recordedHistoriesDir, { recursive: true });
  writeFileSync(path.join(recordedHistoriesDir, `${name}.json`), json);
}

export function recordedHistories() {
  return readdirSync(recordedHistoriesDir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({ name: file.replace(/\.json$/, ''), history: historyFromJSON(JSON.parse(readFileSync(path.join(recordedHistoriesDir, file), 'utf8'))) }));
}
