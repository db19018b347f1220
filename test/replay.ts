import { readFileSync } from 'node:fs';
import { Worker } from '@temporalio/worker';
import type { temporal } from '@temporalio/proto';
import { inject } from 'vitest';
import './providedContext';

/** Replays a recorded history against the current workflow bundle; throws DeterminismViolationError on drift. */
export async function replay(history: temporal.api.history.v1.IHistory): Promise<void> {
  await Worker.runReplayHistory({ workflowBundle: { code: readFileSync(inject('workflowBundlePath'), 'utf8') } }, history);
}
