import { createTokenBuckets, type TokenBuckets } from './tokenBuckets';

/**
 * Meta's pair rate limit: one message every 6 s from a business number to the same user, with bursts
 * (up to 45) borrowed from later quota. Past it a send is refused with 131056; other users are unaffected.
 */
export function createPairRateLimit(options: { burst: number; intervalMs: number }, now: () => number): TokenBuckets {
  return createTokenBuckets(options.burst, options.intervalMs, now);
}

export function pairKey(phoneNumberId: string, waId: string): string {
  return `${phoneNumberId}:${waId}`;
}
