/**
 * Counts webhook arrivals over the last second. Above the threshold the API only acknowledges:
 * processing (about ten times the CPU of an acknowledgement) waits for the burst to pass, so Meta's
 * answers stay fast and nothing is lost: every event is already stored and the re-driver takes it.
 */
export function createIntakePressure(thresholdPerSecond: number, now: () => number = Date.now) {
  let windowStart = now();
  let current = 0;
  let previous = 0;
  const roll = () => {
    const t = now();
    if (t - windowStart >= 1000) {
      previous = t - windowStart >= 2000 ? 0 : current;
      current = 0;
      windowStart = t;
    }
  };
  return {
    arrived() {
      roll();
      current++;
    },
    high(): boolean {
      roll();
      return Math.max(current, previous) > thresholdPerSecond;
    },
  };
}
