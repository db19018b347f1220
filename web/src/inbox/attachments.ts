import { useSessionStore } from '../auth/sessionStore';
import i18n from '../i18n';
import { refreshSession } from '../lib/api';
import { ApiError } from '../lib/apiError';
import type { MediaRef } from '../lib/types';

/**
 * WhatsApp's ceilings per kind, as the server enforces them (api/media/uploadAttachment.ts): checked
 * here first so the agent hears why before waiting for an upload; the server stays the authority.
 */
const LIMITS: { pattern: RegExp; bytes: number; kind: 'image' | 'audio' | 'video' | 'document' }[] = [
  { pattern: /^image\/(jpeg|png|webp)$/, bytes: 5 * 1024 * 1024, kind: 'image' },
  { pattern: /^audio\/(aac|amr|mpeg|mp4|ogg)$/, bytes: 16 * 1024 * 1024, kind: 'audio' },
  { pattern: /^video\/(mp4|3gpp)$/, bytes: 16 * 1024 * 1024, kind: 'video' },
  { pattern: /^(application\/(pdf|msword|vnd\.[\w.-]+|zip)|text\/plain)$/, bytes: 100 * 1024 * 1024, kind: 'document' },
];

/** What the file picker offers; other files can still be dropped or pasted, and are refused with a reason. */
export const ATTACHMENT_ACCEPT = 'image/jpeg,image/png,image/webp,audio/aac,audio/amr,audio/mpeg,audio/mp4,audio/ogg,video/mp4,video/3gpp,application/pdf,application/msword,application/vnd.*,application/zip,text/plain,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.zip,.txt';

/** WhatsApp's limit for the caption of a file. */
export const MAX_CAPTION = 1024;

export type AttachmentKind = 'image' | 'audio' | 'video' | 'document';

export const normalisedType = (file: { type: string }) => file.type.split(';')[0]!.trim().toLowerCase();

export function attachmentKind(mimeType: string): AttachmentKind {
  if (mimeType.startsWith('image/')) return 'image';
  if (mimeType.startsWith('audio/')) return 'audio';
  if (mimeType.startsWith('video/')) return 'video';
  return 'document';
}

/** Why WhatsApp would refuse this file, in the agent's language; null when it is fine to send. */
export function attachmentProblem(file: File): string | null {
  const type = normalisedType(file);
  const limit = LIMITS.find((l) => l.pattern.test(type));
  if (!limit) return i18n.t('inbox.attach.refusedType', { type: type || file.name.split('.').pop() || '?' });
  if (file.size === 0) return i18n.t('inbox.attach.empty');
  if (file.size > limit.bytes) return i18n.t(`inbox.attach.tooLarge.${limit.kind}`);
  return null;
}

export function formatSize(bytes: number | null | undefined): string {
  if (!bytes) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}

interface Answer {
  status: number;
  body: unknown;
}

/** fetch cannot report upload progress; XMLHttpRequest's upload events can. */
function post(file: File, token: string | null, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/media');
    xhr.withCredentials = true;
    xhr.responseType = 'json';
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', normalisedType(file) || 'application/octet-stream');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.response as unknown });
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', i18n.t('errors.network')));
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

function toApiError({ status, body }: Answer): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') return new ApiError(status, error.code, error.message, error.details ?? null);
  if (status === 413) return new ApiError(status, 'UNPROCESSABLE', i18n.t('inbox.attach.tooLarge.document'));
  return new ApiError(status, 'HTTP', i18n.t('errors.unexpected'));
}

/**
 * Sends the file's bytes as the request body and reports how much has gone. An access token that
 * expired meanwhile is renewed once, as api() does, and the file goes again.
 */
export async function uploadAttachment(file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<MediaRef> {
  const usedToken = useSessionStore.getState().accessToken;
  let answer = await post(file, usedToken, onProgress, signal);
  if (answer.status === 401) {
    const current = useSessionStore.getState().accessToken;
    const token = current && current !== usedToken ? current : (await refreshSession()).accessToken;
    onProgress(0);
    answer = await post(file, token, onProgress, signal);
  }
  if (answer.status !== 201 && answer.status !== 200) throw toApiError(answer);
  return answer.body as MediaRef;
}
