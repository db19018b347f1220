import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { io as connectSocket } from 'socket.io-client';
import { createCompanyFixture, eventually, login, startTestApi, testDb, type CompanyFixture, type TestApi } from '../../../test/harness';
import { createNumber, inbound, messagesEnvelope, postWebhook, wamid } from './webhookFixtures';

let api: TestApi;
let company: CompanyFixture;
let number: Awaited<ReturnType<typeof createNumber>>;
const db = () => testDb();

beforeAll(async () => {
  api = await startTestApi({ WEBHOOK_REDRIVE_GRACE_MS: '0' });
  company = await createCompanyFixture('Webhook');
  number = await createNumber(company.companyId);
});
afterAll(() => api.close());

/** Other test files store events in parallel: count only those carrying this test's marker. */
const eventWith = async (marker: string) => {
  const rows = await db().$queryRaw<{ id: string }[]>`SELECT "id" FROM "WebhookEvent" WHERE "payload"::text LIKE ${'%' + marker + '%'} ORDER BY "receivedAt" DESC LIMIT 1`;
  return rows[0] ? db().webhookEvent.findUnique({ where: { id: rows[0].id } }) : null;
};
const eventsWith = async (marker: string) => Number((await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "WebhookEvent" WHERE "payload"::text LIKE ${'%' + marker + '%'}`)[0]!.n);

describe('webhook verification handshake', () => {
  test('when Meta subscribes with the right verify token, then the challenge comes back; otherwise 403', async () => {
    const ok = await fetch(`${api.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=test-verify-token&hub.challenge=1158201444`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const wrong = await fetch(`${api.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`);
    expect(wrong.status).toBe(403);
  });
});

describe('signatures and malformed bodies', () => {
  test('when the signature is missing or wrong, then 401 and nothing is stored', async () => {
    const body = messagesEnvelope(number.phoneNumberId, { messages: [inbound('5511999990000', 'text', { text: { body: 'marker-unsigned' } })] });
    expect((await postWebhook(api.url, body, { signature: null })).status).toBe(401);
    expect((await postWebhook(api.url, body, { signature: 'sha256=' + 'ab'.repeat(32) })).status).toBe(401);
    expect((await postWebhook(api.url, body, { signature: 'sha1=abc' })).status).toBe(401);
    expect(await eventsWith('marker-unsigned')).toBe(0);
  });

  test('when the body is signed byte for byte with unusual spacing, then it is accepted (the raw bytes are verified)', async () => {
    const raw = `{ "object":"whatsapp_business_account",\n  "entry": [ ] }`;
    expect((await postWebhook(api.url, undefined, { raw })).status).toBe(200);
  });

  test('when a signed body is not JSON, then 400; when it is over 3 MB, then 413; neither is stored', async () => {
    expect((await postWebhook(api.url, undefined, { raw: '{"object":"marker-broken",' })).status).toBe(400);
    const huge = JSON.stringify({ object: 'marker-huge', entry: [], pad: 'x'.repeat(3_200_000) });
    const oversize = await postWebhook(api.url, undefined, { raw: huge });
    expect(oversize.status).toBe(413);
    expect(oversize.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await eventsWith('marker-broken')).toBe(0);
    expect(await eventsWith('marker-huge')).toBe(0);
  });

  test('when a signed body is JSON but not a WhatsApp envelope, then it is kept as FAILED and acknowledged', async () => {
    const reply = await postWebhook(api.url, { hello: 'world' });
    expect(reply.status).toBe(200);
    const stored = await db().webhookEvent.findFirst({ where: { payload: { equals: { hello: 'world' } } } });
    expect(stored?.status).toBe('FAILED');
  });
});

describe('inbound messages of every type', () => {
  const from = '5511988887777';
  const cases: [string, Record<string, unknown>, { type: string; body: string | null; content?: Record<string, unknown> }][] = [
    ['text', { text: { body: 'Olá, bom dia' } }, { type: 'text', body: 'Olá, bom dia' }],
    ['image', { image: { id: 'media-img', mime_type: 'image/jpeg', sha256: 'abc', caption: 'Exame' } }, { type: 'image', body: 'Exame', content: { media: { waMediaId: 'media-img', mimeType: 'image/jpeg', sha256: 'abc' } } }],
    ['audio', { audio: { id: 'media-aud', mime_type: 'audio/ogg; codecs=opus', voice: true } }, { type: 'audio', body: null, content: { voice: true } }],
    ['video', { video: { id: 'media-vid', mime_type: 'video/mp4' } }, { type: 'video', body: null }],
    ['document', { document: { id: 'media-doc', mime_type: 'application/pdf', filename: 'laudo.pdf' } }, { type: 'document', body: null, content: { media: { fileName: 'laudo.pdf' } } }],
    ['sticker', { sticker: { id: 'media-stk', mime_type: 'image/webp', animated: false } }, { type: 'sticker', body: null }],
    ['location', { location: { latitude: -23.55, longitude: -46.63, name: 'Clínica', address: 'Av. Paulista, 1000' } }, { type: 'location', body: 'Clínica — Av. Paulista, 1000', content: { latitude: -23.55 } }],
    ['contacts', { contacts: [{ name: { formatted_name: 'Maria Souza' }, phones: [{ phone: '+5511999990000' }] }] }, { type: 'contacts', body: 'Maria Souza' }],
    ['interactive', { interactive: { type: 'button_reply', button_reply: { id: 'dept-comercial', title: 'Comercial' } } }, { type: 'interactive', body: 'Comercial', content: { replyType: 'button_reply', id: 'dept-comercial' } }],
    ['interactive', { interactive: { type: 'list_reply', list_reply: { id: 'dept-lab', title: 'Laboratório', description: 'Exames' } } }, { type: 'interactive', body: 'Laboratório', content: { replyType: 'list_reply', id: 'dept-lab' } }],
    ['button', { button: { payload: 'PARAR', text: 'Parar promoções' } }, { type: 'button', body: 'Parar promoções', content: { payload: 'PARAR' } }],
    ['reaction', { reaction: { message_id: 'wamid.original', emoji: '👍' } }, { type: 'reaction', body: '👍', content: { messageId: 'wamid.original' } }],
    ['order', { order: { catalog_id: 'cat1', product_items: [{ product_retailer_id: 'sku1', quantity: 2 }], text: 'Quero estes' } }, { type: 'order', body: 'Quero estes' }],
    ['system', { system: { body: 'O cliente trocou de número', type: 'user_changed_number' } }, { type: 'system', body: 'O cliente trocou de número' }],
    ['unsupported', { errors: [{ code: 131051, title: 'Message type unknown' }] }, { type: 'unsupported', body: null, content: { originalType: 'unsupported' } }],
    ['poll_vote', { poll_vote: { option: 1 } }, { type: 'unsupported', body: null, content: { originalType: 'poll_vote' } }],
    ['text', { text: { wrong: 'shape' } }, { type: 'unsupported', body: null, content: { originalType: 'text' } }],
  ];

  test.each(cases)('when a %s message arrives, then it is stored normalised', async (type, payload, expected) => {
    const message = inbound(from, type, payload);
    const reply = await postWebhook(api.url, messagesEnvelope(number.phoneNumberId, { contacts: [{ wa_id: from, profile: { name: 'Maria' } }], messages: [message] }));
    expect(reply.status).toBe(200);
    const stored = await eventually(() => db().message.findUnique({ where: { numberId_waMessageId: { numberId: number.id, waMessageId: message.id } } }), Boolean);
    expect(stored).toMatchObject({ direction: 'INBOUND', status: 'RECEIVED', type: expected.type, body: expected.body, companyId: company.companyId });
    if (expected.content) expect(stored!.content).toMatchObject(expected.content);
  });

  test('when messages arrive, then the contact keeps its profile name and one open conversation collects them with unread counts', async () => {
    const contact = await db().contact.findUniqueOrThrow({ where: { companyId_waId: { companyId: company.companyId, waId: from } } });
    expect(contact).toMatchObject({ profileName: 'Maria', phone: '+5511988887777' });
    const conversations = await db().conversation.findMany({ where: { contactId: contact.id } });
    expect(conversations).toHaveLength(1);
    expect(conversations[0]!.unreadCount).toBe(cases.length);
  });
});

describe('idempotency and ordering', () => {
  test('when Meta repeats the same message webhook, then the message is stored once', async () => {
    const message = inbound('5511977776666', 'text', { text: { body: 'repetida' } });
    const body = messagesEnvelope(number.phoneNumberId, { messages: [message] });
    await Promise.all([postWebhook(api.url, body), postWebhook(api.url, body), postWebhook(api.url, body)]);
    await postWebhook(api.url, body);
    await eventually(() => db().webhookEvent.count({ where: { status: { in: ['RECEIVED'] } } }), (n) => n === 0);
    expect(await db().message.count({ where: { waMessageId: message.id } })).toBe(1);
    const conversation = await db().conversation.findFirstOrThrow({ where: { contact: { waId: '5511977776666' } } });
    expect(conversation.unreadCount).toBe(1);
  });

  test('when read arrives before delivered, then the message stays read and both times are kept', async () => {
    const { outbound } = await outboundMessage();
    const status = (s: string, t: number) => ({ id: outbound.waMessageId, status: s, timestamp: String(t), recipient_id: '5511966665555' });
    await postWebhook(api.url, messagesEnvelope(number.phoneNumberId, { statuses: [status('read', 1_700_000_200)] }));
    await postWebhook(api.url, messagesEnvelope(number.phoneNumberId, { statuses: [status('delivered', 1_700_000_100)] }));
    await postWebhook(api.url, messagesEnvelope(number.phoneNumberId, { statuses: [status('sent', 1_700_000_050)] }));
    const final = await eventually(() => db().message.findUniqueOrThrow({ where: { id: outbound.id } }), (m) => Boolean(m.sentAt && m.deliveredAt && m.readAt));
    expect(final.status).toBe('READ');
    expect(final.deliveredAt?.toISOString()).toBe(new Date(1_700_000_100_000).toISOString());
  });

  test('when a failed status arrives, then the error code and details are stored', async () => {
    const { outbound } = await outboundMessage();
    await postWebhook(api.url, messagesEnvelope(number.phoneNumberId, {
      statuses: [{ id: outbound.waMessageId, status: 'failed', timestamp: '1700000300', recipient_id: '5511966665555', errors: [{ code: 131026, title: 'Message undeliverable', error_data: { details: 'Receiver is incapable of receiving this message' } }] }],
    }));
    const failed = await eventually(() => db().message.findUniqueOrThrow({ where: { id: outbound.id } }), (m) => m.status === 'FAILED');
    expect(failed).toMatchObject({ status: 'FAILED', errorCode: 131026, errorMessage: 'Receiver is incapable of receiving this message' });
  });

  test('when a status arrives before the message it describes, then it waits and is applied by the re-driver', async () => {
    const early = wamid();
    await postWebhook(api.url, messagesEnvelope(number.phoneNumberId, { statuses: [{ id: early, status: 'delivered', timestamp: '1700000400', recipient_id: '5511966665555' }] }));
    const event = (await eventually(() => eventWith(early), (e) => e?.status === 'DEFERRED'))!;
    expect(event.status).toBe('DEFERRED');
    const { outbound } = await outboundMessage(early);
    await db().webhookEvent.update({ where: { id: event.id }, data: { nextAttemptAt: new Date(0) } });
    await api.server.redriver.tickNow();
    expect((await db().message.findUniqueOrThrow({ where: { id: outbound.id } })).status).toBe('DELIVERED');
    expect((await db().webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).status).toBe('PROCESSED');
  });
});

describe('routing and recovery', () => {
  test('when a webhook names a phone number no company owns, then it is stored as UNROUTED and acknowledged', async () => {
    const reply = await postWebhook(api.url, messagesEnvelope('999999999999999', { messages: [inbound('5511955554444', 'text', { text: { body: 'alguém?' } })] }));
    expect(reply.status).toBe(200);
    const event = await eventually(() => eventWith('999999999999999'), (e) => e?.status === 'UNROUTED');
    expect(event?.status).toBe('UNROUTED');
    expect(await db().contact.count({ where: { waId: '5511955554444' } })).toBe(0);
  });

  test('when the API died after storing an event, then the re-driver processes it later and nothing is lost', async () => {
    const message = inbound('5511944443333', 'text', { text: { body: 'chegou antes da queda' } });
    // Exactly what the intake writes before its 200, with no processing after it.
    const orphan = await db().webhookEvent.create({ data: { source: 'whatsapp', payload: messagesEnvelope(number.phoneNumberId, { messages: [message] }) as never } });
    await api.server.redriver.tickNow();
    expect((await db().webhookEvent.findUniqueOrThrow({ where: { id: orphan.id } })).status).toBe('PROCESSED');
    expect(await db().message.count({ where: { waMessageId: message.id } })).toBe(1);
  });

  test('when a template status update arrives, then the template status follows', async () => {
    const template = await db().messageTemplate.create({ data: { companyId: company.companyId, numberId: number.id, name: 'boas_vindas', language: 'pt_BR', category: 'MARKETING', components: [], providerId: '987654321' } });
    await postWebhook(api.url, {
      object: 'whatsapp_business_account',
      entry: [{ id: '200000000000001', changes: [{ field: 'message_template_status_update', value: { event: 'APPROVED', message_template_id: 987654321, message_template_name: 'boas_vindas', message_template_language: 'pt_BR', reason: null } }] }],
    });
    const updated = await eventually(() => db().messageTemplate.findUniqueOrThrow({ where: { id: template.id } }), (t) => t.status === 'APPROVED');
    expect(updated.status).toBe('APPROVED');

    // Meta's states we do not keep are mapped, not failed on: a template being deleted cannot be sent.
    const deleting = await postWebhook(api.url, {
      object: 'whatsapp_business_account',
      entry: [{ id: '200000000000001', changes: [{ field: 'message_template_status_update', value: { event: 'PENDING_DELETION', message_template_id: 987654321, reason: null } }] }],
    });
    expect(deleting.status).toBe(200);
    await eventually(() => db().messageTemplate.findUniqueOrThrow({ where: { id: template.id } }), (t) => t.status === 'DISABLED');
    const stored = () => db().webhookEvent.findMany({ where: { payload: { path: ['entry', '0', 'changes', '0', 'value', 'event'], equals: 'PENDING_DELETION' } }, select: { status: true } });
    expect((await eventually(stored, (events) => events.every((e) => e.status !== 'RECEIVED'))).map((e) => e.status)).toEqual(['PROCESSED']);
  });
});

describe('realtime', () => {
  test('when a customer writes, then a signed-in supervisor’s browser receives message.new over socket.io; a bad token is refused', async () => {
    const supervisor = await login(api.url, company.users.supervisor.email);
    const socket = connectSocket(api.url, { auth: { token: supervisor.accessToken }, transports: ['websocket'] });
    const intruder = connectSocket(api.url, { auth: { token: 'forged' }, transports: ['websocket'] });
    const refusal = new Promise<string>((resolve) => intruder.once('connect_error', (error) => resolve(error.message)));
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      expect(await refusal).toBe('UNAUTHENTICATED');
      const received = new Promise<{ message: { body: string } }>((resolve) => socket.once('message.new', resolve));
      await postWebhook(api.url, messagesEnvelope(number.phoneNumberId, { messages: [inbound('5511933332222', 'text', { text: { body: 'tempo real' } })] }));
      expect((await received).message.body).toBe('tempo real');
    } finally {
      socket.close();
      intruder.close();
    }
  });
});

async function outboundMessage(waMessageId = wamid()) {
  const contact = await db().contact.upsert({
    where: { companyId_waId: { companyId: company.companyId, waId: '5511966665555' } },
    update: {},
    create: { companyId: company.companyId, waId: '5511966665555', phone: '+5511966665555' },
  });
  const conversation =
    (await db().conversation.findFirst({ where: { contactId: contact.id, status: { not: 'RESOLVED' } } })) ??
    (await db().conversation.create({ data: { companyId: company.companyId, numberId: number.id, contactId: contact.id } }));
  const outbound = await db().message.create({
    data: { companyId: company.companyId, conversationId: conversation.id, numberId: number.id, direction: 'OUTBOUND', type: 'text', body: 'Olá!', status: 'QUEUED', waMessageId },
  });
  return { outbound };
}
