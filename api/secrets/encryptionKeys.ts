import { createSecretKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';

/** The keys company secrets are sealed with: `current` encrypts, every key in `byId` decrypts. */
export interface SecretKeyRing {
  current: { id: string; key: KeyObject };
  byId: ReadonlyMap<string, KeyObject>;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const FORMAT = 'must be keyId:base64-key pairs separated by commas, the first one encrypting (e.g. 2026a:<openssl rand -base64 32>)';

/**
 * SECRETS_ENCRYPTION_KEYS, `keyId:base64,keyId:base64`, shared by the API (which encrypts) and the
 * worker (which decrypts). Keys become KeyObjects so a logged or serialised config never shows them.
 */
export const secretsEncryptionKeysSchema = z.string({ error: FORMAT }).transform((value, ctx): SecretKeyRing => {
  const byId = new Map<string, KeyObject>();
  const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
  if (!entries.length) ctx.addIssue({ code: 'custom', message: FORMAT });
  for (const [index, entry] of entries.entries()) {
    const [id = '', material = '', ...rest] = entry.split(':');
    // Named by position, never by its text: an entry without its id starts with the key itself.
    if (!KEY_ID.test(id) || !BASE64.test(material) || rest.length) {
      ctx.addIssue({ code: 'custom', message: `${FORMAT}; entry ${index + 1} is not` });
      continue;
    }
    const bytes = Buffer.from(material, 'base64');
    if (bytes.length !== 32) ctx.addIssue({ code: 'custom', message: `key "${id}" must be 32 bytes (AES-256), it is ${bytes.length}` });
    else if (byId.has(id)) ctx.addIssue({ code: 'custom', message: `key id "${id}" appears twice` });
    else byId.set(id, createSecretKey(bytes));
  }
  if (!byId.size) return z.NEVER;
  const [id, key] = byId.entries().next().value!;
  return { current: { id, key }, byId };
});
