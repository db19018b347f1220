import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { OutboundMessage } from '../outboundMessage';
import { WhatsAppProviderError } from '../providerErrors';
import { createWahaProvider, type WahaProvider } from '../wahaProvider';
import { startFakeWaha, type FakeWaha } from './fakeWaha';

const API_KEY = 'waha-test-key';
const SESSION = 'atendimento';
const CUSTOMER = '5511999990000';
const CHAT = `${CUSTOMER}@c.us`;

let waha: FakeWaha;
let provider: WahaProvider;
const stored = new Map<string, { data: Buffer; mimeType: string; fileName?: string }>();

beforeAll(async () => {
  waha = await startFakeWaha();
  provider = createWahaProvider({ baseUrl: waha.url, apiKey: API_KEY, timeoutMs: 1000, resolveMedia: async (id) => stored.get(id)! });
});
afterAll(() => waha.close());
beforeEach(() => {
  waha.requests.length = 0;
});

const only = () => {
  expect(waha.requests).toHaveLength(1);
  return waha.requests[0]!;
};

async function failure(promise: Promise<unknown>): Promise<WhatsAppProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WhatsAppProviderError);
  return error as WhatsAppProviderError;
}

describe('sending', () => {
  test('when a text is sent, then WAHA gets POST /api/sendText with the session, the @c.us chat, the text, reply_to and the API key, and its id comes back', async () => {
    waha.script('POST /api/sendText', { status: 201, body: { id: `true_${CHAT}_3EB0AAAA`, fromMe: true } });
    const sent = await provider.send(SESSION, { type: 'text', to: CUSTOMER, body: 'Olá! Como posso ajudar?', replyTo: `false_${CHAT}_ABC` });
    expect(sent).toEqual({ waMessageId: `true_${CHAT}_3EB0AAAA` });
    const request = only();
    expect(request).toMatchObject({ method: 'POST', path: '/api/sendText' });
    expect(request.headers['x-api-key']).toBe(API_KEY);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.body).toEqual({ session: SESSION, chatId: CHAT, text: 'Olá! Como posso ajudar?', reply_to: `false_${CHAT}_ABC`, linkPreview: false });
  });

  const mediaCases: [string, OutboundMessage, string, Record<string, unknown>][] = [
    [
      'image',
      { type: 'image', to: CUSTOMER, media: { link: 'https://cdn.example.com/exames/raio-x.png' }, caption: 'Seu exame' },
      '/api/sendImage',
      { file: { mimetype: 'image/png', url: 'https://cdn.example.com/exames/raio-x.png' }, caption: 'Seu exame' },
    ],
    [
      'document',
      { type: 'document', to: CUSTOMER, media: { link: 'https://cdn.example.com/laudos/laudo%20final.pdf' }, caption: 'Laudo' },
      '/api/sendFile',
      { file: { mimetype: 'application/pdf', url: 'https://cdn.example.com/laudos/laudo%20final.pdf', filename: 'laudo final.pdf' }, caption: 'Laudo' },
    ],
    [
      'audio',
      { type: 'audio', to: CUSTOMER, media: { link: 'https://cdn.example.com/audio/boas-vindas.mp3' } },
      '/api/sendVoice',
      { file: { mimetype: 'audio/mpeg', url: 'https://cdn.example.com/audio/boas-vindas.mp3' }, convert: true },
    ],
    [
      'video',
      { type: 'video', to: CUSTOMER, media: { link: 'https://cdn.example.com/video/tour.mp4' }, caption: 'Conheça a clínica' },
      '/api/sendVideo',
      { file: { mimetype: 'video/mp4', url: 'https://cdn.example.com/video/tour.mp4' }, caption: 'Conheça a clínica', convert: false },
    ],
  ];

  test.each(mediaCases)('when an %s is sent by link, then WAHA gets the right endpoint with file.url and a MIME type', async (_type, message, path, expected) => {
    const sent = await provider.send(SESSION, message);
    const request = only();
    expect(request).toMatchObject({ method: 'POST', path });
    expect(request.body).toEqual({ session: SESSION, chatId: CHAT, ...expected });
    expect(sent.waMessageId).toMatch(new RegExp(`^true_${CUSTOMER}@c\\.us_`));
  });

  test('when media is sent by the id of a file the app stores, then its bytes travel as file.data in base64', async () => {
    stored.set('media-1', { data: Buffer.from('%PDF-1.7 conteúdo'), mimeType: 'application/pdf', fileName: 'orcamento.pdf' });
    await provider.send(SESSION, { type: 'document', to: CUSTOMER, media: { mediaId: 'media-1' } });
    expect(only().body.file).toEqual({ mimetype: 'application/pdf', data: Buffer.from('%PDF-1.7 conteúdo').toString('base64'), filename: 'orcamento.pdf' });
  });

  test('when media is sent by id and no file reader is configured, then it is refused as invalid without calling WAHA', async () => {
    const bare = createWahaProvider({ baseUrl: waha.url, apiKey: API_KEY });
    const error = await failure(bare.send(SESSION, { type: 'image', to: CUSTOMER, media: { mediaId: 'media-1' } }));
    expect(error.kind).toBe('invalid');
    expect(waha.requests).toHaveLength(0);
  });

  test('when a location is sent, then WAHA gets POST /api/sendLocation with the name and address as title', async () => {
    await provider.send(SESSION, { type: 'location', to: CUSTOMER, latitude: -23.5614, longitude: -46.6559, name: 'Clínica Paulista', address: 'Av. Paulista, 1000' });
    expect(only()).toMatchObject({
      method: 'POST',
      path: '/api/sendLocation',
      body: { session: SESSION, chatId: CHAT, latitude: -23.5614, longitude: -46.6559, title: 'Clínica Paulista — Av. Paulista, 1000' },
    });
  });

  test('when a reaction is sent, then WAHA gets PUT /api/reaction naming the message and the emoji', async () => {
    const sent = await provider.send(SESSION, { type: 'reaction', to: CUSTOMER, messageId: `false_${CHAT}_ABC`, emoji: '👍' });
    expect(only()).toMatchObject({ method: 'PUT', path: '/api/reaction', body: { session: SESSION, messageId: `false_${CHAT}_ABC`, reaction: '👍' } });
    expect(sent.waMessageId).toContain(`false_${CHAT}_ABC`);
  });

  test('when buttons are sent, then the customer gets a numbered text menu', async () => {
    await provider.send(SESSION, {
      type: 'buttons',
      to: CUSTOMER,
      header: 'Atendimento',
      body: 'Com qual setor você quer falar?',
      footer: 'Clínica Paulista',
      buttons: [
        { id: 'dept-comercial', title: 'Comercial' },
        { id: 'dept-financeiro', title: 'Financeiro' },
        { id: 'dept-lab', title: 'Laboratório' },
      ],
    });
    const request = only();
    expect(request.path).toBe('/api/sendText');
    expect(request.body.text).toBe(
      ['*Atendimento*', 'Com qual setor você quer falar?', '', '1. Comercial', '2. Financeiro', '3. Laboratório', '', '_Clínica Paulista_', '', 'Responda com o número da opção.'].join('\n'),
    );
  });

  test('when a list is sent, then its rows are numbered across sections with their descriptions', async () => {
    await provider.send(SESSION, {
      type: 'list',
      to: CUSTOMER,
      body: 'Escolha o exame',
      buttonLabel: 'Ver exames',
      sections: [
        { title: 'Sangue', rows: [{ id: 'hemo', title: 'Hemograma', description: 'Jejum de 8 h' }, { id: 'glic', title: 'Glicemia' }] },
        { title: 'Imagem', rows: [{ id: 'rx', title: 'Raio-X' }] },
      ],
    });
    expect(only().body.text).toBe(['Escolha o exame', '', '*Sangue*', '1. Hemograma — Jejum de 8 h', '2. Glicemia', '*Imagem*', '3. Raio-X', '', 'Responda com o número da opção.'].join('\n'));
  });

  test.each<[string, OutboundMessage]>([
    ['a template', { type: 'template', to: CUSTOMER, name: 'boas_vindas', language: 'pt_BR' }],
    ['a sticker', { type: 'sticker', to: CUSTOMER, media: { link: 'https://cdn.example.com/s.webp' } }],
    ['a malformed recipient', { type: 'text', to: '+55 11 9999', body: 'oi' }],
  ])('when %s is sent, then it is refused as invalid without calling WAHA', async (_what, message) => {
    const error = await failure(provider.send(SESSION, message));
    expect(error.kind).toBe('invalid');
    expect(error.retryable).toBe(false);
    expect(waha.requests).toHaveLength(0);
  });
});

describe('ids of sent messages across WAHA engines', () => {
  test('when WEBJS answers with id._serialized, then that is the message id', async () => {
    waha.script('POST /api/sendText', { status: 201, body: { id: { fromMe: true, remote: CHAT, id: '3EB0WEBJS', _serialized: `true_${CHAT}_3EB0WEBJS` } } });
    expect(await provider.send(SESSION, { type: 'text', to: CUSTOMER, body: 'oi' })).toEqual({ waMessageId: `true_${CHAT}_3EB0WEBJS` });
  });

  test('when NOWEB answers with a Baileys key, then the id is built the way its acks will name it', async () => {
    waha.script('POST /api/sendText', { status: 201, body: { key: { remoteJid: `${CUSTOMER}@s.whatsapp.net`, fromMe: true, id: '3EB0NOWEB' }, status: 'PENDING' } });
    expect(await provider.send(SESSION, { type: 'text', to: CUSTOMER, body: 'oi' })).toEqual({ waMessageId: `true_${CHAT}_3EB0NOWEB` });
  });

  test('when WAHA accepts a send but answers with an empty body, then the outcome is unknown (never resent blindly)', async () => {
    waha.script('POST /api/sendText', { status: 201 });
    const error = await failure(provider.send(SESSION, { type: 'text', to: CUSTOMER, body: 'oi' }));
    expect(error.kind).toBe('unknown_outcome');
    expect(error.retryable).toBe(false);
  });
});

describe('failures', () => {
  test.each<[string, string, boolean, { status: number; body?: unknown }]>([
    ['401', 'auth', false, { status: 401, body: { message: 'Unauthorized', statusCode: 401 } }],
    ['403', 'auth', false, { status: 403, body: { message: 'Forbidden', statusCode: 403 } }],
    ['500', 'temporary', true, { status: 500, body: { statusCode: 500, exception: { message: 'Evaluation failed' } } }],
    ['503', 'temporary', true, { status: 503 }],
    ['400', 'invalid', false, { status: 400, body: { statusCode: 400, message: ['chatId must be a string'], error: 'Bad Request' } }],
    ['404', 'invalid', false, { status: 404, body: { statusCode: 404, message: 'Session not found' } }],
    ['422 while the session starts', 'temporary', true, { status: 422, body: { error: 'Session status is not as expected. Try again later or restart the session', session: SESSION, status: 'STARTING', expected: ['WORKING'] } }],
    ['422 while the session waits for its QR code', 'auth', false, { status: 422, body: { error: 'Session status is not as expected. Try again later or restart the session', session: SESSION, status: 'SCAN_QR_CODE', expected: ['WORKING'] } }],
  ])('when WAHA answers %s, then the failure kind is %s', async (_label, kind, retryable, answer) => {
    waha.script('POST /api/sendText', answer);
    const error = await failure(provider.send(SESSION, { type: 'text', to: CUSTOMER, body: 'oi' }));
    expect(error.kind).toBe(kind);
    expect(error.retryable).toBe(retryable);
    expect(error.code).toBe(answer.status);
  });

  test('when WAHA cannot be reached, then the failure is temporary', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const unreachable = createWahaProvider({ baseUrl: `http://127.0.0.1:${closedPort}`, apiKey: API_KEY, timeoutMs: 1000 });
    const error = await failure(unreachable.send(SESSION, { type: 'text', to: CUSTOMER, body: 'oi' }));
    expect(error.kind).toBe('temporary');
    expect(error.retryable).toBe(true);
  });

  test('when a send times out, then the outcome is unknown; when a read receipt times out, then it is only temporary', async () => {
    const impatient = createWahaProvider({ baseUrl: waha.url, apiKey: API_KEY, timeoutMs: 100 });
    waha.script('POST /api/sendText', { status: 201, body: { id: `true_${CHAT}_LATE` }, delayMs: 400 });
    expect((await failure(impatient.send(SESSION, { type: 'text', to: CUSTOMER, body: 'oi' }))).kind).toBe('unknown_outcome');
    waha.script('POST /api/sendSeen', { status: 201, body: {}, delayMs: 400 });
    expect((await failure(impatient.markRead(SESSION, `false_${CHAT}_ABC`))).kind).toBe('temporary');
  });
});

describe('read receipts and typing', () => {
  test('when a message is marked read, then WAHA gets POST /api/sendSeen for its chat and id; with typing, then also POST /api/startTyping', async () => {
    await provider.markRead(SESSION, `false_${CHAT}_3EB0IN`);
    expect(only()).toMatchObject({ method: 'POST', path: '/api/sendSeen', body: { session: SESSION, chatId: CHAT, messageIds: [`false_${CHAT}_3EB0IN`] } });
    waha.requests.length = 0;
    await provider.markRead(SESSION, `false_${CHAT}_3EB0IN`, { typing: true });
    expect(waha.requests.map((r) => [r.method, r.path, r.body.chatId])).toEqual([
      ['POST', '/api/sendSeen', CHAT],
      ['POST', '/api/startTyping', CHAT],
    ]);
  });

  test('when the message id is not a WAHA id, then marking it read is refused as invalid', async () => {
    expect((await failure(provider.markRead(SESSION, 'wamid.HBgLNTUxMTk5OTk5MDAwMBUCABIYFjNFQjA='))).kind).toBe('invalid');
    expect(waha.requests).toHaveLength(0);
  });
});

describe('media download', () => {
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);

  test('when WAHA advertises a file on its default host, then it is fetched from the configured address with the API key', async () => {
    waha.file(`/api/files/${SESSION}/false_${CHAT}_IMG.jpeg`, jpeg, 'image/jpeg');
    const media = await provider.downloadMedia(`http://localhost:3000/api/files/${SESSION}/false_${CHAT}_IMG.jpeg`);
    expect(media).toEqual({ data: jpeg, mimeType: 'image/jpeg', sha256: createHash('sha256').update(jpeg).digest('hex'), fileName: `false_${CHAT}_IMG.jpeg` });
    expect(only().headers['x-api-key']).toBe(API_KEY);
  });

  test('when the file lives on another host (S3 storage), then the API key is not sent there', async () => {
    const storage = await startFakeWaha();
    try {
      storage.file('/bucket/audio.oga', Buffer.from('OggS'), 'audio/ogg');
      const media = await provider.downloadMedia(`${storage.url}/bucket/audio.oga`);
      expect(media.mimeType).toBe('audio/ogg');
      expect(storage.requests[0]!.headers['x-api-key']).toBeUndefined();
    } finally {
      await storage.close();
    }
  });

  test('when the file is gone, then the failure is invalid', async () => {
    expect((await failure(provider.downloadMedia(`${waha.url}/api/files/${SESSION}/gone.jpeg`))).kind).toBe('invalid');
  });
});

describe('what WAHA cannot do, and what only WAHA has', () => {
  test('when templates or uploads are asked of WAHA, then each is refused as invalid with a message in Portuguese', async () => {
    const refusals = await Promise.all([
      failure(provider.uploadMedia(SESSION, { data: Buffer.from('x'), mimeType: 'image/png' })),
      failure(provider.createTemplate(SESSION, { name: 't', language: 'pt_BR', category: 'UTILITY', components: [] })),
      failure(provider.listTemplates(SESSION)),
      failure(provider.deleteTemplate(SESSION, 't')),
    ]);
    for (const error of refusals) {
      expect(error.kind).toBe('invalid');
      expect(error.message).toMatch(/WAHA/);
    }
    expect(waha.requests).toHaveLength(0);
  });

  test('when the session status is asked, then WAHA gets GET /api/sessions/{session} and its status comes back', async () => {
    waha.script(`GET /api/sessions/${SESSION}`, { status: 200, body: { name: SESSION, status: 'SCAN_QR_CODE' } });
    expect(await provider.sessionStatus(SESSION)).toBe('SCAN_QR_CODE');
    expect(only().headers['x-api-key']).toBe(API_KEY);
  });

  test('when a LID is looked up, then the phone number digits come back, or null when WAHA does not know it', async () => {
    waha.script(`GET /api/${SESSION}/lids/4639135154355%40lid`, { status: 200, body: { lid: '4639135154355@lid', pn: `${CUSTOMER}@c.us` } }, { status: 200, body: { lid: '4639135154355@lid', pn: null } });
    expect(await provider.phoneNumberForLid(SESSION, '4639135154355@lid')).toBe(CUSTOMER);
    expect(await provider.phoneNumberForLid(SESSION, '4639135154355@lid')).toBeNull();
  });
});
