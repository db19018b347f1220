import { createHmac, timingSafeEqual } from 'node:crypto';

// WAHA signs each webhook when the session's webhook has `hmac.key`: X-Webhook-Hmac is the hex
// HMAC-SHA512 of the raw body and X-Webhook-Hmac-Algorithm says "sha512"
// (waha.devlike.pro/docs/how-to/webhooks, "HMAC authentication").
const ALGORITHM = 'sha512';
const HEX_DIGEST = /^[0-9a-f]{128}$/i;

/** Constant-time check of the raw bytes; any other algorithm is refused rather than trusted. */
export function verifyWahaSignature(rawBody: Buffer, header: string | undefined, algorithmHeader: string | undefined, secret: string): boolean {
  if (algorithmHeader !== undefined && algorithmHeader.trim().toLowerCase() !== ALGORITHM) return false;
  const received = header?.trim();
  if (!received || !HEX_DIGEST.test(received)) return false;
  const expected = createHmac(ALGORITHM, secret).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(received, 'hex'), expected);
}

export function signWahaBody(rawBody: Buffer | string, secret: string): string {
  return createHmac(ALGORITHM, secret).update(rawBody).digest('hex');
}
