import { randomUUID } from 'node:crypto';
import type { DownloadedMedia } from '../../activities/whatsapp/provider';
import type { Db } from '../../prisma/client';
import type { MediaStorage } from './storage';

export interface MediaDeps {
  db: Db;
  storage: MediaStorage;
  download: (waMediaId: string) => Promise<DownloadedMedia>;
}

export const mediaKey = (companyId: string, mimeType: string, now = new Date()) =>
  `${companyId}/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}.${extension(mimeType)}`;

const extension = (mimeType: string) => mimeType.split(';')[0]!.split('/')[1]?.replace(/[^a-z0-9]/gi, '') || 'bin';

/**
 * Inbound media ids expire at Meta (and their URLs within minutes), so the file is fetched as soon as
 * the message is stored and kept in our storage. Idempotent: a message that already has its media is left alone.
 */
export async function storeInboundMedia(deps: MediaDeps, message: { id: string; companyId: string; mediaId: string | null }, media: { waMediaId: string; fileName?: string }) {
  if (message.mediaId) return;
  const file = await deps.download(media.waMediaId);
  const key = mediaKey(message.companyId, file.mimeType);
  await deps.storage.put(key, file.data);
  await deps.db.$transaction(async (tx) => {
    const row = await tx.media.create({
      data: { companyId: message.companyId, storageKey: key, mimeType: file.mimeType, sizeBytes: file.data.length, sha256: file.sha256, fileName: media.fileName ?? null, waMediaId: media.waMediaId },
    });
    await tx.message.update({ where: { id: message.id }, data: { mediaId: row.id } });
  });
}
