import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretKeyRing } from './encryptionKeys';

/** Whose secret a value is; bound to the ciphertext, so a value copied to another company or name does not open. */
export interface SecretOwner {
  companyId: string;
  name: string;
}

/** A stored value that cannot be opened: a key no longer in the ring, a tampered or copied row. */
export class UnreadableSecretError extends Error {
  override name = 'UnreadableSecretError';
}

const VERSION = 'v1';

// A uuid and a \w name hold no NUL, so the pair reads back one way only.
const additionalData = (owner: SecretOwner) => Buffer.from(`${VERSION}\0${owner.companyId}\0${owner.name}`);

/** `v1:<keyId>:<iv>:<tag>:<ciphertext>`, base64url; AES-256-GCM with a fresh 12-byte IV each time. */
export function encryptSecret(ring: SecretKeyRing, owner: SecretOwner, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', ring.current.key, iv).setAAD(additionalData(owner));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, ring.current.id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join(':');
}

/**
 * Rows written before secrets were encrypted hold the plaintext itself. One that happened to start with
 * `v1:` is taken for a ciphertext, fails to open, and has to be stored again.
 */
export const ENCRYPTED_PREFIX = `${VERSION}:`;

/**
 * The plaintext of a stored value. An unprefixed value is a legacy plaintext row and is returned as it
 * is: the API encrypts those at start (reencryptSecrets), and until then, or while an API of the
 * previous release still writes them during a rolling deploy, flows keep working.
 */
export function decryptSecret(ring: SecretKeyRing, owner: SecretOwner, stored: string): string {
  if (!stored.startsWith(ENCRYPTED_PREFIX)) return stored;
  const [, keyId = '', iv = '', tag = '', ciphertext = '', ...rest] = stored.split(':');
  if (rest.length) throw new UnreadableSecretError('malformed value');
  const key = ring.byId.get(keyId);
  if (!key) throw new UnreadableSecretError(`unknown key id "${keyId}"`);
  const ivBytes = Buffer.from(iv, 'base64url');
  const tagBytes = Buffer.from(tag, 'base64url');
  // GCM accepts shorter tags, which would make forging easier: only the full 16 bytes we write count.
  if (ivBytes.length !== 12 || tagBytes.length !== 16) throw new UnreadableSecretError('malformed value');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, ivBytes, { authTagLength: 16 }).setAAD(additionalData(owner)).setAuthTag(tagBytes);
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new UnreadableSecretError('authentication failed (tampered, or copied from another company or name)');
  }
}
