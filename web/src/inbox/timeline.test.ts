import { QueryClient } from '@tanstack/react-query';
import { describe, expect, test } from 'vitest';
import { queryKeys } from '../lib/queryKeys';
import type { Message, Page } from '../lib/types';
import { setMessageStatus, upsertMessage } from './conversationCache';
import { buildTimeline, estimateHeight } from './timeline';
import { rowOffsets, visibleRange } from './useChatWindow';

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

  test('when a status arrives before its message, or the message arrives again with an older status, then the tick shows the furthest status', () => {
    const client = new QueryClient();
    const key = queryKeys.messages('c2');
    client.setQueryData<{ pages: Page<Message>[]; pageParams: (string | null)[] }>(key, { pages: [{ items: [], nextCursor: null }], pageParams: [null] });
    setMessageStatus(client, 'c2', 'm3', 'DELIVERED');
    upsertMessage(client, 'c2', message('m3', '2026-01-01T10:02:00.000Z', { direction: 'OUTBOUND', status: 'SENT' }));
    const status = () => client.getQueryData<{ pages: Page<Message>[] }>(key)!.pages[0]!.items.find((m) => m.id === 'm3')!.status;
    expect(status()).toBe('DELIVERED');
    setMessageStatus(client, 'c2', 'm3', 'READ');
    upsertMessage(client, 'c2', message('m3', '2026-01-01T10:02:00.000Z', { direction: 'OUTBOUND', status: 'SENT', body: 'edited caption' }));
    expect(status()).toBe('READ');
  });
});

describe('the chat window', () => {
  const offsets = rowOffsets(
    Array.from({ length: 10_000 }, (_, i) => `m${i}`),
    (i) => (i % 10 === 0 ? 300 : 50),
  );

  test('when ten thousand rows of mixed heights are scrolled, then only those near the view are mounted and they cover it', () => {
    const total = offsets.at(-1)!;
    for (const top of [0, 12_345, total / 2, total - 900]) {
      const { start, end } = visibleRange(offsets, top, 900, 400);
      expect(end - start).toBeLessThan(60);
      expect(offsets[start]).toBeLessThanOrEqual(Math.max(0, top - 400));
      expect(offsets[end]).toBeGreaterThanOrEqual(Math.min(total, top + 900 + 400));
    }
  });

  test('when the view is placed beyond the end (a chat opening at its bottom), then the last rows are mounted', () => {
    expect(visibleRange(offsets, Number.MAX_SAFE_INTEGER, 900, 0).end).toBe(10_000);
    expect(visibleRange([0], 0, 900)).toEqual({ start: 0, end: 0 });
  });

  test('when a long text or an image has not been drawn yet, then its estimate is taller than a one-line text', () => {
    const [short, long, image] = buildTimeline([[message('a', '2026-01-01T10:00:00.000Z'), message('b', '2026-01-01T10:01:00.000Z', { body: 'x'.repeat(600) }), message('c', '2026-01-01T10:02:00.000Z', { type: 'image', body: null })]], [], [], 'u1');
    expect(estimateHeight(long!, false)).toBeGreaterThan(estimateHeight(short!, false) + 100);
    expect(estimateHeight(image!, false)).toBeGreaterThan(estimateHeight(short!, false) + 200);
    expect(estimateHeight(short!, true)).toBeGreaterThan(estimateHeight(short!, false));
  });
});
