import { createHmac } from 'node:crypto';

/**
 * The `X-Hub-Signature-256` value Meta sends: HMAC-SHA256 of the exact body bytes, keyed with the app
 * secret. A receiver must hash the raw bytes it got, not a re-serialised copy of the parsed JSON.
 */
export function signWebhookBody(body: Buffer, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
}
