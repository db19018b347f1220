/**
 * Runs tasks one after another, in the order they were asked for, whatever order they finish in: a
 * conversation's database writes land in the order the workflow decided them (queue, then accept).
 */
export function serial() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };
}
