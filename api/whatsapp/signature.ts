import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Meta signs every webhook with X-Hub-Signature-256: "sha256=" + HMAC-SHA256(raw body, app secret).
 * The raw bytes are what count: re-serialised JSON would not match. Constant-time compare.
 */
export function verifyWhatsAppSignature(rawBody: Buffer, header: string | undefined, appSecret: string): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const received = Buffer.from(header.slice('sha256='.length), 'hex');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return received.length === expected.length && timingSafeEqual(received, expected);
}

export function signWhatsAppBody(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}
