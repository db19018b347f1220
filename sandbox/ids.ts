import { randomBytes, randomInt } from 'node:crypto';

/**
 * Shaped like Meta's: `wamid.` + base64 of an envelope that embeds the recipient. Apps must treat it as
 * opaque; the shape only keeps logs and length limits realistic.
 */
export function newWamid(waId: string): string {
  const envelope = Buffer.concat([
    Buffer.from([0x1c, 0x18, waId.length]),
    Buffer.from(waId),
    Buffer.from([0x15, 0x02, 0x00, 0x11, 0x18, 0x12]),
    Buffer.from(randomBytes(9).toString('hex').toUpperCase()),
    Buffer.from([0x00]),
  ]);
  return `wamid.${envelope.toString('base64')}`;
}

/** Graph object ids are 16-digit strings; kept below 2^53 because webhooks carry template ids as JSON numbers. */
export function newObjectId(): string {
  return `${randomInt(1, 9)}${String(randomInt(0, 1e9)).padStart(9, '0')}${String(randomInt(0, 1e6)).padStart(6, '0')}`;
}

export function newTraceId(): string {
  return randomBytes(17).toString('base64url').slice(0, 23);
}
