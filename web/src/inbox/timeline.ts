import type { ConversationNote, Message } from '../lib/types';
import type { PendingMessage } from './outbox';

export type Entry =
  | { kind: 'message'; id: string; at: string; message: Message; pending?: PendingMessage; reactions: string[] }
  | { kind: 'note'; id: string; at: string; note: ConversationNote };

/** Messages further apart than this start a new run (sender label and tail again), as on WhatsApp. */
const RUN_GAP_MS = 5 * 60_000;

function pendingAsMessage(p: PendingMessage, senderUserId: string): Message {
  return {
    id: p.id,
    direction: 'OUTBOUND',
    type: p.attachment?.kind ?? 'text',
    body: p.text,
    content: p.attachment ? { caption: p.text } : {},
    media: p.attachment?.media ?? null,
    status: p.state === 'failed' ? 'FAILED' : 'QUEUED',
    errorCode: null,
    errorMessage: p.error ?? null,
    senderUserId,
    createdAt: p.createdAt,
    sentAt: null,
    deliveredAt: null,
    readAt: null,
  };
}

/**
 * One chronological list from three sources: the server's pages (newest first), messages still on
 * their way (outbox) and internal notes. Everything is keyed by id, so an echo never doubles a bubble.
 */
export function buildTimeline(pages: Message[][], pending: PendingMessage[], notes: ConversationNote[], me: string): Entry[] {
  const byId = new Map<string, Message>();
  for (const page of pages) for (const m of page) if (!byId.has(m.id)) byId.set(m.id, m);

  const reactions = new Map<string, string[]>();
  const messages: Message[] = [];
  for (const m of byId.values()) {
    if (m.type === 'reaction') {
      const target = typeof m.content?.messageId === 'string' ? m.content.messageId : null;
      const emoji = m.body ?? (typeof m.content?.emoji === 'string' ? m.content.emoji : '');
      if (target && emoji) reactions.set(target, [...(reactions.get(target) ?? []), emoji]);
      continue;
    }
    messages.push(m);
  }

  const entries: Entry[] = messages.map((m) => ({ kind: 'message', id: m.id, at: m.createdAt, message: m, reactions: (m.waMessageId && reactions.get(m.waMessageId)) || [] }));
  for (const p of pending) {
    if (byId.has(p.id)) continue;
    entries.push({ kind: 'message', id: p.id, at: p.createdAt, message: pendingAsMessage(p, me), pending: p, reactions: [] });
  }
  for (const note of notes) entries.push({ kind: 'note', id: note.id, at: note.createdAt, note });
  return entries.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

export type Side = 'customer' | 'bot' | 'agent' | 'event';

export function sideOf(message: Message): Side {
  if (message.type === 'event') return 'event';
  if (message.direction === 'INBOUND') return 'customer';
  return message.senderUserId ? 'agent' : 'bot';
}

export function startsRun(previous: Entry | undefined, entry: Entry): boolean {
  if (entry.kind !== 'message' || previous?.kind !== 'message') return true;
  const a = previous.message;
  const b = entry.message;
  return sideOf(a) !== sideOf(b) || a.senderUserId !== b.senderUserId || Date.parse(b.createdAt) - Date.parse(a.createdAt) > RUN_GAP_MS;
}

const DAY_SEPARATOR_PX = 44;
const MEDIA_PX: Record<string, number> = { image: 300, video: 300, sticker: 150, audio: 64, document: 72, location: 200, contacts: 80 };

/**
 * A guess at an entry's height before it is drawn, close enough that the scrollbar does not jump
 * much when the real height replaces it: a bubble line holds about 60 characters of 19 px.
 */
export function estimateHeight(entry: Entry, newDay: boolean): number {
  const separator = newDay ? DAY_SEPARATOR_PX : 0;
  if (entry.kind === 'note') return separator + 56 + 19 * Math.ceil(entry.note.body.length / 70);
  const { message } = entry;
  if (message.type === 'event') return separator + 40;
  const lines = Math.max(1, Math.ceil((message.body ?? '').length / 60));
  return separator + 40 + 19 * (lines - 1) + (MEDIA_PX[message.type] ?? 0) + (entry.reactions.length ? 12 : 0);
}
