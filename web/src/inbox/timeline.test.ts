import { QueryClient } from '@tanstack/react-query';
import { describe, expect, test } from 'vitest';
import { queryKeys } from '../lib/queryKeys';
import type { Message, Page } from '../lib/types';
import { setMessageStatus, upsertMessage } from './conversationCache';
import { buildTimeline } from './timeline';

const message = (id: string, at: string, extra: Partial<Message> = {}): Message => ({
  id,
  direction: 'INBOUND',
  type: 'text',
  body: id,
  content: {},
  media: null,
  status: 'RECEIVED',
  errorCode: null,
  errorMessage: null,
  senderUserId: null,
  createdAt: at,
  sentAt: null,
  deliveredAt: null,
  readAt: null,
  ...extra,
});

describe('the chat timeline', () => {
  test('when a message is both in the outbox and on the server, then it shows once, as the server has it', () => {
    const server = message('m2', '2026-01-01T10:01:00.000Z', { direction: 'OUTBOUND', status: 'SENT', senderUserId: 'u1' });
    const entries = buildTimeline(
      [[server, message('m1', '2026-01-01T10:00:00.000Z')]],
      [
        { id: 'm2', conversationId: 'c', text: 'm2', createdAt: '2026-01-01T10:01:00.000Z', state: 'sending' },
        { id: 'm3', conversationId: 'c', text: 'still going', createdAt: '2026-01-01T10:02:00.000Z', state: 'sending' },
      ],
      [],
      'u1',
    );
    expect(entries.map((e) => e.id)).toEqual(['m1', 'm2', 'm3']);
    expect(entries[1]).toMatchObject({ kind: 'message', message: { status: 'SENT' } });
    expect(entries[1]?.kind === 'message' && entries[1].pending).toBeFalsy();
    expect(entries[2]).toMatchObject({ kind: 'message', pending: { state: 'sending' }, message: { status: 'QUEUED', senderUserId: 'u1' } });
  });

  test('when a reaction names a WhatsApp message id, then it sits on that message instead of a bubble of its own', () => {
    const entries = buildTimeline(
      [[message('r', '2026-01-01T10:05:00.000Z', { type: 'reaction', body: '👍', content: { messageId: 'wamid.1', emoji: '👍' } }), message('m1', '2026-01-01T10:00:00.000Z', { waMessageId: 'wamid.1' })]],
      [],
      [{ id: 'n1', body: 'nota', createdAt: '2026-01-01T10:03:00.000Z', author: { id: 'u1', name: 'Ana' } }],
      'u1',
    );
    expect(entries.map((e) => e.id)).toEqual(['m1', 'n1']);
    expect(entries[0]).toMatchObject({ reactions: ['👍'] });
  });
});

describe('the message cache', () => {
  test('when the same message arrives twice and a late status goes backwards, then it is stored once and keeps the furthest status', () => {
    const client = new QueryClient();
    const key = queryKeys.messages('c');
    client.setQueryData<{ pages: Page<Message>[]; pageParams: (string | null)[] }>(key, { pages: [{ items: [message('m1', '2026-01-01T10:00:00.000Z')], nextCursor: null }], pageParams: [null] });
    const reply = message('m2', '2026-01-01T10:01:00.000Z', { direction: 'OUTBOUND', status: 'SENT' });
    upsertMessage(client, 'c', reply);
    upsertMessage(client, 'c', reply);
    setMessageStatus(client, 'c', 'm2', 'READ');
    setMessageStatus(client, 'c', 'm2', 'DELIVERED');
    const items = client.getQueryData<{ pages: Page<Message>[] }>(key)!.pages.flatMap((p) => p.items);
    expect(items.map((m) => [m.id, m.status])).toEqual([
      ['m2', 'READ'],
      ['m1', 'RECEIVED'],
    ]);
  });
});
