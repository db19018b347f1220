/**
 * One token bucket per key: `capacity` tokens to spend at once, one token back every `refillEveryMs`.
 * Time comes from the sandbox clock so tests can freeze or move it.
 */
export interface TokenBuckets {
  take(key: string): boolean;
  clear(): void;
}

export function createTokenBuckets(capacity: number, refillEveryMs: number, now: () => number): TokenBuckets {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: capacity, at: t };
      bucket.tokens = Math.min(capacity, bucket.tokens + Math.max(0, t - bucket.at) / refillEveryMs);
      bucket.at = t;
      buckets.set(key, bucket);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
    clear() {
      buckets.clear();
    },
  };
}
