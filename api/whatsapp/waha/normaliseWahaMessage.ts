import type { NormalisedInbound } from '../normaliseInbound';
import type { WahaMessage } from './wahaSchemas';

/** Who wrote: a phone number, a LID that hides one, or a chat we do not serve (group, status, channel). */
export type WahaSender = { kind: 'phone'; waId: string } | { kind: 'lid'; lid: string } | { kind: 'other'; chatId: string };

type Raw = Record<string, any>;

/** Digits of a person's chat id: 5511999990000@c.us, 5511999990000@s.whatsapp.net, 5511999990000:12@s.whatsapp.net. */
export function waIdOfChatId(chatId: string | null | undefined): string | undefined {
  return typeof chatId === 'string' ? /^(\d{8,15})(?::\d+)?@(?:c\.us|s\.whatsapp\.net)$/.exec(chatId)?.[1] : undefined;
}

/**
 * WhatsApp increasingly names senders by LID (123@lid) instead of their number. Some engines put the
 * number beside it in their raw data (NOWEB key.remoteJidAlt / key.senderPn, GOWS Info.SenderAlt);
 * otherwise the caller must ask WAHA.
 */
export function senderOf(message: WahaMessage): WahaSender {
  const waId = waIdOfChatId(message.from);
  if (waId) return { kind: 'phone', waId };
  if (!message.from.endsWith('@lid')) return { kind: 'other', chatId: message.from };
  const data = (message._data ?? {}) as Raw;
  for (const alternative of [data.key?.remoteJidAlt, data.key?.senderPn, data.Info?.SenderAlt]) {
    const alt = waIdOfChatId(alternative);
    if (alt) return { kind: 'phone', waId: alt };
  }
  return { kind: 'lid', lid: message.from };
}

/** The name the customer gave WhatsApp, where the engine reports it. */
export function profileNameOf(message: WahaMessage): string | undefined {
  const data = (message._data ?? {}) as Raw;
  const name = [data.notifyName, data.pushName, data.Info?.PushName].find((v) => typeof v === 'string' && v.trim());
  return name as string | undefined;
}

function timestampOf(value: number | string | undefined): Date {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) return new Date();
  return new Date(n > 1e12 ? n : n * 1000);
}

const fullNameOf = (vcard: string) => /^FN[^:\n]*:(.*)$/m.exec(vcard)?.[1]?.trim() || undefined;

type MediaType = 'image' | 'audio' | 'video' | 'document' | 'sticker';

/** WEBJS names the type in _data.type; NOWEB and GOWS by the key of the raw protobuf message. */
function mediaTypeOf(engineType: string | undefined, has: (key: string) => boolean, mimeType: string | undefined): MediaType {
  if (engineType === 'sticker' || has('stickerMessage')) return 'sticker';
  if (engineType === 'ptt' || engineType === 'audio' || has('audioMessage')) return 'audio';
  if (engineType === 'video' || has('videoMessage') || has('ptvMessage')) return 'video';
  if (engineType === 'image' || has('imageMessage')) return 'image';
  if (engineType === 'document' || has('documentMessage') || has('documentWithCaptionMessage')) return 'document';
  if (mimeType?.startsWith('image/')) return 'image';
  if (mimeType?.startsWith('audio/')) return 'audio';
  if (mimeType?.startsWith('video/')) return 'video';
  return 'document';
}

/**
 * One WAHA message as we store it, in the same shape as a Cloud API message (see normaliseInbound):
 * media is referenced by the URL WAHA serves it from, and a message we cannot read becomes
 * `unsupported` with the raw payload kept, never dropped.
 */
export function normaliseWahaMessage(message: WahaMessage, waId: string): NormalisedInbound {
  const data = (message._data ?? {}) as Raw;
  const engineType = typeof data.type === 'string' ? data.type : undefined;
  const proto = (data.message ?? data.Message ?? {}) as Raw;
  const has = (key: string) => typeof proto === 'object' && proto !== null && key in proto;
  const common = {
    waMessageId: message.id,
    from: waId,
    timestamp: timestampOf(message.timestamp),
    replyToWaId: message.replyTo?.id ?? undefined,
  };
  const text = message.body?.trim() ? message.body : null;
  const unsupported = (): NormalisedInbound => ({ ...common, type: 'unsupported', body: null, content: { originalType: engineType ?? Object.keys(proto)[0] ?? null, raw: message } });

  if (message.location || engineType === 'location' || has('locationMessage') || has('liveLocationMessage')) {
    if (!message.location) return unsupported();
    const { latitude, longitude, description } = message.location;
    return { ...common, type: 'location', body: description || `${latitude}, ${longitude}`, content: { latitude, longitude, name: description ?? null, address: null } };
  }

  if (message.vCards?.length || engineType === 'vcard' || engineType === 'multi_vcard' || has('contactMessage') || has('contactsArrayMessage')) {
    const vCards = message.vCards ?? [];
    const contacts = vCards.map((vcard) => ({ name: { formatted_name: fullNameOf(vcard) ?? null }, vcard }));
    return { ...common, type: 'contacts', body: contacts.map((c) => c.name.formatted_name).filter(Boolean).join(', ') || null, content: { contacts } };
  }

  if (message.hasMedia || message.media?.url) {
    const mimeType = message.media?.mimetype ?? undefined;
    const type = mediaTypeOf(engineType, has, mimeType);
    const url = message.media?.url ?? undefined;
    const content: Record<string, unknown> = {
      caption: text,
      voice: engineType === 'ptt' || proto.audioMessage?.ptt === true || proto.audioMessage?.PTT === true,
      animated: proto.stickerMessage?.isAnimated === true,
    };
    // WAHA may not have downloaded the file (type filtered out, too big, failed): say so, keep the message.
    if (!url) content.mediaError = message.media?.error ?? 'o WAHA não disponibilizou o arquivo';
    return {
      ...common,
      type,
      body: text,
      content,
      ...(url ? { media: { waMediaId: url, mimeType, fileName: message.media?.filename ?? undefined } } : {}),
    };
  }

  if (text !== null) return { ...common, type: 'text', body: text, content: {} };
  return unsupported();
}
