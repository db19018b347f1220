import { afterEach, describe, expect, it } from 'vitest';
import { CUSTOMER, DISPLAY_DIGITS, inboundOf, PHONE_ID, signatureIsValid, startHarness, waitFor, WABA_ID, type Harness, type Json } from './harness';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const send = (body: Record<string, unknown>) => h.graph('POST', `/v23.0/${PHONE_ID}/messages`, { messaging_product: 'whatsapp', to: CUSTOMER, ...body });
const customerSays = (body: Record<string, unknown>) => h.control('POST', `/customers/${CUSTOMER}/messages`, body);

async function openWindow() {
  await customerSays({ type: 'text', text: 'Oi' });
}

describe('the simulated customer', () => {
  it('when a customer writes through the control API, then the app gets Meta’s inbound webhook with profile and metadata', async () => {
    h = await startHarness();

    const response = await customerSays({ type: 'text', text: 'Quero falar com o financeiro', name: 'Maria Souza' });

    expect(response).toEqual({ status: 201, body: { wamid: expect.stringMatching(/^wamid\./), phone_number_id: PHONE_ID, wa_id: CUSTOMER } });
    const [delivery] = await waitFor('inbound webhook', () => h.receiver.received.length > 0 && h.receiver.received);
    expect(signatureIsValid(delivery!)).toBe(true);
    expect(delivery!.body).toEqual({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: WABA_ID,
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: DISPLAY_DIGITS, phone_number_id: PHONE_ID },
                contacts: [{ profile: { name: 'Maria Souza' }, wa_id: CUSTOMER }],
                messages: [{ from: CUSTOMER, id: response.body.wamid, timestamp: expect.stringMatching(/^\d{10}$/), type: 'text', text: { body: 'Quero falar com o financeiro' } }],
              },
            },
          ],
        },
      ],
    });
  });

  it('when the customer presses a reply button, then the webhook carries the button id, its title and the context', async () => {
    h = await startHarness();
    await openWindow();
    const menu = await send({
      type: 'interactive',
      interactive: { type: 'button', body: { text: 'Como podemos ajudar?' }, action: { buttons: [{ type: 'reply', reply: { id: 'sales', title: 'Vendas' } }, { type: 'reply', reply: { id: 'support', title: 'Suporte' } }] } },
    });
    const menuId = menu.body.messages[0].id as string;

    const pressed = await customerSays({ type: 'button_reply', button_reply: { id: 'support' }, context: { message_id: menuId } });

    expect(pressed.status).toBe(201);
    const message = await waitFor('button reply', () => inboundOf(h.receiver).find((m) => m.type === 'interactive'));
    expect(message).toMatchObject({ context: { from: DISPLAY_DIGITS, id: menuId }, interactive: { type: 'button_reply', button_reply: { id: 'support', title: 'Suporte' } } });
  });

  it('when the customer picks a list row, then the webhook carries id, title and description', async () => {
    h = await startHarness();
    await openWindow();
    const list = await send({
      type: 'interactive',
      interactive: { type: 'list', body: { text: 'Escolha' }, action: { button: 'Departamentos', sections: [{ rows: [{ id: 'fin', title: 'Financeiro', description: 'Boletos e notas' }] }] } },
    });

    await customerSays({ type: 'list_reply', list_reply: { id: 'fin' }, context: { message_id: list.body.messages[0].id } });

    const message = await waitFor('list reply', () => inboundOf(h.receiver).find((m) => m.type === 'interactive'));
    expect(message.interactive).toEqual({ type: 'list_reply', list_reply: { id: 'fin', title: 'Financeiro', description: 'Boletos e notas' } });
  });

  it('when the customer presses a button the message does not have, then the control API refuses it', async () => {
    h = await startHarness();
    await openWindow();
    const menu = await send({ type: 'interactive', interactive: { type: 'button', body: { text: 'Ok?' }, action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Sim' } }] } } });

    const pressed = await customerSays({ type: 'button_reply', button_reply: { id: 'maybe' }, context: { message_id: menu.body.messages[0].id } });
    const unknown = await customerSays({ type: 'button_reply', button_reply: { id: 'yes' }, context: { message_id: 'wamid.unknown' } });

    expect(pressed).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED', message: expect.stringContaining("'maybe'") } } });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
  });

  it('when the customer taps a template quick reply, then the webhook carries the payload the app set', async () => {
    h = await startHarness({ templateApproval: { mode: 'auto', delayMs: 0 } });
    await h.graph('POST', `/v23.0/${WABA_ID}/message_templates`, {
      name: 'delivery_confirm',
      language: 'pt_BR',
      category: 'UTILITY',
      components: [
        { type: 'BODY', text: 'Podemos entregar amanhã?' },
        { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Sim' }, { type: 'QUICK_REPLY', text: 'Não' }] },
      ],
    });
    await waitFor('approval', () => h.receiver.received.length > 0);
    const sent = await send({
      type: 'template',
      template: {
        name: 'delivery_confirm',
        language: { code: 'pt_BR' },
        components: [{ type: 'button', sub_type: 'quick_reply', index: '1', parameters: [{ type: 'payload', payload: 'REFUSE_DELIVERY' }] }],
      },
    });

    await customerSays({ type: 'button', button: { text: 'Não' }, context: { message_id: sent.body.messages[0].id } });

    const message = await waitFor('quick reply', () => inboundOf(h.receiver).find((m) => m.type === 'button'));
    expect(message).toMatchObject({ button: { payload: 'REFUSE_DELIVERY', text: 'Não' }, context: { id: sent.body.messages[0].id } });
  });

  it('when the customer sends a location, a reaction and an unsupported message, then each has Meta’s shape', async () => {
    h = await startHarness();
    const first = await customerSays({ type: 'text', text: 'Oi' });

    await customerSays({ type: 'location', location: { latitude: -23.55, longitude: -46.63, name: 'Loja Centro' } });
    await customerSays({ type: 'reaction', reaction: { message_id: first.body.wamid, emoji: '👍' } });
    await customerSays({ type: 'unsupported' });

    const messages = await waitFor('four messages', () => inboundOf(h.receiver).length === 4 && inboundOf(h.receiver));
    expect(messages[1]).toMatchObject({ type: 'location', location: { latitude: -23.55, longitude: -46.63, name: 'Loja Centro' } });
    expect(messages[2]).toMatchObject({ type: 'reaction', reaction: { message_id: first.body.wamid, emoji: '👍' } });
    expect(messages[3]).toMatchObject({ type: 'unsupported', errors: [{ code: 131051 }], unsupported: { type: 'poll_update' } });
  });

  it('when the history is read, then both directions appear in order with statuses and timestamps', async () => {
    h = await startHarness();
    await customerSays({ type: 'text', text: 'Oi' });
    const reply = await send({ type: 'text', text: { body: 'Olá! Em que posso ajudar?' } });
    await h.sandbox.webhooks.idle();
    await waitFor('delivered', () => h.sandbox.conversation(CUSTOMER)?.messages[1]?.status === 'delivered');

    const history = await h.control('GET', `/customers/${CUSTOMER}/messages`);

    expect(history.status).toBe(200);
    expect(history.body.messages.map((m: Json) => [m.direction, m.type])).toEqual([
      ['inbound', 'text'],
      ['outbound', 'text'],
    ]);
    expect(history.body.messages[1]).toMatchObject({
      id: reply.body.messages[0].id,
      content: { text: { body: 'Olá! Em que posso ajudar?' } },
      status: 'delivered',
      statuses: [
        { status: 'accepted', timestamp: expect.any(String) },
        { status: 'sent', timestamp: expect.any(String) },
        { status: 'delivered', timestamp: expect.any(String) },
      ],
    });
  });

  it('when the phone page listens to /sandbox/events, then it receives the message once delivered', async () => {
    h = await startHarness();
    await customerSays({ type: 'text', text: 'Oi' });
    const controller = new AbortController();
    const stream = await fetch(`${h.url}/sandbox/events?wa_id=${CUSTOMER}`, { signal: controller.signal });
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    expect(stream.headers.get('access-control-allow-origin')).toBe('*');
    const reader = stream.body!.getReader();

    const reply = await send({ type: 'text', text: { body: 'Chegou!' } });
    let text = '';
    while (!text.includes('event: message')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();

    const block = text.split('\n\n').find((b) => b.startsWith('event: message'))!;
    const event = JSON.parse(block.split('\ndata: ')[1]!);
    expect(event).toMatchObject({ type: 'message', wa_id: CUSTOMER, phone_number_id: PHONE_ID, message: { id: reply.body.messages[0].id, type: 'text', content: { text: { body: 'Chegou!' } } } });
  });

  it('when the sandbox hosts two numbers, then a customer can write to either and the metadata says which', async () => {
    const second = { phoneNumberId: '100000000000002', wabaId: WABA_ID, displayPhoneNumber: '+55 21 4000-0002' };
    h = await startHarness({ numbers: [{ phoneNumberId: PHONE_ID, wabaId: WABA_ID, displayPhoneNumber: '+55 11 4000-0001' }, second] });

    await customerSays({ type: 'text', text: 'Oi Rio', to_phone_number_id: second.phoneNumberId });

    const [delivery] = await waitFor('inbound webhook', () => h.receiver.received.length > 0 && h.receiver.received);
    expect(delivery!.body.entry[0].changes[0].value.metadata).toEqual({ display_phone_number: '552140000002', phone_number_id: second.phoneNumberId });
    expect(h.sandbox.conversation(CUSTOMER, second.phoneNumberId)?.messages).toHaveLength(1);
    expect(h.sandbox.conversation(CUSTOMER)).toBeUndefined();
  });

  it('when the control API is asked to reset, then conversations, stats and created templates are gone and the seeded ones remain', async () => {
    h = await startHarness();
    await customerSays({ type: 'text', text: 'Oi' });
    await h.graph('POST', `/v23.0/${WABA_ID}/message_templates`, { name: 'temp', language: 'pt_BR', category: 'UTILITY', components: [{ type: 'BODY', text: 'x' }] });

    const reset = await h.control('POST', '/reset');

    expect(reset.body).toEqual({ reset: true });
    expect((await h.control('GET', '/customers')).body.data).toEqual([]);
    expect(h.sandbox.templates.list().map((t) => t.name)).toEqual(['hello_world', 'retomar_atendimento']);
    expect(h.sandbox.stats().webhooks.enqueued).toBe(0);
  });

  it('when a customer message is malformed, then the control API answers with the project’s error shape', async () => {
    h = await startHarness();
    const response = await customerSays({ type: 'text' });

    expect(response).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED', details: [{ path: 'text' }] } } });
  });
});
