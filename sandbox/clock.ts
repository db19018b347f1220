/**
 * The sandbox's notion of "now". Every decision that depends on time (the 24 h window, rate limits,
 * media URL expiry, timestamps) reads it, so tests and the control API can move time forward
 * instead of waiting a day.
 */
export interface SandboxClock {
  now(): number;
  advance(ms: number): void;
  reset(): void;
}

export function createClock(base: () => number = Date.now): SandboxClock {
  let offset = 0;
  return {
    now: () => base() + offset,
    advance(ms) {
      offset += ms;
    },
    reset() {
      offset = 0;
    },
  };
}

/** Meta's webhooks carry Unix seconds as strings. */
export function unixSeconds(ms: number): string {
  return String(Math.floor(ms / 1000));
}
