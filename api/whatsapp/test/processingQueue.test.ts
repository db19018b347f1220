import { describe, expect, test } from 'vitest';
import { createProcessingQueue, limitConcurrency, type ProcessingSlot } from '../processingQueue';

/** A promise the test settles by hand: a signal to Temporal that takes as long as the test says. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('webhook processing queue', () => {
  test('when every slot is busy, then the next events wait in arrival order and start as slots free; beyond the backlog they are left to the re-driver', async () => {
    const started: string[] = [];
    const gates = new Map<string, ReturnType<typeof gate>>();
    const queue = createProcessingQueue<string>({
      concurrency: 2,
      backlog: 2,
      process: async (id) => {
        started.push(id);
        const g = gate();
        gates.set(id, g);
        await g.opened;
      },
      onError: () => undefined,
    });
    for (const id of ['a', 'b', 'c', 'd', 'e']) queue.offer(id);
    expect(started).toEqual(['a', 'b']);
    gates.get('b')!.open();
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    gates.get('a')!.open();
    await tick();
    gates.get('c')!.open();
    gates.get('d')!.open();
    await queue.settled();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
  });

  test('when an event waits on another service outside its slot, then the events behind it are processed meanwhile, and it finishes after', async () => {
    const finished: string[] = [];
    const temporal = gate();
    const queue = createProcessingQueue<string>({
      concurrency: 1,
      backlog: 10,
      process: async (id: string, slot: ProcessingSlot) => {
        if (id === 'first-contact') await slot.outside(() => temporal.opened);
        finished.push(id);
      },
      onError: () => undefined,
    });
    queue.offer('first-contact');
    queue.offer('chat-1');
    queue.offer('chat-2');
    await tick();
    expect(finished).toEqual(['chat-1', 'chat-2']);
    temporal.open();
    await queue.settled();
    expect(finished).toEqual(['chat-1', 'chat-2', 'first-contact']);
  });

  test('when processing fails, then the error is reported with the event id and the slot is freed for the next event', async () => {
    const errors: string[] = [];
    const done: string[] = [];
    const queue = createProcessingQueue<string>({
      concurrency: 1,
      backlog: 10,
      process: async (id) => {
        if (id === 'broken') throw new Error('database down');
        done.push(id);
      },
      onError: (error, id) => errors.push(`${id}: ${(error as Error).message}`),
    });
    queue.offer('broken');
    queue.offer('next');
    await tick();
    await queue.settled();
    expect(errors).toEqual(['broken: database down']);
    expect(done).toEqual(['next']);
  });

  test('when more signals are due than may be in flight, then the rest wait and go in the order they came, even after a failure', async () => {
    const run = limitConcurrency(2);
    const gates = ['a', 'b', 'c', 'd'].map(() => gate());
    const started: string[] = [];
    const calls = ['a', 'b', 'c', 'd'].map((id, i) =>
      run(async () => {
        started.push(id);
        await gates[i]!.opened;
        if (id === 'a') throw new Error('Temporal unavailable');
        return id;
      }),
    );
    await tick();
    expect(started).toEqual(['a', 'b']);
    gates[0]!.open();
    await expect(calls[0]).rejects.toThrow('Temporal unavailable');
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    for (const g of gates.slice(1)) g.open();
    await expect(Promise.all(calls.slice(1))).resolves.toEqual(['b', 'c', 'd']);
    expect(started).toEqual(['a', 'b', 'c', 'd']);
  });
});
