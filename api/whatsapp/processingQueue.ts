/** What a queued event's processing holds: given up while it only waits on another service. */
export interface ProcessingSlot {
  /** Runs `wait` without holding the slot, so the next event starts meanwhile; the slot comes back after. */
  outside<T>(wait: () => Promise<T>): Promise<T>;
}

interface ProcessingQueueOptions<T> {
  /** Events processed at once on the API's CPU and database connections. */
  concurrency: number;
  /** Events that may wait in arrival order; beyond it they stay stored for the re-driver. */
  backlog: number;
  process: (event: T, slot: ProcessingSlot) => Promise<unknown>;
  onError: (error: unknown, event: T) => void;
}

/**
 * Processing right after the 200, bounded so a burst never piles up promises and connections. A
 * message's signal to Temporal takes a slot's whole time for hundreds of milliseconds when the
 * server is busy: held, sixteen slots pass a few dozen new conversations a second and every message
 * behind them, even ones no workflow waits for, reaches the agents seconds late. Given up, waiting
 * costs the API nothing and the slots go to storing and showing messages.
 */
export function createProcessingQueue<T>(options: ProcessingQueueOptions<T>) {
  let busy = 0;
  const waiting: T[] = [];
  const inFlight = new Set<Promise<unknown>>();
  const slot: ProcessingSlot = {
    async outside(wait) {
      busy--;
      pump();
      try {
        return await wait();
      } finally {
        // Taken back at once, even over the limit: what is left of the event is short.
        busy++;
      }
    },
  };
  function pump() {
    while (busy < options.concurrency && waiting.length) start(waiting.shift()!);
  }
  function start(event: T) {
    busy++;
    const work = options
      .process(event, slot)
      .catch((error: unknown) => options.onError(error, event))
      .finally(() => {
        busy--;
        inFlight.delete(work);
        pump();
      });
    inFlight.add(work);
  }
  return {
    /** Starts the event now, queues it, or (backlog full) leaves it to the re-driver. */
    offer(event: T) {
      if (busy < options.concurrency) start(event);
      else if (waiting.length < options.backlog) waiting.push(event);
    },
    /** Resolves when everything started has finished (shutdown). */
    settled: () => Promise.allSettled([...inFlight]),
  };
}

/**
 * At most `limit` calls of `run` in flight, the rest waiting in call order. Signals to Temporal go
 * through one: once they wait outside the processing slots nothing else bounds them, and a burst
 * should reach Temporal no faster than it answers.
 */
export function limitConcurrency(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(call: () => Promise<T>): Promise<T> {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await call();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
