/**
 * Serialises a webhook the way Meta does: every character above U+007F written as a `\uXXXX` escape.
 * Re-serialising the parsed object (`JSON.stringify(JSON.parse(raw))`) therefore yields different
 * bytes and a different signature, which is exactly the mistake a receiver must not make.
 */
export function encodeWebhookBody(payload: unknown): Buffer {
  const json = JSON.stringify(payload).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return Buffer.from(json, 'utf8');
}
