import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { newObjectId } from './ids';

type MediaKind = 'audio' | 'document' | 'image' | 'sticker' | 'video';

/** https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media#supported-media-types */
const MEDIA_TYPES: Record<MediaKind, { mimeTypes: readonly string[]; maxBytes: number }> = {
  audio: { mimeTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'], maxBytes: 16 * 1024 * 1024 },
  document: {
    mimeTypes: [
      'text/plain',
      'application/pdf',
      'application/vnd.ms-powerpoint',
      'application/msword',
      'application/vnd.ms-excel',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    maxBytes: 100 * 1024 * 1024,
  },
  image: { mimeTypes: ['image/jpeg', 'image/png'], maxBytes: 5 * 1024 * 1024 },
  sticker: { mimeTypes: ['image/webp'], maxBytes: 500 * 1024 },
  video: { mimeTypes: ['video/mp4', 'video/3gpp'], maxBytes: 16 * 1024 * 1024 },
};

export const SUPPORTED_MIME_TYPES = Object.values(MEDIA_TYPES).flatMap((kind) => kind.mimeTypes);

/** `audio/ogg; codecs=opus` is how voice notes are typed; the parameters do not change the kind. */
export function baseMimeType(mimeType: string): string {
  return mimeType.split(';')[0]!.trim().toLowerCase();
}

/** The largest size Meta accepts for a MIME type, or undefined when Meta does not accept the type at all. */
export function maxBytesFor(mimeType: string): number | undefined {
  const base = baseMimeType(mimeType);
  const sizes = Object.values(MEDIA_TYPES)
    .filter((kind) => kind.mimeTypes.includes(base))
    .map((kind) => kind.maxBytes);
  return sizes.length ? Math.max(...sizes) : undefined;
}

export interface StoredMedia {
  id: string;
  phoneNumberId: string;
  mimeType: string;
  bytes: Buffer;
  sha256: Buffer;
  filename?: string;
  createdAt: number;
}

export interface MediaStore {
  add(input: { phoneNumberId: string; mimeType: string; bytes: Buffer; filename?: string }): StoredMedia;
  get(id: string): StoredMedia | undefined;
  remove(id: string): boolean;
  /** A fresh short-lived URL, like the one Meta hands out on `GET /{media-id}`. */
  downloadUrl(media: StoredMedia, baseUrl: string): string;
  resolveDownload(query: { mid?: unknown; ext?: unknown; hash?: unknown }): StoredMedia | 'expired' | 'not_found';
  clear(): void;
}

export const DOWNLOAD_PATH = '/whatsapp_business/attachments/';

export function createMediaStore(options: { now: () => number; urlTtlMs: number }): MediaStore {
  const media = new Map<string, StoredMedia>();
  // Per process: URLs handed out before a restart stop working, as Meta's expire.
  const signingKey = randomBytes(32);
  const sign = (mid: string, ext: string) => createHmac('sha256', signingKey).update(`${mid}.${ext}`).digest('base64url');

  return {
    add(input) {
      const stored: StoredMedia = {
        id: newObjectId(),
        phoneNumberId: input.phoneNumberId,
        mimeType: input.mimeType,
        bytes: input.bytes,
        sha256: createHash('sha256').update(input.bytes).digest(),
        filename: input.filename,
        createdAt: options.now(),
      };
      media.set(stored.id, stored);
      return stored;
    },
    get: (id) => media.get(id),
    remove: (id) => media.delete(id),
    downloadUrl(stored, baseUrl) {
      const ext = String(Math.ceil((options.now() + options.urlTtlMs) / 1000));
      const url = new URL(DOWNLOAD_PATH, baseUrl);
      url.searchParams.set('mid', stored.id);
      url.searchParams.set('ext', ext);
      url.searchParams.set('hash', sign(stored.id, ext));
      return url.toString();
    },
    resolveDownload({ mid, ext, hash }) {
      if (typeof mid !== 'string' || typeof ext !== 'string' || typeof hash !== 'string') return 'not_found';
      const expected = Buffer.from(sign(mid, ext));
      const given = Buffer.from(hash);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'not_found';
      if (options.now() >= Number(ext) * 1000) return 'expired';
      return media.get(mid) ?? 'not_found';
    },
    clear() {
      media.clear();
    },
  };
}
