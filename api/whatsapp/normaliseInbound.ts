import { inboundMessageSchema } from './webhookSchemas';

export interface InboundMedia {
  waMediaId: string;
  mimeType?: string;
  sha256?: string;
  fileName?: string;
}

export interface NormalisedInbound {
  waMessageId: string;
  from: string;
  timestamp: Date;
  type: string;
  body: string | null;
  content: Record<string, unknown>;
  media?: InboundMedia;
  replyToWaId?: string;
}

const MEDIA_TYPES = ['image', 'audio', 'video', 'document', 'sticker'] as const;

const fromUnixSeconds = (value: string) => {
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : new Date();
};

/**
 * One inbound WhatsApp message as we store it: a type, a text a person can read in the inbox (body),
 * and the structured content. A type we do not know, or a known type in a shape we do not expect,
 * becomes `unsupported` with the raw message kept, never dropped. Returns undefined only when the
 * message lacks an id or sender, which nothing can be attributed to.
 */
export function normaliseInbound(raw: unknown): NormalisedInbound | undefined {
  const parsed = inboundMessageSchema.safeParse(raw);
  const loose = raw as { id?: unknown; from?: unknown; timestamp?: unknown; type?: unknown };
  if (typeof loose?.id !== 'string' || typeof loose.from !== 'string') return undefined;
  const common = {
    waMessageId: loose.id,
    from: loose.from,
    timestamp: fromUnixSeconds(String(loose.timestamp ?? '')),
    replyToWaId: (raw as { context?: { id?: string } }).context?.id,
  };
  const unsupported = (): NormalisedInbound => ({ ...common, type: 'unsupported', body: null, content: { originalType: loose.type ?? null, raw } });
  if (!parsed.success) return unsupported();
  const m = parsed.data as Record<string, any>;

  if (m.type === 'text' && typeof m.text?.body === 'string') return { ...common, type: 'text', body: m.text.body, content: {} };
  if ((MEDIA_TYPES as readonly string[]).includes(m.type) && m[m.type]?.id) {
    const media = m[m.type];
    return {
      ...common,
      type: m.type,
      body: media.caption ?? null,
      content: { caption: media.caption ?? null, voice: media.voice ?? false, animated: media.animated ?? false },
      media: { waMediaId: media.id, mimeType: media.mime_type, sha256: media.sha256, fileName: media.filename },
    };
  }
  if (m.type === 'location' && m.location) {
    const { latitude, longitude, name, address, url } = m.location;
    return { ...common, type: 'location', body: [name, address].filter(Boolean).join(' — ') || `${latitude}, ${longitude}`, content: { latitude, longitude, name, address, url } };
  }
  if (m.type === 'contacts' && m.contacts) {
    return { ...common, type: 'contacts', body: m.contacts.map((c: any) => c.name?.formatted_name).filter(Boolean).join(', ') || null, content: { contacts: m.contacts } };
  }
  if (m.type === 'interactive' && m.interactive) {
    const reply = m.interactive.button_reply ?? m.interactive.list_reply;
    if (!reply) return unsupported();
    return { ...common, type: 'interactive', body: reply.title, content: { replyType: m.interactive.type, id: reply.id, title: reply.title, description: reply.description ?? null } };
  }
  if (m.type === 'button' && m.button) return { ...common, type: 'button', body: m.button.text, content: { payload: m.button.payload ?? null } };
  if (m.type === 'reaction' && m.reaction) return { ...common, type: 'reaction', body: m.reaction.emoji ?? null, content: { messageId: m.reaction.message_id, emoji: m.reaction.emoji ?? null } };
  if (m.type === 'order' && m.order) return { ...common, type: 'order', body: m.order.text ?? null, content: { order: m.order } };
  if (m.type === 'system' && m.system) return { ...common, type: 'system', body: m.system.body ?? null, content: { system: m.system } };
  return unsupported();
}
