import { useQueryClient } from '@tanstack/react-query';
import { create } from 'zustand';
import { useCurrentUser } from '../auth/sessionStore';
import { ApiError } from '../lib/apiError';
import { errorMessage } from '../lib/errorMessage';
import type { MediaRef, Message } from '../lib/types';
import { attachmentKind, normalisedType, uploadAttachment, type AttachmentKind } from './attachments';
import { bumpConversation, upsertMessage } from './conversationCache';
import { sendMessage } from './inboxApi';

export interface PendingAttachment {
  kind: AttachmentKind;
  name: string;
  mimeType: string;
  size: number;
  /** The bytes still to upload; absent when a file the server already has goes again. */
  file?: File;
  /** The file as the agent picked it, shown in the bubble until the server's copy takes over. */
  previewUrl?: string;
  /** Set once the upload succeeded: a retry then sends the message again without uploading. */
  media?: MediaRef;
  /** How much of the upload has gone, from 0 to 1. */
  progress: number;
}

export interface PendingMessage {
  /** The clientMessageId: the server stores the message under this id, so it replaces this entry by id. */
  id: string;
  conversationId: string;
  /** The message, or the caption of the attachment. */
  text: string;
  attachment?: PendingAttachment;
  createdAt: string;
  state: 'sending' | 'failed';
  error?: string;
}

interface OutboxState {
  items: PendingMessage[];
  put: (message: PendingMessage) => void;
  remove: (id: string) => void;
}

export const useOutbox = create<OutboxState>()((set) => ({
  items: [],
  put: (message) => set((s) => ({ items: [...s.items.filter((m) => m.id !== message.id), message] })),
  remove: (id) =>
    set((s) => {
      const gone = s.items.find((m) => m.id === id);
      if (gone?.attachment?.previewUrl) URL.revokeObjectURL(gone.attachment.previewUrl);
      return { items: s.items.filter((m) => m.id !== id) };
    }),
}));

/** Images and videos get a local preview; other files show as a card with their name and size. */
export function pendingAttachment(file: File): PendingAttachment {
  const mimeType = normalisedType(file);
  const kind = attachmentKind(mimeType);
  return { kind, name: file.name, mimeType, size: file.size, file, previewUrl: kind === 'image' || kind === 'video' ? URL.createObjectURL(file) : undefined, progress: 0 };
}

/** crypto.randomUUID exists only in secure contexts; a LAN install served over http is not one. */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function isWindowClosed(error: unknown): boolean {
  return error instanceof ApiError && error.status === 422 && (error.details as { reason?: unknown } | null)?.reason === 'WINDOW_CLOSED';
}

/**
 * Optimistic send: the bubble shows at once with a clock; the server's answer (or its socket echo,
 * whichever comes first) takes its place. A failure keeps the bubble with the reason and a retry that
 * reuses the same id, so the server never sends it twice. A file is uploaded first (the bubble shows
 * how much has gone); a retry uploads it again only if that is what failed.
 */
export function useSendMessage(conversationId: string) {
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const put = useOutbox((s) => s.put);
  const remove = useOutbox((s) => s.remove);

  return async (text: string, id: string = uuid(), attach?: File | PendingAttachment): Promise<'sent' | 'windowClosed' | 'failed'> => {
    const createdAt = new Date().toISOString();
    let attachment = attach instanceof File ? pendingAttachment(attach) : attach && { ...attach, progress: attach.media ? 1 : 0 };
    const show = (state: PendingMessage['state'], error?: string) => put({ id, conversationId, text, attachment, createdAt, state, error });
    show('sending');
    try {
      if (attachment && !attachment.media) {
        const file = attachment.file;
        if (!file) throw new Error('attachment without a file');
        let shown = 0;
        const media = await uploadAttachment(file, (fraction) => {
          // Whole percents are enough for the bar, and spare the timeline a render per progress event.
          if (!attachment || Math.round(fraction * 100) === Math.round(shown * 100)) return;
          shown = fraction;
          attachment = { ...attachment, progress: fraction };
          show('sending');
        });
        attachment = { ...attachment, media, progress: 1 };
        show('sending');
        // The server's copy of the bubble then shows the bytes already here instead of downloading them.
        queryClient.setQueryData(['media', media.id], file);
      }
      const message: Message = await sendMessage(conversationId, text, id, attachment?.media?.id);
      upsertMessage(queryClient, conversationId, { ...message, media: message.media ?? attachment?.media ?? null, senderUserId: message.senderUserId ?? me.id });
      bumpConversation(queryClient, conversationId, message, conversationId);
      remove(id);
      return 'sent';
    } catch (error) {
      if (isWindowClosed(error)) {
        remove(id);
        return 'windowClosed';
      }
      show('failed', errorMessage(error));
      return 'failed';
    }
  };
}
