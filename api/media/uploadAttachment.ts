import { createHash } from 'node:crypto';
import type { RequestContext } from '../auth/authenticate';
import { AppError } from '../errors';
import type { MediaStorage } from './storage';
import { mediaKey } from './storeInboundMedia';

/** WhatsApp's own ceilings per kind (developers.facebook.com/docs/whatsapp/cloud-api/reference/media#supported-media-types). */
const LIMITS: { pattern: RegExp; bytes: number; label: string }[] = [
  { pattern: /^image\/(jpeg|png|webp)$/, bytes: 5 * 1024 * 1024, label: 'imagens até 5 MB' },
  { pattern: /^audio\/(aac|amr|mpeg|mp4|ogg)$/, bytes: 16 * 1024 * 1024, label: 'áudios até 16 MB' },
  { pattern: /^video\/(mp4|3gpp)$/, bytes: 16 * 1024 * 1024, label: 'vídeos até 16 MB' },
  { pattern: /^(application\/(pdf|msword|vnd\.[\w.-]+|zip)|text\/plain)$/, bytes: 100 * 1024 * 1024, label: 'documentos até 100 MB' },
];

export const ATTACHMENT_MAX_BYTES = 100 * 1024 * 1024;

/**
 * A file an agent is about to send, kept in our storage first: the message row points at it, and
 * the send uploads it to WhatsApp (again, if a retry needs to).
 */
export async function uploadAttachment(ctx: RequestContext, storage: MediaStorage, file: { data: Buffer; mimeType: string; fileName: string | null }) {
  const mimeType = file.mimeType.split(';')[0]!.trim().toLowerCase();
  const limit = LIMITS.find((l) => l.pattern.test(mimeType));
  if (!limit) throw new AppError('UNPROCESSABLE', `O WhatsApp não aceita arquivos do tipo ${mimeType || 'desconhecido'}`, { field: 'file' });
  if (file.data.length === 0) throw new AppError('UNPROCESSABLE', 'O arquivo está vazio', { field: 'file' });
  if (file.data.length > limit.bytes) throw new AppError('UNPROCESSABLE', `Arquivo grande demais: o WhatsApp aceita ${limit.label}`, { field: 'file' });
  const key = mediaKey(ctx.principal.companyId, mimeType);
  await storage.put(key, file.data);
  return ctx.db.media.create({
    data: { companyId: ctx.principal.companyId, storageKey: key, mimeType, sizeBytes: file.data.length, sha256: createHash('sha256').update(file.data).digest('hex'), fileName: file.fileName },
    select: { id: true, mimeType: true, sizeBytes: true, fileName: true },
  });
}
