import type { Db } from '../../prisma/client';
import type { SecretKeyRing } from './encryptionKeys';
import { decryptSecret, encryptSecret, ENCRYPTED_PREFIX, UnreadableSecretError } from './secretCipher';

/**
 * Brings every stored secret to the current key at API start: plaintext rows from before secrets were
 * encrypted, and values sealed with an older key (so a retired key can leave the ring after one start).
 * A SQL migration could not do it, the keys are in the environment. Idempotent, and safe with several
 * API instances starting at once: a row is replaced only while it still holds what was read. Its
 * updatedAt stays, the secret itself did not change. A value no key opens is left as it is; the blocks
 * that use it fail saying so.
 */
export async function reencryptSecrets(db: Db, ring: SecretKeyRing): Promise<{ reencrypted: number; unreadable: number }> {
  const rows = await db.companySecret.findMany({
    where: { NOT: { value: { startsWith: `${ENCRYPTED_PREFIX}${ring.current.id}:` } } },
    select: { id: true, companyId: true, name: true, value: true, updatedAt: true },
  });
  const result = { reencrypted: 0, unreadable: 0 };
  for (const row of rows) {
    let plaintext: string;
    try {
      plaintext = decryptSecret(ring, row, row.value);
    } catch (error) {
      if (!(error instanceof UnreadableSecretError)) throw error;
      result.unreadable++;
      continue;
    }
    const { count } = await db.companySecret.updateMany({ where: { id: row.id, value: row.value }, data: { value: encryptSecret(ring, row, plaintext), updatedAt: row.updatedAt } });
    result.reencrypted += count;
  }
  return result;
}
