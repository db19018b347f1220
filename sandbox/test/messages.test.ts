import { afterEach, describe, expect, it } from 'vitest';
import type { SandboxEvent } from '../events';
import { CUSTOMER, DISPLAY_DIGITS, PHONE_ID, signatureIsValid, sleep, startHarness, statusesOf, waitFor, WABA_ID, type Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const send = (body: Record<string, unknown>) => h.graph('POST', `/v23.0/${PHONE_ID}/messages`, { messaging_product: 'whatsapp', to: CUSTOMER, ...body });

const buttons = (titles: string[]) => ({
  type: 'interactive',
  interactive: { type: 'button', body: { text: 'Choose' }, action: { buttons: titles.map((title, i) => ({ type: 'reply', reply: { id: `b${i}`, title } })) } },
});

describe('POST /{phone-number-id}/messages', () => {
  it('when the app sends text inside the window, then it gets a wamid and signed sent then delivered webhooks, and no read', async () => {
    h = await startHarness();
    h.sandbox.customerSends(CUSTOMER, { type: 'text', text: 'Oi' });

    const response = await send({ type: 'text', text: { body: 'Olá! Como posso ajudar?' } });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: CUSTOMER, wa_id: CUSTOMER }],
      messages: [{ id: expect.stringMatching(/^wamid\.[A-Za-z0-9+/=]+$/) }],
    });
    const wamid = response.body.messages[0].id as string;
    await waitFor('delivered status', () => statusesOf(h.receiver, wamid).some((s) => s.status === 'delivered'));
    await sleep(60);

    expect(statusesOf(h.receiver, wamid).map((s) => s.status)).toEqual(['sent', 'delivered']);
    const deliveries = h.receiver.received.filter((d) => d.body.entry[0].changes[0].value.statuses?.[0]?.id === wamid);
    for (const delivery of deliveries) {
      expect(signatureIsValid(delivery)).toBe(true);
      expect(delivery.headers['content-type']).toBe('application/json');
      expect(delivery.body).toMatchObject({
        object: 'whatsapp_business_account',
        entry: [{ id: WABA_ID, changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: DISPLAY_DIGITS, phone_number_id: PHONE_ID } } }] }],
      });
    }
    const [sent] = statusesOf(h.receiver, wamid);
    expect(sent).toMatchObject({
      recipient_id: CUSTOMER,
      timestamp: expect.stringMatching(/^\d{10}$/),
      pricing: { billable: false, pricing_model: 'PMP', category: 'service', type: 'free_customer_service' },
      conversation: { origin: { type: 'service' } },
    });
  });

  it('when auto read is on, then a read status follows delivered', async () => {
    h = await startHarness({ autoRead: true });
    h.sandbox.customerSends(CUSTOMER, { type: 'text', text: 'Oi' });
    const wamid = await h.sendText(CUSTOMER, 'Tudo bem?');

    await waitFor('read status', () => statusesOf(h.receiver, wamid).some((s) => s.status === 'read'));
    expect(statusesOf(h.receiver, wamid).map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
  });

  it('when the customer opens the chat through the control API, then delivered messages get read statuses', async () => {
    h = await startHarness();
    h.sandbox.customerSends(CUSTOMER, { type: 'text', text: 'Oi' });
    const wamid = await h.sendText(CUSTOMER, 'Pode confirmar?');
    await waitFor('delivered', () => statusesOf(h.receiver, wamid).some((s) => s.status === 'delivered'));

    const read = await h.control('POST', `/customers/${CUSTOMER}/read`, {});

    expect(read).toEqual({ status: 200, body: { read: 1 } });
    await waitFor('read status', () => statusesOf(h.receiver, wamid).some((s) => s.status === 'read'));
    const conversation = await h.control('GET', `/customers/${CUSTOMER}/messages`);
    expect(conversation.body.messages.at(-1)).toMatchObject({ id: wamid, direction: 'outbound', status: 'read' });
    expect(conversation.body.messages.at(-1).statuses.map((s: { status: string }) => s.status)).toEqual(['accepted', 'sent', 'delivered', 'read']);
  });

  it('when the customer opens the chat before a message is delivered, then its read status follows the delivery', async () => {
    h = await startHarness({ statusDelaysMs: { sent: 5, delivered: 120, read: 130 } });
    h.sandbox.customerSends(CUSTOMER, { type: 'text', text: 'Oi' });
    const wamid = await h.sendText(CUSTOMER, 'Já vai chegar');

    expect(h.sandbox.customerReads(CUSTOMER)).toBe(1);

    await waitFor('read status', () => statusesOf(h.receiver, wamid).some((s) => s.status === 'read'));
    expect(statusesOf(h.receiver, wamid).map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
  });

  it('when an interactive message has four buttons, then Meta’s 131009 error comes back', async () => {
    h = await startHarness();
    const response = await send(buttons(['Um', 'Dois', 'Três', 'Quatro']));

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: {
        message: '(#131009) Parameter value is not valid',
        type: 'OAuthException',
        code: 131009,
        error_data: { messaging_product: 'whatsapp', details: 'Invalid buttons count. Min allowed buttons: 1, Max allowed buttons: 3' },
        fbtrace_id: expect.any(String),
      },
    });
  });

  it('when a button title is longer than 20 characters, then 131009 says which limit', async () => {
    h = await startHarness();
    const response = await send(buttons(['Falar com um atendente agora']));

    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 131009, error_data: { details: 'Button title length invalid. Min length: 1, Max length: 20' } });
  });

  it('when a list has more than 10 rows in total, then 131009 reports the row count', async () => {
    h = await startHarness();
    const rows = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, title: `Opção ${prefix}${i}` }));
    const response = await send({
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'Escolha' },
        action: { button: 'Ver opções', sections: [{ title: 'A', rows: rows('a', 6) }, { title: 'B', rows: rows('b', 5) }] },
      },
    });

    expect(response.body.error).toMatchObject({ code: 131009, error_data: { details: 'Total row count exceed max allowed count: 10' } });
  });

  it('when messaging_product is missing, then 100 names the parameter', async () => {
    h = await startHarness();
    const response = await h.graph('POST', `/v23.0/${PHONE_ID}/messages`, { to: CUSTOMER, type: 'text', text: { body: 'x' } });

    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 100, message: '(#100) Invalid parameter', error_data: { details: 'The parameter messaging_product is required.' } });
  });

  it('when the message type is unknown, then 131051 is returned', async () => {
    h = await startHarness();
    const response = await send({ type: 'poll', poll: {} });

    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 131051, message: '(#131051) Unsupported message type' });
  });

  it('when the token is unknown, then 190 comes back with HTTP 401 and nothing is sent', async () => {
    h = await startHarness();
    const response = await h.graph('POST', `/v23.0/${PHONE_ID}/messages`, { messaging_product: 'whatsapp', to: CUSTOMER, text: { body: 'x' } }, 'not-a-token');

    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      error: { message: 'Invalid OAuth access token - Cannot parse access token', type: 'OAuthException', code: 190, fbtrace_id: expect.any(String) },
    });
    expect(response.headers.get('www-authenticate')).toContain('invalid_token');
    expect(h.sandbox.stats().numbers).toEqual({});
  });

  it('when the phone number id is not hosted, then Graph’s unknown-object error (100/33) comes back', async () => {
    h = await startHarness();
    const response = await h.graph('POST', '/v23.0/999999999999999/messages', { messaging_product: 'whatsapp', to: CUSTOMER, text: { body: 'x' } });

    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ type: 'GraphMethodException', code: 100, error_subcode: 33 });
  });

  it('when the path has no Graph version, then it is an unknown path', async () => {
    h = await startHarness();
    const response = await h.graph('POST', `/latest/${PHONE_ID}/messages`, { messaging_product: 'whatsapp', to: CUSTOMER, text: { body: 'x' } });

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe(2500);
  });

  it('when the app marks a customer message read with a typing indicator, then it gets success and the phone sees both', async () => {
    h = await startHarness();
    const seen: SandboxEvent[] = [];
    h.sandbox.subscribe((event) => seen.push(event));
    const first = h.sandbox.customerSends(CUSTOMER, { type: 'text', text: 'Oi' });
    const second = h.sandbox.customerSends(CUSTOMER, { type: 'text', text: 'Alguém aí?' });

    const response = await h.graph('POST', `/v23.0/${PHONE_ID}/messages`, { messaging_product: 'whatsapp', status: 'read', message_id: second.wamid, typing_indicator: { type: 'text' } });

    expect(response).toMatchObject({ status: 200, body: { success: true } });
    expect(seen.map((e) => e.type)).toEqual(['inbound', 'inbound', 'read_by_business', 'typing']);
    const conversation = await h.control('GET', `/customers/${CUSTOMER}/messages`);
    expect(conversation.body.messages.map((m: { id: string; read_by_business: boolean }) => [m.id, m.read_by_business])).toEqual([
      [first.wamid, true],
      [second.wamid, true],
    ]);
  });

  it('when the app marks an unknown message read, then 100 comes back', async () => {
    h = await startHarness();
    const response = await h.graph('POST', `/v23.0/${PHONE_ID}/messages`, { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.nope' });

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe(100);
  });
});
