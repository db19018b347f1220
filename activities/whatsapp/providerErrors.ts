/**
 * What a provider failure means for the caller. `retryable` failures go back to Temporal's retry
 * policy (with a hint of how long to wait); the others are business answers a person must act on.
 */
export type WhatsAppFailureKind =
  | 'throughput' // 130429: too many messages per second on this number
  | 'pair_rate' // 131056: too many messages to this customer in a short time
  | 'window_closed' // 131047: more than 24 h since the customer last wrote: only templates may go
  | 'undeliverable' // 131026
  | 'recipient' // 131049/131048/131021 and other per-recipient refusals
  | 'template' // 132000-132016
  | 'auth' // 190: access token invalid or expired: an operator must fix configuration
  | 'invalid' // 100/131008/131009: our request was wrong
  | 'temporary' // 131000/131016, 5xx, network: try again
  | 'unknown_outcome'; // the request may have gone through (timeout): never resend blindly

export class WhatsAppProviderError extends Error {
  constructor(
    readonly kind: WhatsAppFailureKind,
    message: string,
    readonly code: number | null,
    readonly retryAfterMs?: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'WhatsAppProviderError';
  }

  get retryable(): boolean {
    return this.kind === 'throughput' || this.kind === 'pair_rate' || this.kind === 'temporary';
  }
}

/** Maps a Graph API error code to its meaning (developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes). */
export function kindOfGraphError(code: number | null, httpStatus: number): WhatsAppFailureKind {
  if (code === 130429) return 'throughput';
  if (code === 131056) return 'pair_rate';
  if (code === 131047) return 'window_closed';
  if (code === 131026) return 'undeliverable';
  if (code === 131049 || code === 131048 || code === 131021 || code === 131050) return 'recipient';
  if (code !== null && code >= 132000 && code <= 132016) return 'template';
  if (code === 190 || code === 0 || httpStatus === 401) return 'auth';
  if (code === 131000 || code === 131016 || code === 1 || code === 2 || httpStatus >= 500 || httpStatus === 429) return 'temporary';
  return 'invalid';
}

const RETRY_AFTER_MS: Partial<Record<WhatsAppFailureKind, number>> = { throughput: 1000, pair_rate: 6000, temporary: 2000 };
export const suggestedRetryMs = (kind: WhatsAppFailureKind) => RETRY_AFTER_MS[kind];
