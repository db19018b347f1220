import { existsSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { startConversationRig, type ConversationRig } from '../conversationRig';
import { eventually, TEST_PASSWORD, testDb } from '../harness';
import { launchChromium, screenshot, signIn } from './browser';

// An agent sends files from the composer, as on WhatsApp Web: the customer on the WhatsApp sandbox
// receives them. The API serves the production build of web/ (built by `npm test` before vitest starts).
let rig: ConversationRig;
let api: ConversationRig['api'];
let company: ConversationRig['company'];
let browser: Browser;

beforeAll(async () => {
  if (!existsSync('web/dist/index.html')) throw new Error('web/dist is missing: run `npm test`, which builds the web app first');
  [rig, browser] = await Promise.all([startConversationRig({ label: 'Anexos', phoneNumberId: '100000000000089' }), launchChromium()]);
  ({ api, company } = rig);
});
afterAll(async () => {
  await browser?.close();
  await rig?.stop();
});

const customerSays = (waId: string, text: string) => rig.customerSays(waId, { type: 'text', text });
const received = (waId: string) => rig.received(waId);

/** The customer writes, picks Comercial from the bot's menu and waits in the queue. */
async function queuedConversation(waId: string): Promise<string> {
  await customerSays(waId, 'Oi, vou precisar mandar uns arquivos');
  await eventually(() => received(waId), (m) => m.length >= 2, 15_000);
  await customerSays(waId, '1');
  const queued = await eventually(
    () => testDb().conversation.findFirst({ where: { contact: { waId, companyId: company.companyId } } }),
    (c) => c?.status === 'QUEUED',
    15_000,
  );
  return queued!.id;
}

/** Opens the queued conversation as the Comercial agent and accepts it in the UI. */
async function acceptInBrowser(conversationId: string) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'pt-BR' });
  // The picture is shown from a blob: URL; a Content-Security-Policy without blob: would hide it.
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) cspViolations.push(message.text());
  });
  await signIn(page, api.url, company.users.agentA.email, TEST_PASSWORD);
  await page.goto(`${api.url}/inbox/${conversationId}?tab=queue`);
  await page.getByRole('button', { name: 'Aceitar' }).first().click();
  const composer = page.getByLabel('Mensagem para o cliente');
  await expect.poll(() => composer.isEnabled(), { timeout: 10_000 }).toBe(true);
  return { page, composer, chat: page.getByRole('log'), cspViolations };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (data: Buffer) => (data.reduce((c, byte) => CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0;

/** A real PNG (a green-to-blue gradient), so the browser decodes it and the screenshot shows it. */
function gradientPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) rows.set([0, Math.round(168 - (x / width) * 80), Math.round(132 + (y / height) * 110)], row + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

describe('files sent from the agent inbox', () => {
  test('when the agent attaches a picture and writes a caption, then the bubble shows it while uploading, the customer receives an image with that caption, and the chat shows the server copy', async () => {
    const waId = '5511933330201';
    const conversationId = await queuedConversation(waId);
    const { page, composer, chat, cspViolations } = await acceptInBrowser(conversationId);

    // The upload is held back a moment so the pending bubble can be seen.
    let uploads = 0;
    await page.route('**/api/media', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      uploads += 1;
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });

    await page.getByTestId('attach-input').setInputFiles({ name: 'comprovante.png', mimeType: 'image/png', buffer: gradientPng(240, 160) });
    const tray = page.getByTestId('attachment-tray');
    await expect.poll(() => tray.getByText('comprovante.png').isVisible()).toBe(true);
    const thumbnail = tray.getByRole('img', { name: 'comprovante.png' });
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete)).toBe(true);
    expect(cspViolations).toEqual([]);
    expect(await thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
    expect(await composer.getAttribute('placeholder')).toBe('Adicione uma legenda (opcional)');
    await composer.fill('Segue o comprovante do pedido');
    await screenshot(page, 'inbox-attachment-tray');
    await composer.press('Enter');
    await tray.waitFor({ state: 'detached' });
    await expect.poll(() => composer.inputValue()).toBe('');

    const bubble = chat.locator('[data-side="agent"]', { hasText: 'Segue o comprovante do pedido' });
    await expect.poll(() => bubble.getAttribute('data-status')).toBe('PENDING');
    const preview = bubble.getByRole('img', { name: 'Segue o comprovante do pedido' });
    expect(await preview.getAttribute('src')).toMatch(/^blob:/);
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(240);
    await expect.poll(() => bubble.getByRole('progressbar').isVisible()).toBe(true);
    await screenshot(page, 'inbox-attachment-uploading');

    const sent = await eventually(() => received(waId), (m) => m.some((x) => x.type === 'image'), 20_000);
    const images = sent.filter((m) => m.type === 'image');
    expect(images).toHaveLength(1);
    expect(images[0]!.content.image).toMatchObject({ caption: 'Segue o comprovante do pedido', id: expect.any(String) });
    await expect.poll(() => bubble.getAttribute('data-status'), { timeout: 10_000 }).toMatch(/SENT|DELIVERED|READ/);
    expect(await bubble.count()).toBe(1);
    expect(await bubble.getByRole('progressbar').count()).toBe(0);
    expect(uploads).toBe(1);
    const stored = await testDb().message.findMany({ where: { conversationId, type: 'image' }, include: { media: true } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ direction: 'OUTBOUND', body: 'Segue o comprovante do pedido', media: { mimeType: 'image/png', fileName: 'comprovante.png' } });

    // Opened afresh, the picture comes from the server with the agent's token.
    const download = page.waitForResponse((r) => r.url().endsWith(`/api/media/${stored[0]!.mediaId}`) && r.request().method() === 'GET');
    await page.reload();
    const response = await download;
    expect(response.status()).toBe(200);
    expect(await response.request().headerValue('authorization')).toMatch(/^Bearer .+/);
    const picture = chat.locator('[data-side="agent"]', { hasText: 'Segue o comprovante do pedido' }).getByRole('img', { name: 'Segue o comprovante do pedido' });
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10_000 }).toBe(240);
    expect(await picture.getAttribute('src')).toMatch(/^blob:/);
    await screenshot(page, 'inbox-attachment');
    await page.close();
  }, 120_000);

  test('when the agent offers a file WhatsApp refuses, then the reason shows in Portuguese and nothing is uploaded; when the upload or the send fails, the retry finishes it and the customer gets it once', async () => {
    const waId = '5511933330202';
    const conversationId = await queuedConversation(waId);
    const { page, composer, chat } = await acceptInBrowser(conversationId);

    const uploads: string[] = [];
    const sends: { clientMessageId: string; mediaId?: string }[] = [];
    let failNextUpload = true;
    let refuseNextSend = true;
    await page.route('**/api/media', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      uploads.push(decodeURIComponent((await route.request().headerValue('x-file-name')) ?? ''));
      if (failNextUpload) {
        failNextUpload = false;
        return route.abort('connectionreset');
      }
      await route.continue();
    });
    await page.route(`**/api/conversations/${conversationId}/messages`, async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      sends.push(route.request().postDataJSON());
      if (!refuseNextSend) return route.continue();
      refuseNextSend = false;
      await route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'Serviço temporariamente indisponível' } }) });
    });

    const input = page.getByTestId('attach-input');
    await input.setInputFiles({ name: 'programa.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
    const alert = page.getByRole('alert').filter({ hasText: 'O WhatsApp não aceita arquivos do tipo application/x-msdownload' });
    await expect.poll(() => alert.isVisible()).toBe(true);
    expect(await page.getByTestId('attachment-tray').count()).toBe(0);
    await screenshot(page, 'inbox-attachment-refused');
    await input.setInputFiles({ name: 'foto-grande.png', mimeType: 'image/png', buffer: Buffer.alloc(5 * 1024 * 1024 + 1) });
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Arquivo grande demais: o WhatsApp aceita imagens até 5 MB' }).isVisible()).toBe(true);
    expect(await page.getByTestId('attachment-tray').count()).toBe(0);
    expect(uploads).toEqual([]);

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    await input.setInputFiles({ name: 'orçamento março.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect.poll(() => page.getByTestId('attachment-tray').getByText('orçamento março.pdf').isVisible()).toBe(true);
    expect(await page.getByRole('alert').filter({ hasText: 'Arquivo grande demais' }).count()).toBe(0);
    await composer.fill('Orçamento atualizado');
    await composer.press('Enter');

    const bubble = chat.locator('[data-side="agent"]', { hasText: 'Orçamento atualizado' });
    const retry = bubble.getByRole('button', { name: 'Tentar novamente' });
    await expect.poll(() => bubble.getByText(/Não enviada: Não foi possível falar com o servidor/).isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await bubble.getByText('orçamento março.pdf').isVisible()).toBe(true);
    expect(sends).toEqual([]);
    await screenshot(page, 'inbox-attachment-upload-failed');

    // The upload goes again; then the send alone fails, and its retry reuses the file and the message id.
    await retry.click();
    await expect.poll(() => bubble.getByText('Não enviada: Serviço temporariamente indisponível').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(uploads).toEqual(['orçamento março.pdf', 'orçamento março.pdf']);
    expect(sends).toHaveLength(1);

    await retry.click();
    await expect.poll(() => bubble.getAttribute('data-status'), { timeout: 10_000 }).toMatch(/SENT|DELIVERED|READ/);
    expect(uploads).toHaveLength(2);
    expect(sends).toHaveLength(2);
    expect(sends[1]).toEqual(sends[0]);
    expect(sends[0]).toMatchObject({ text: 'Orçamento atualizado', mediaId: expect.any(String) });

    const documents = (await eventually(() => received(waId), (m) => m.some((x) => x.type === 'document'), 20_000)).filter((m) => m.type === 'document');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await received(waId)).filter((m) => m.type === 'document')).toHaveLength(1);
    expect(documents[0]!.content.document).toMatchObject({ caption: 'Orçamento atualizado', filename: 'orçamento março.pdf' });
    expect(await bubble.count()).toBe(1);
    await screenshot(page, 'inbox-attachment-document');
    await page.close();
  }, 120_000);
});
