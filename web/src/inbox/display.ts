import i18n from '../i18n';
import { currentLanguage } from '../i18n';
import type { Conversation, MessagePreview } from '../lib/types';

export function contactName(contact: Conversation['contact']): string {
  return contact.name || contact.profileName || formatPhone(contact.phone || contact.waId);
}

/** Brazilian numbers as people write them: +55 11 99999-0000; others keep their digits with a plus. */
export function formatPhone(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  const br = /^55(\d{2})(\d{4,5})(\d{4})$/.exec(digits);
  if (br) return `+55 ${br[1]} ${br[2]}-${br[3]}`;
  return digits ? `+${digits}` : raw;
}

const MEDIA_TYPES = ['image', 'audio', 'video', 'document', 'sticker', 'location', 'contacts', 'template', 'unsupported', 'order'] as const;
type MediaType = (typeof MEDIA_TYPES)[number];
const isMediaType = (type: string): type is MediaType => (MEDIA_TYPES as readonly string[]).includes(type);

/**
 * Who wrote the list's last outbound message, as a prefix: "Você", the bot, or the agent's first
 * name. Inbound messages and timeline events have none.
 */
export function previewSender(message: MessagePreview | null, meId: string, names: Map<string, { name: string }>): string | null {
  if (!message || message.direction !== 'OUTBOUND' || message.type === 'event' || message.senderUserId === undefined) return null;
  if (message.senderUserId === null) return i18n.t('inbox.sender.bot');
  if (message.senderUserId === meId) return i18n.t('inbox.sender.you');
  return names.get(message.senderUserId)?.name.split(' ')[0] ?? null;
}

/** One line for the conversation list: what WhatsApp shows under a chat's name. */
export function previewText(message: MessagePreview | null, sender: string | null = null): string {
  const text = previewBody(message);
  return sender && message ? i18n.t('inbox.preview.from', { sender, text }) : text;
}

function previewBody(message: MessagePreview | null): string {
  if (!message) return i18n.t('inbox.preview.none');
  if (message.type === 'reaction') return i18n.t('inbox.preview.reaction', { emoji: message.body ?? '' });
  if (isMediaType(message.type)) {
    const label = i18n.t(`inbox.preview.${message.type}`);
    return message.body && message.type !== 'sticker' ? `${label} · ${message.body}` : label;
  }
  return message.body ?? '';
}

/** Today: the time; this week: the weekday; older: the date. */
export function listTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  const language = currentLanguage();
  if (date.toDateString() === now.toDateString()) return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(date);
  const days = (now.getTime() - date.getTime()) / 86_400_000;
  if (days < 6) return new Intl.DateTimeFormat(language, { weekday: 'short' }).format(date).replace('.', '');
  return new Intl.DateTimeFormat(language, { day: '2-digit', month: '2-digit', year: '2-digit' }).format(date);
}

/** 0:42, 12:05, 1:02:33: a waiting time read at a glance. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

export const DAY_MS = 86_400_000;

/** WhatsApp accepts free-form messages until 24 hours after the customer's last one. */
export function windowOpen(conversation: Pick<Conversation, 'lastInboundAt'>, now = Date.now()): boolean {
  return Boolean(conversation.lastInboundAt) && now - new Date(conversation.lastInboundAt!).getTime() < DAY_MS;
}
