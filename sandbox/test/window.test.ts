import { afterEach, describe, expect, it } from 'vitest';
import { CUSTOMER, PHONE_ID, startHarness, statusesOf, waitFor, type Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const HOUR = 60 * 60 * 1000;
const text = (body: string) => h.graph('POST', `/v23.0/${PHONE_ID}/messages`, { messaging_product: 'whatsapp', to: CUSTOMER, type: 'text', text: { body } });
const template = () =>
  h.graph('POST', `/v23.0/${PHONE_ID}/messages`, { messaging_product: 'whatsapp', to: CUSTOMER, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } });

describe('24-hour customer service window', () => {
  it('when the customer never wrote, then free-form text is accepted but fails with 131047 while a template is delivered', async () => {
    h = await startHarness();

    const freeForm = await text('Oi, sumido!');
    const approved = await template();

    expect(freeForm.status).toBe(200);
    const freeFormId = freeForm.body.messages[0].id as string;
    const templateId = approved.body.messages[0].id as string;
    expect(approved.body.messages[0]).toEqual({ id: templateId, message_status: 'accepted' });
    await waitFor('both outcomes', () => statusesOf(h.receiver, freeFormId).length > 0 && statusesOf(h.receiver, templateId).some((s) => s.status === 'delivered'));

    expect(statusesOf(h.receiver, freeFormId)).toEqual([
      {
        id: freeFormId,
        status: 'failed',
        timestamp: expect.any(String),
        recipient_id: CUSTOMER,
        errors: [
          {
            code: 131047,
            title: 'Re-engagement message',
            message: 'Re-engagement message',
            error_data: { details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' },
            href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
          },
        ],
      },
    ]);
    expect(statusesOf(h.receiver, templateId).map((s) => s.status)).toEqual(['sent', 'delivered']);
    expect(statusesOf(h.receiver, templateId)[0].pricing).toMatchObject({ category: 'utility', billable: true, type: 'regular' });
  });

  it('when the sandbox answers window errors synchronously, then free-form text outside the window gets HTTP 400 with 131047', async () => {
    h = await startHarness({ windowErrorDelivery: 'response' });

    const response = await text('Oi');

    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 131047, message: '(#131047) Re-engagement message' });
    expect((await template()).status).toBe(200);
  });

  it('when the customer wrote 23 hours ago, then free-form is delivered; past 24 hours it fails again', async () => {
    h = await startHarness({ windowErrorDelivery: 'response' });
    h.sandbox.customerSends(CUSTOMER, { type: 'text', text: 'Quero saber do meu pedido' });

    await h.control('POST', '/clock/advance', { ms: 23 * HOUR });
    const inside = await text('Seu pedido saiu para entrega');
    await h.control('POST', '/clock/advance', { ms: 1 * HOUR + 1 });
    const outside = await text('Chegou?');

    expect(inside.status).toBe(200);
    expect(outside.status).toBe(400);
    expect(outside.body.error.code).toBe(131047);
    const conversation = await h.control('GET', `/customers/${CUSTOMER}/messages`);
    expect(conversation.body.window.open).toBe(false);
  });

  it('when the customer writes again, then the window reopens for another 24 hours', async () => {
    h = await startHarness({ windowErrorDelivery: 'response' });
    h.sandbox.customerSends(CUSTOMER, { type: 'text', text: 'Oi' });
    h.sandbox.clock.advance(30 * HOUR);
    expect((await text('x')).status).toBe(400);

    h.sandbox.customerSends(CUSTOMER, { type: 'text', text: 'Voltei' });

    expect((await text('Bem-vindo de volta')).status).toBe(200);
    const conversation = await h.control('GET', `/customers/${CUSTOMER}/messages`);
    expect(conversation.body.window.open).toBe(true);
    expect(Math.abs(Date.parse(conversation.body.window.expires_at) - (h.sandbox.clock.now() + 24 * HOUR))).toBeLessThan(1_000);
  });
});
