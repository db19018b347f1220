import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakeWaha, type FakeWaha } from '../../../../activities/whatsapp/test/fakeWaha';
import { createWahaProvider } from '../../../../activities/whatsapp/wahaProvider';
import { createCompanyFixture, testDb, testSql, type CompanyFixture } from '../../../../test/harness';
import { errorHandler } from '../../../errors';
import { createLocalMediaStorage, type MediaStorage } from '../../../media/storage';
import type { RealtimeEvent } from '../../../realtime/events';
import { createNumber, inbound, messagesEnvelope } from '../../test/webhookFixtures';
import { processAnyWebhookEvent } from '../processAnyWebhookEvent';
import { processWahaEvent, type WahaProcessDeps } from '../processWahaEvent';
import { signWahaBody } from '../wahaSignature';
import { wahaWebhookRouter, type WahaEventWriter } from '../wahaWebhookRouter';
import type { StoredEvent } from '../../settleEvent';

const SECRET = 'waha-test-hmac-key';
const db = () => testDb();
const logger = pino({ level: 'silent' });

let server: Server;
let baseUrl: string;
let company: CompanyFixture;
let number: { id: string; phoneNumberId: string };
const session = `waha-${randomUUID().slice(0, 8)}`;
const published: RealtimeEvent[] = [];
const knownLids = new Map<string, string>();
const inFlight: Promise<unknown>[] = [];
let waha: FakeWaha;
let storage: MediaStorage;
let deps: WahaProcessDeps;
/** Texts handed to the conversation workflow, in order. */
const delivered: (string | null)[] = [];

beforeAll(async () => {
  waha = await startFakeWaha();
  storage = createLocalMediaStorage(mkdtempSync(path.join(os.tmpdir(), 'orquestra-waha-media-')));
  const provider = createWahaProvider({ baseUrl: waha.url, apiKey: 'waha-test-key' });
  deps = {
    db: testDb(),
    sql: testSql(),
    logger,
    publish: (event) => published.push(event),
    deliver: async (_conversation, message) => {
      delivered.push(message.text);
    },
    media: { storage, download: (url) => provider.downloadMedia(url) },
    phoneNumberForLid: async (_session, lid) => knownLids.get(lid) ?? null,
  };
  company = await createCompanyFixture('Waha');
  number = await db().whatsAppNumber.create({ data: { companyId: company.companyId, provider: 'WAHA', phoneNumberId: session, displayPhoneNumber: '+55 11 4000-0002', name: 'WhatsApp Web' } });
  const onStored = (event: StoredEvent) => inFlight.push(processWahaEvent(deps, event));
  // The server passes its group-commit writer; one row per body is the same contract.
  const events: WahaEventWriter = {
    write: async ({ rawJson, ...event }) => (await db().webhookEvent.create({ data: { ...event, payload: JSON.parse(rawJson) }, select: { id: true } })).id,
  };
  const app = express();
  app.use('/webhooks/waha', wahaWebhookRouter({ events, logger, hmacSecret: SECRET, onStored }));
  app.use('/unsigned/webhooks/waha', wahaWebhookRouter({ events, logger, onStored }));
  app.use(errorHandler(logger));
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await Promise.allSettled(inFlight);
  await new Promise((resolve) => server.close(resolve));
  await waha.close();
});

/** Waits for the processing that follows each 200 (the router calls onStored before the answer leaves). */
const settle = async () => {
  await Promise.all(inFlight.splice(0));
};

const customer = () => `55119${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const shortId = () => randomBytes(10).toString('hex').toUpperCase();

function envelope(event: string, payload: unknown, overrides: Record<string, unknown> = {}) {
  return { id: `evt_${randomUUID()}`, timestamp: Date.now(), event, session, engine: 'GOWS', me: { id: '551140000002@c.us', pushName: 'Clínica' }, payload, ...overrides };
}

function customerMessage(from: string, fields: Record<string, unknown> = {}) {
  return {
    id: `false_${from}@c.us_${shortId()}`,
    timestamp: Math.floor(Date.now() / 1000),
    from: `${from}@c.us`,
    fromMe: false,
    to: '551140000002@c.us',
    body: 'Olá',
    hasMedia: false,
    ack: 2,
    ackName: 'DEVICE',
    replyTo: null,
    _data: { notifyName: 'Maria' },
    ...fields,
  };
}

async function post(body: unknown, options: { raw?: string; signature?: string | null; algorithm?: string | null; path?: string } = {}) {
  const raw = options.raw ?? JSON.stringify(body);
  const signature = options.signature === undefined ? signWahaBody(raw, SECRET) : options.signature;
  const algorithm = options.algorithm === undefined ? 'sha512' : options.algorithm;
  const response = await fetch(`${baseUrl}${options.path ?? '/webhooks/waha'}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { 'x-webhook-hmac': signature } : {}), ...(algorithm ? { 'x-webhook-hmac-algorithm': algorithm } : {}) },
    body: raw,
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as any };
}

const eventsAt = (path: string[], value: string) => db().webhookEvent.findMany({ where: { source: 'waha', payload: { path, equals: value } } });
const storedEvent = async (id: string) => (await db().webhookEvent.findMany({ where: { source: 'waha', payload: { path: ['id'], equals: id } } }))[0];
const messageById = (waMessageId: string) => db().message.findUnique({ where: { numberId_waMessageId: { numberId: number.id, waMessageId } } });

async function outboundMessage(to: string, waMessageId: string) {
  const contact = await db().contact.create({ data: { companyId: company.companyId, waId: to, phone: `+${to}` } });
  const conversation = await db().conversation.create({ data: { companyId: company.companyId, numberId: number.id, contactId: contact.id } });
  return db().message.create({
    data: { companyId: company.companyId, conversationId: conversation.id, numberId: number.id, direction: 'OUTBOUND', type: 'text', body: 'Seu exame está pronto', status: 'QUEUED', waMessageId },
  });
}

describe('signatures and malformed bodies', () => {
  test('when a secret is configured and the signature is missing, wrong or of another algorithm, then 401 and nothing is stored', async () => {
    const marker = shortId();
    const body = envelope('message', customerMessage(customer(), { body: marker }));
    const raw = JSON.stringify(body);
    const sha256OfSameBody = createHmac('sha256', SECRET).update(raw).digest('hex');
    expect((await post(body, { signature: null })).status).toBe(401);
    expect((await post(body, { signature: signWahaBody(raw, 'another-key') })).status).toBe(401);
    expect((await post(body, { signature: signWahaBody(raw + ' ', SECRET) })).status).toBe(401);
    expect((await post(body, { signature: sha256OfSameBody, algorithm: 'sha256' })).status).toBe(401);
    expect((await post(body, { signature: signWahaBody(raw, SECRET), algorithm: 'sha256' })).status).toBe(401);
    expect(await eventsAt(['payload', 'body'], marker)).toHaveLength(0);
  });

  test('when the raw body is signed with the secret, then it is stored as a waha event and acknowledged with 200', async () => {
    const body = envelope('session.status', { name: session, status: 'WORKING' });
    const raw = `{ "id": "${body.id}", "event": "session.status",\n  "session": "${session}", "payload": { "status": "WORKING" } }`;
    const reply = await post(undefined, { raw });
    expect(reply).toEqual({ status: 200, body: { received: true } });
    await settle();
    expect(await storedEvent(body.id)).toMatchObject({ source: 'waha', status: 'PROCESSED', companyId: company.companyId });
  });

  test('when no secret is configured, then unsigned bodies are accepted', async () => {
    const body = envelope('session.status', { name: session, status: 'WORKING' });
    expect((await post(body, { signature: null, algorithm: null, path: '/unsigned/webhooks/waha' })).status).toBe(200);
    await settle();
    expect(await storedEvent(body.id)).toBeDefined();
  });

  test('when a signed body is not JSON, then 400; when it is over 3 MB, then 413; neither is stored', async () => {
    const before = await db().webhookEvent.count({ where: { source: 'waha' } });
    expect((await post(undefined, { raw: '{"event":' })).status).toBe(400);
    const oversize = await post(undefined, { raw: JSON.stringify(envelope('message', { pad: 'x'.repeat(3_200_000) })) });
    expect(oversize.status).toBe(413);
    expect(oversize.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await db().webhookEvent.count({ where: { source: 'waha' } })).toBe(before);
  });

  test('when a signed body is JSON but not a WAHA event, then it is kept as FAILED and acknowledged', async () => {
    const marker = shortId();
    expect((await post({ hello: marker })).status).toBe(200);
    const [stored] = await eventsAt(['hello'], marker);
    expect(stored).toMatchObject({ status: 'FAILED', lastError: 'body does not match the WAHA webhook shape' });
  });
});

describe('inbound messages', () => {
  test('when WAHA repeats a text (retries, and both message and message.any), then it is stored once under the customer’s number with the profile name', async () => {
    const from = customer();
    const payload = customerMessage(from, { body: 'Quero marcar uma consulta' });
    await Promise.all([post(envelope('message', payload)), post(envelope('message', payload)), post(envelope('message', payload))]);
    await post(envelope('message.any', payload));
    await settle();
    expect(await db().message.count({ where: { waMessageId: payload.id } })).toBe(1);
    expect(await messageById(payload.id)).toMatchObject({ direction: 'INBOUND', status: 'RECEIVED', type: 'text', body: 'Quero marcar uma consulta', companyId: company.companyId });
    const contact = await db().contact.findUniqueOrThrow({ where: { companyId_waId: { companyId: company.companyId, waId: from } } });
    expect(contact).toMatchObject({ phone: `+${from}`, profileName: 'Maria' });
    const conversations = await db().conversation.findMany({ where: { contactId: contact.id } });
    expect(conversations).toHaveLength(1);
    expect(conversations[0]).toMatchObject({ numberId: number.id, unreadCount: 1 });
    expect(published.filter((e) => e.type === 'message.new' && e.conversationId === conversations[0]!.id)).toHaveLength(1);
  });

  // WAHA advertises files on its own host name; the provider fetches them from its configured address.
  const mediaFile = (ext: string) => {
    const filePath = `/api/files/${session}/false_x_${shortId()}.${ext}`;
    const bytes = randomBytes(64);
    waha.file(filePath, bytes, mimeOf[ext]!);
    return { url: `http://localhost:3000${filePath}`, filePath, bytes };
  };
  const cases: [string, (url: string) => Record<string, unknown>, string, { type: string; body: string | null; content?: Record<string, unknown> }][] = [
    ['an image with a caption', () => ({ body: 'Meu exame', _data: { notifyName: 'Maria', type: 'image' } }), 'jpeg', { type: 'image', body: 'Meu exame', content: { caption: 'Meu exame', media: { mimeType: 'image/jpeg' } } }],
    ['a voice note (WEBJS ptt)', () => ({ body: '', _data: { type: 'ptt' } }), 'oga', { type: 'audio', body: null, content: { voice: true } }],
    ['a video (NOWEB)', () => ({ body: '', _data: { pushName: 'Maria', message: { videoMessage: { seconds: 3 } } } }), 'mp4', { type: 'video', body: null }],
    ['a sticker (GOWS)', () => ({ body: '', _data: { Info: { PushName: 'Maria' }, Message: { stickerMessage: { isAnimated: true } } } }), 'webp', { type: 'sticker', body: null, content: { animated: true } }],
    ['a document', () => ({ body: '', _data: {} }), 'pdf', { type: 'document', body: null, content: { media: { fileName: 'laudo.pdf', mimeType: 'application/pdf' } } }],
  ];
  const mimeOf: Record<string, string> = { jpeg: 'image/jpeg', oga: 'audio/ogg; codecs=opus', mp4: 'video/mp4', webp: 'image/webp', pdf: 'application/pdf' };

  test.each(cases)('when %s arrives twice, then it is stored once and its file is downloaded from WAHA once into our storage', async (_label, fields, ext, expected) => {
    const file = mediaFile(ext);
    const payload = customerMessage(customer(), { hasMedia: true, media: { url: file.url, mimetype: mimeOf[ext], filename: ext === 'pdf' ? 'laudo.pdf' : null }, ...fields(file.url) });
    await post(envelope('message', payload));
    await settle();
    await post(envelope('message', payload));
    await settle();
    expect(await db().message.count({ where: { waMessageId: payload.id } })).toBe(1);
    const stored = await messageById(payload.id);
    expect(stored).toMatchObject({ type: expected.type, body: expected.body });
    expect(stored!.content).toMatchObject({ media: { waMediaId: file.url, mimeType: mimeOf[ext] }, ...expected.content });
    const media = await db().media.findUniqueOrThrow({ where: { id: stored!.mediaId! } });
    expect(media).toMatchObject({ waMediaId: file.url, sizeBytes: 64, sha256: createHash('sha256').update(file.bytes).digest('hex'), fileName: ext === 'pdf' ? 'laudo.pdf' : null });
    expect(await storage.read(media.storageKey)).toEqual(file.bytes);
    expect(waha.requests.filter((r) => r.path === file.filePath).map((r) => r.headers['x-api-key'])).toEqual(['waha-test-key']);
  });

  test('when WAHA could not keep the file, then the message is still stored, saying so, without media', async () => {
    const payload = customerMessage(customer(), { body: '', hasMedia: true, media: { url: null, mimetype: 'video/mp4', error: 'file too large' }, _data: { type: 'video' } });
    await post(envelope('message', payload));
    await settle();
    const stored = await messageById(payload.id);
    expect(stored).toMatchObject({ type: 'video', body: null });
    expect(stored!.content).toMatchObject({ mediaError: 'file too large' });
    expect(stored!.content).not.toHaveProperty('media');
    expect(stored!.mediaId).toBeNull();
  });

  test.each<[string, Record<string, unknown>, { type: string; body: string | null; content?: Record<string, unknown> }]>([
    ['a location', { body: '', location: { latitude: '-23.5614', longitude: '-46.6559', description: 'Clínica Paulista' } }, { type: 'location', body: 'Clínica Paulista', content: { latitude: -23.5614, longitude: -46.6559 } }],
    ['a contact card', { body: '', vCards: ['BEGIN:VCARD\nVERSION:3.0\nFN:João Lima\nTEL;waid=5511988887777:+55 11 98888-7777\nEND:VCARD'] }, { type: 'contacts', body: 'João Lima' }],
    ['an empty message of an unknown kind', { body: '', _data: { type: 'poll_creation' } }, { type: 'unsupported', body: null, content: { originalType: 'poll_creation' } }],
    ['a reply to one of our messages', { body: '2', replyTo: { id: 'true_551140000002@c.us_3EB0MENU', body: 'Com qual setor?' } }, { type: 'text', body: '2' }],
  ])('when %s arrives, then it is stored normalised', async (_label, fields, expected) => {
    const payload = customerMessage(customer(), fields);
    await post(envelope('message', payload));
    await settle();
    const stored = await messageById(payload.id);
    expect(stored).toMatchObject({ type: expected.type, body: expected.body });
    if (expected.content) expect(stored!.content).toMatchObject(expected.content);
    if (fields.replyTo) expect(stored!.replyToWaId).toBe('true_551140000002@c.us_3EB0MENU');
  });

  test('when our own message echoes back (fromMe), or a group or status message arrives, then nothing is stored and the event is done', async () => {
    const from = customer();
    const echo = customerMessage(from, { id: `true_${from}@c.us_${shortId()}`, fromMe: true, from: '551140000002@c.us', to: `${from}@c.us`, body: 'Resposta do atendente' });
    const group = customerMessage(from, { from: '120363402931855007@g.us', participant: `${from}@c.us`, body: 'Oi grupo' });
    const status = customerMessage(from, { from: 'status@broadcast', body: 'Novidade' });
    const bodies = [envelope('message.any', echo), envelope('message', group), envelope('message', status)];
    for (const body of bodies) await post(body);
    await settle();
    expect(await db().message.count({ where: { waMessageId: { in: [echo.id, group.id, status.id] } } })).toBe(0);
    expect(await db().contact.count({ where: { waId: from } })).toBe(0);
    for (const body of bodies) expect((await storedEvent(body.id))?.status).toBe('PROCESSED');
  });
});

describe('senders known only by LID', () => {
  test('when the engine gives the number beside the LID, then the message is stored under that number', async () => {
    const from = customer();
    const payload = customerMessage(from, { from: '4639135154355@lid', _data: { key: { remoteJid: '4639135154355@lid', remoteJidAlt: `${from}@s.whatsapp.net` }, pushName: 'Ana' } });
    await post(envelope('message', payload));
    await settle();
    expect(await messageById(payload.id)).toBeTruthy();
    expect(await db().contact.findUnique({ where: { companyId_waId: { companyId: company.companyId, waId: from } } })).toMatchObject({ profileName: 'Ana' });
  });

  test('when WAHA knows the number behind the LID, then the message is stored under it; when it does not yet, then the event waits DEFERRED', async () => {
    const from = customer();
    const lid = `${Date.now()}${Math.floor(Math.random() * 100)}@lid`;
    const payload = customerMessage(from, { from: lid, _data: {} });
    const body = envelope('message', payload);
    await post(body);
    await settle();
    expect(await storedEvent(body.id)).toMatchObject({ status: 'DEFERRED' });
    expect(await messageById(payload.id)).toBeNull();
    knownLids.set(lid, from);
    const event = (await storedEvent(body.id))!;
    expect(await processWahaEvent(deps, event.id)).toBe('PROCESSED');
    expect(await messageById(payload.id)).toMatchObject({ type: 'text' });
  });

  test('when no LID lookup is configured, then such a message is FAILED with the reason, for a person to see', async () => {
    const payload = customerMessage(customer(), { from: '9988776655443@lid', _data: {} });
    const event = await db().webhookEvent.create({ data: { source: 'waha', payload: envelope('message', payload) as never, nextAttemptAt: new Date(Date.now() + 3_600_000) } });
    const withoutLookup: WahaProcessDeps = { ...deps, phoneNumberForLid: undefined };
    expect(await processWahaEvent(withoutLookup, event.id)).toBe('FAILED');
    expect((await db().webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).lastError).toContain('9988776655443@lid');
  });
});

describe('acks', () => {
  const ack = (to: string, id: string, value: number, name: string, at: number) =>
    envelope('message.ack', { id, from: '551140000002@c.us', to: `${to}@c.us`, participant: null, fromMe: true, ack: value, ackName: name }, { timestamp: at });

  test('when acks SERVER, READ, DEVICE arrive in that order, then the message ends READ and keeps every time', async () => {
    const to = customer();
    const id = `true_${to}@c.us_${shortId()}`;
    const sent = await outboundMessage(to, id);
    const t0 = 1_760_000_000_000;
    for (const body of [ack(to, id, 1, 'SERVER', t0), ack(to, id, 3, 'READ', t0 + 200_000), ack(to, id, 2, 'DEVICE', t0 + 100_000)]) {
      await post(body);
      await settle();
    }
    const final = await db().message.findUniqueOrThrow({ where: { id: sent.id } });
    expect(final.status).toBe('READ');
    expect(final.sentAt?.toISOString()).toBe(new Date(t0).toISOString());
    expect(final.deliveredAt?.toISOString()).toBe(new Date(t0 + 100_000).toISOString());
    expect(final.readAt?.toISOString()).toBe(new Date(t0 + 200_000).toISOString());
    expect(published.some((e) => e.type === 'message.status' && e.payload.messageId === sent.id && e.payload.status === 'READ')).toBe(true);
  });

  test('when an ERROR ack arrives, then the message is FAILED with the reason', async () => {
    const to = customer();
    const id = `true_${to}@c.us_${shortId()}`;
    const sent = await outboundMessage(to, id);
    await post(ack(to, id, -1, 'ERROR', Date.now()));
    await settle();
    expect(await db().message.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({ status: 'FAILED', errorCode: -1, errorMessage: expect.stringContaining('ack ERROR') });
  });

  test('when an ack comes before the sent message is recorded, then the event waits DEFERRED and applies once processed again', async () => {
    const to = customer();
    const id = `true_${to}@c.us_${shortId()}`;
    const event = await db().webhookEvent.create({ data: { source: 'waha', payload: ack(to, id, 2, 'DEVICE', Date.now()) as never, nextAttemptAt: new Date(Date.now() + 3_600_000) } });
    expect(await processWahaEvent(deps, event.id)).toBe('DEFERRED');
    const sent = await outboundMessage(to, id);
    expect(await processWahaEvent(deps, event.id)).toBe('PROCESSED');
    expect((await db().message.findUniqueOrThrow({ where: { id: sent.id } })).status).toBe('DELIVERED');
  });

  test('when an ack describes the customer’s own message (we read it), then nothing changes', async () => {
    const payload = customerMessage(customer());
    await post(envelope('message', payload));
    await settle();
    await post(envelope('message.ack', { id: payload.id, from: payload.from, to: '551140000002@c.us', fromMe: false, ack: 3, ackName: 'READ' }));
    await settle();
    expect(await messageById(payload.id)).toMatchObject({ status: 'RECEIVED', readAt: null });
  });
});

describe('routing', () => {
  test('when the session is not a WAHA number of any company, then the event is UNROUTED and nothing is stored', async () => {
    const from = customer();
    const body = envelope('message', customerMessage(from), { session: `ninguem-${shortId()}` });
    expect((await post(body)).status).toBe(200);
    await settle();
    expect(await storedEvent(body.id)).toMatchObject({ status: 'UNROUTED' });
    expect(await db().contact.count({ where: { waId: from } })).toBe(0);
  });

  test('when the session name equals a Cloud API number’s id, then the event is still UNROUTED (only WAHA numbers answer to sessions)', async () => {
    const meta = await createNumber(company.companyId);
    const from = customer();
    const body = envelope('message', customerMessage(from), { session: meta.phoneNumberId });
    await post(body);
    await settle();
    expect(await storedEvent(body.id)).toMatchObject({ status: 'UNROUTED' });
    expect(await db().contact.count({ where: { waId: from } })).toBe(0);
  });

  test('when stored events of both providers are processed through one entry point, then each goes to its own processor', async () => {
    const meta = await createNumber(company.companyId);
    const metaMessage = inbound(customer(), 'text', { text: { body: 'pela Meta' } });
    const metaEvent = await db().webhookEvent.create({ data: { source: 'whatsapp', payload: messagesEnvelope(meta.phoneNumberId, { messages: [metaMessage] }) as never, nextAttemptAt: new Date(Date.now() + 3_600_000) } });
    const wahaMessage = customerMessage(customer(), { body: 'pelo WAHA' });
    const wahaEvent = await db().webhookEvent.create({ data: { source: 'waha', payload: envelope('message', wahaMessage) as never, nextAttemptAt: new Date(Date.now() + 3_600_000) } });
    const cloudApiMedia = { storage, download: () => Promise.reject(new Error('no Cloud API media in this test')) };
    const both = { db: db(), sql: testSql(), logger, publish: deps.publish, deliver: deps.deliver, media: cloudApiMedia, waha: { media: deps.media, phoneNumberForLid: deps.phoneNumberForLid } };
    expect(await processAnyWebhookEvent(both, metaEvent.id)).toBe('PROCESSED');
    expect(await processAnyWebhookEvent(both, wahaEvent.id)).toBe('PROCESSED');
    expect(await db().message.findUnique({ where: { numberId_waMessageId: { numberId: meta.id, waMessageId: metaMessage.id } } })).toMatchObject({ body: 'pela Meta' });
    expect(await messageById(wahaMessage.id)).toMatchObject({ body: 'pelo WAHA' });
    expect(delivered).toEqual(expect.arrayContaining(['pela Meta', 'pelo WAHA']));
  });
});
