import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CUSTOMER, inboundOf, PHONE_ID, startHarness, TOKEN, waitFor, type Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

async function upload(bytes: Buffer, type: string, filename = 'photo.png') {
  const form = new FormData();
  form.append('messaging_product', 'whatsapp');
  form.append('type', type);
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename);
  const response = await fetch(`${h.url}/v23.0/${PHONE_ID}/media`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: form });
  return { status: response.status, body: await response.json() };
}

const download = (url: string, token?: string) => fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('media', () => {
  it('when the app uploads a file, then it gets an id whose URL downloads the bytes with the bearer token until it expires', async () => {
    h = await startHarness({ mediaUrlTtlMs: 5 * 60_000 });

    const uploaded = await upload(PNG, 'image/png');
    expect(uploaded).toEqual({ status: 200, body: { id: expect.stringMatching(/^\d+$/) } });
    const id = uploaded.body.id as string;

    const info = await h.graph('GET', `/v23.0/${id}?phone_number_id=${PHONE_ID}`);
    expect(info.body).toEqual({
      messaging_product: 'whatsapp',
      url: expect.stringContaining('/whatsapp_business/attachments/?mid='),
      mime_type: 'image/png',
      sha256: createHash('sha256').update(PNG).digest('hex'),
      file_size: PNG.length,
      id,
    });

    const withToken = await download(info.body.url, TOKEN);
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await withToken.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await download(info.body.url)).status).toBe(401);
    expect((await download(info.body.url, 'wrong-token')).status).toBe(401);

    h.sandbox.clock.advance(5 * 60_000 + 1_000);
    expect((await download(info.body.url, TOKEN)).status).toBe(404);
    const fresh = await h.graph('GET', `/v23.0/${id}`);
    expect((await download(fresh.body.url, TOKEN)).status).toBe(200);
  });

  it('when a download URL is tampered with, then it does not resolve', async () => {
    h = await startHarness();
    const { body } = await upload(PNG, 'image/png');
    const info = await h.graph('GET', `/v23.0/${body.id}`);
    const longer = new URL(info.body.url);
    longer.searchParams.set('ext', String(Number(longer.searchParams.get('ext')) + 3600));

    expect((await download(longer.toString(), TOKEN)).status).toBe(404);
  });

  it('when media is deleted, then its id and its URLs stop resolving', async () => {
    h = await startHarness();
    const { body } = await upload(PNG, 'image/png');
    const info = await h.graph('GET', `/v23.0/${body.id}`);

    const deleted = await h.graph('DELETE', `/v23.0/${body.id}`);

    expect(deleted.body).toEqual({ success: true });
    expect((await h.graph('GET', `/v23.0/${body.id}`)).body.error).toMatchObject({ code: 100, error_subcode: 33 });
    expect((await download(info.body.url, TOKEN)).status).toBe(404);
  });

  it('when the file type is not one WhatsApp accepts, then the upload is refused with 100', async () => {
    h = await startHarness();
    const response = await upload(Buffer.from('GIF89a'), 'image/gif', 'anim.gif');

    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 100, error_data: { details: expect.stringContaining("Received file of type 'image/gif'") } });
  });

  it('when the app sends an image by id, then it is accepted; an unknown id is refused', async () => {
    h = await startHarness();
    h.sandbox.customerSends(CUSTOMER, { type: 'text', text: 'Manda a foto' });
    const { body } = await upload(PNG, 'image/png');
    const send = (id: string) => h.graph('POST', `/v23.0/${PHONE_ID}/messages`, { messaging_product: 'whatsapp', to: CUSTOMER, type: 'image', image: { id, caption: 'Aqui' } });

    expect((await send(body.id)).status).toBe(200);
    const unknown = await send('1234567890123456');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe(131009);
    const both = await h.graph('POST', `/v23.0/${PHONE_ID}/messages`, { messaging_product: 'whatsapp', to: CUSTOMER, type: 'image', image: { id: body.id, link: 'https://example.com/a.png' } });
    expect(both.body.error).toMatchObject({ code: 100, error_data: { details: "Param image must contain exactly one of 'id' or 'link'" } });
  });

  it('when the customer sends a photo, then the webhook carries its id, type, caption and digest, and the app can download it', async () => {
    h = await startHarness();

    const { wamid } = h.sandbox.customerSends(CUSTOMER, { type: 'image', image: { data: PNG.toString('base64'), mime_type: 'image/png', caption: 'Comprovante' } });

    const [message] = await waitFor('inbound image', () => inboundOf(h.receiver).length > 0 && inboundOf(h.receiver));
    expect(message).toEqual({
      from: CUSTOMER,
      id: wamid,
      timestamp: expect.stringMatching(/^\d+$/),
      type: 'image',
      image: { caption: 'Comprovante', mime_type: 'image/png', sha256: createHash('sha256').update(PNG).digest('base64'), id: expect.stringMatching(/^\d+$/) },
    });
    const info = await h.graph('GET', `/v23.0/${message.image.id}`);
    const bytes = Buffer.from(await (await download(info.body.url, TOKEN)).arrayBuffer());
    expect(bytes.equals(PNG)).toBe(true);
  });
});
