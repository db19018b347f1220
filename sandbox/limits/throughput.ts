import { createTokenBuckets, type TokenBuckets } from './tokenBuckets';

/**
 * Meta's per-number throughput (80 messages per second by default, up to 1,000 after an upgrade).
 * Past it a send is refused with 130429; nothing is queued on Meta's side.
 */
export function createThroughputLimit(messagesPerSecond: number, now: () => number): TokenBuckets {
  return createTokenBuckets(messagesPerSecond, 1000 / messagesPerSecond, now);
}
