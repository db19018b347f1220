import { CancellationScope, isCancellation, sleep } from '@temporalio/workflow';

/** A timer read as a flag inside `condition(...)`, cancelled (and so closed in the history) when it no longer matters. */
export function startTimer(ms: number | null) {
  let fired = false;
  const scope = new CancellationScope();
  if (ms !== null) {
    scope
      .run(() => sleep(Math.max(1, ms)))
      .then(
        () => (fired = true),
        (error: unknown) => {
          if (!isCancellation(error)) throw error;
        },
      );
  }
  return { fired: () => fired, cancel: () => scope.cancel() };
}
