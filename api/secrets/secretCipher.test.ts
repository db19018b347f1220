import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { secretsEncryptionKeysSchema } from './encryptionKeys';
import { decryptSecret, encryptSecret, UnreadableSecretError } from './secretCipher';

const key = () => randomBytes(32).toString('base64');
const ring = (spec: string) => secretsEncryptionKeysSchema.parse(spec);
const owner = { companyId: '6f1c0d52-8a7e-4b8e-9d0e-3f0b1f6a2c11', name: 'CRM_TOKEN' };
const oldKey = `old:${key()}`;
const newKey = `new:${key()}`;

describe('company secret cipher', () => {
  test('when a value is encrypted, then the stored form names its key, hides the plaintext, changes every time and opens to the same text', () => {
    const keys = ring(oldKey);
    const stored = encryptSecret(keys, owner, 'tok-ção-🔑');
    expect(stored).toMatch(/^v1:old:[\w-]{16}:[\w-]{22}:[\w-]+$/);
    expect(stored).not.toContain('tok');
    expect(encryptSecret(keys, owner, 'tok-ção-🔑')).not.toBe(stored);
    expect(decryptSecret(keys, owner, stored)).toBe('tok-ção-🔑');
  });

  test('when a ciphertext is copied to another company or another name, then it does not open', () => {
    const keys = ring(oldKey);
    const stored = encryptSecret(keys, owner, 'sk-abc');
    expect(() => decryptSecret(keys, { ...owner, companyId: '0b8e8f7e-1111-4c2a-8a44-5d5e2d0c9a77' }, stored)).toThrowError(UnreadableSecretError);
    expect(() => decryptSecret(keys, { ...owner, name: 'OPENAI_KEY' }, stored)).toThrowError(/authentication failed/);
  });

  test('when keys rotate, then the new key encrypts and values sealed with the old one still open while it stays in the ring', () => {
    const before = encryptSecret(ring(oldKey), owner, 'antes');
    const rotated = ring(`${newKey},${oldKey}`);
    expect(decryptSecret(rotated, owner, before)).toBe('antes');
    const after = encryptSecret(rotated, owner, 'depois');
    expect(after.startsWith('v1:new:')).toBe(true);
    expect(decryptSecret(rotated, owner, after)).toBe('depois');
    expect(() => decryptSecret(ring(newKey), owner, before)).toThrowError(/unknown key id "old"/);
  });

  test('when a key with the same id holds other bytes, or the tag, IV or ciphertext is changed, then the value does not open', () => {
    const keys = ring(oldKey);
    const stored = encryptSecret(keys, owner, 'valor');
    expect(() => decryptSecret(ring(`old:${key()}`), owner, stored)).toThrowError(/authentication failed/);
    const parts = stored.split(':');
    const flip = (index: number) => {
      const bytes = Buffer.from(parts[index]!, 'base64url');
      bytes[0] = bytes[0]! ^ 1;
      return parts.map((p, i) => (i === index ? bytes.toString('base64url') : p)).join(':');
    };
    for (const index of [2, 3, 4]) expect(() => decryptSecret(keys, owner, flip(index))).toThrowError(UnreadableSecretError);
    // A truncated tag would be accepted by GCM as a shorter one, which is easier to forge.
    expect(() => decryptSecret(keys, owner, [...parts.slice(0, 3), parts[3]!.slice(0, 8), parts[4]].join(':'))).toThrowError(/malformed/);
    expect(() => decryptSecret(keys, owner, `${stored}:extra`)).toThrowError(/malformed/);
  });

  test('when a row predates encryption, then its plaintext is read as it is', () => {
    expect(decryptSecret(ring(oldKey), owner, 'tok-legado')).toBe('tok-legado');
  });
});
