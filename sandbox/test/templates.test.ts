import { afterEach, describe, expect, it } from 'vitest';
import { CUSTOMER, PHONE_ID, signatureIsValid, startHarness, statusesOf, waitFor, WABA_ID, type Harness, type Json } from './harness';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const orderUpdate = {
  name: 'order_update',
  language: 'pt_BR',
  category: 'UTILITY',
  components: [
    { type: 'BODY', text: 'Olá {{1}}, seu pedido {{2}} saiu para entrega.', example: { body_text: [['Ana', '123']] } },
    { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Recebi' }] },
  ],
};

const templateUpdates = (h: Harness): Json[] =>
  h.receiver.received.flatMap((d) => d.body.entry.flatMap((e: Json) => e.changes.filter((c: Json) => c.field === 'message_template_status_update').map((c: Json) => ({ entry: e, value: c.value, delivery: d }))));

const sendOrderUpdate = (parameters: string[]) =>
  h.graph('POST', `/v23.0/${PHONE_ID}/messages`, {
    messaging_product: 'whatsapp',
    to: CUSTOMER,
    type: 'template',
    template: { name: 'order_update', language: { code: 'pt_BR' }, components: [{ type: 'body', parameters: parameters.map((text) => ({ type: 'text', text })) }] },
  });

describe('message templates', () => {
  it('when the app creates a template, then it is PENDING and an APPROVED status webhook follows', async () => {
    h = await startHarness({ templateApproval: { mode: 'auto', delayMs: 300 } });

    const created = await h.graph('POST', `/v23.0/${WABA_ID}/message_templates`, orderUpdate);

    expect(created).toMatchObject({ status: 200, body: { id: expect.stringMatching(/^\d+$/), status: 'PENDING', category: 'UTILITY' } });
    const id = created.body.id as string;
    const listed = await h.graph('GET', `/v23.0/${WABA_ID}/message_templates?name=order_update`);
    expect(listed.body.data).toEqual([expect.objectContaining({ id, name: 'order_update', language: 'pt_BR', status: 'PENDING', category: 'UTILITY' })]);

    const [update] = await waitFor('template status webhook', () => templateUpdates(h).length > 0 && templateUpdates(h));
    expect(signatureIsValid(update.delivery)).toBe(true);
    expect(update.entry).toMatchObject({ id: WABA_ID, time: expect.any(Number) });
    expect(update.value).toEqual({
      event: 'APPROVED',
      message_template_id: Number(id),
      message_template_name: 'order_update',
      message_template_language: 'pt_BR',
      message_template_category: 'UTILITY',
      reason: 'NONE',
    });
    const after = await h.graph('GET', `/v23.0/${WABA_ID}/message_templates?name=order_update&fields=name,status`);
    expect(after.body.data).toEqual([{ id, name: 'order_update', status: 'APPROVED' }]);
    expect(after.body.paging.next).toBeUndefined();

    const sent = await sendOrderUpdate(['Ana', '123']);
    expect(sent.status).toBe(200);
    await waitFor('delivered', () => statusesOf(h.receiver, sent.body.messages[0].id).some((s) => s.status === 'delivered'));
  });

  it('when approval is manual, then the template cannot be sent until approved through the control API, and rejection carries a reason', async () => {
    h = await startHarness({ templateApproval: { mode: 'manual', delayMs: 0 } });
    const created = await h.graph('POST', `/v23.0/${WABA_ID}/message_templates`, orderUpdate);
    const other = await h.graph('POST', `/v23.0/${WABA_ID}/message_templates`, { ...orderUpdate, name: 'promo_blast', category: 'MARKETING' });

    const early = await sendOrderUpdate(['Ana', '123']);
    expect(early.status).toBe(404);
    expect(early.body.error).toMatchObject({ code: 132001, message: '(#132001) Template name does not exist in the translation' });

    const approved = await h.control('POST', `/templates/${created.body.id}/approve`);
    const rejected = await h.control('POST', `/templates/${other.body.id}/reject`, { reason: 'PROMOTIONAL' });

    expect(approved.body).toMatchObject({ id: created.body.id, status: 'APPROVED' });
    expect(rejected.body).toMatchObject({ id: other.body.id, status: 'REJECTED', rejected_reason: 'PROMOTIONAL' });
    await waitFor('two template webhooks', () => templateUpdates(h).length === 2);
    expect(templateUpdates(h).map((u) => [u.value.message_template_name, u.value.event, u.value.reason])).toEqual([
      ['order_update', 'APPROVED', 'NONE'],
      ['promo_blast', 'REJECTED', 'PROMOTIONAL'],
    ]);
    expect((await sendOrderUpdate(['Ana', '123'])).status).toBe(200);
  });

  it('when the template does not exist in that language, then 132001 says so', async () => {
    h = await startHarness();
    const response = await h.graph('POST', `/v23.0/${PHONE_ID}/messages`, {
      messaging_product: 'whatsapp',
      to: CUSTOMER,
      type: 'template',
      template: { name: 'hello_world', language: { code: 'pt_BR' } },
    });

    expect(response.status).toBe(404);
    expect(response.body.error).toMatchObject({ code: 132001, error_data: { messaging_product: 'whatsapp', details: 'template name (hello_world) does not exist in pt_BR' } });
  });

  it('when a send supplies fewer parameters than the template has placeholders, then 132000 reports both counts', async () => {
    h = await startHarness({ templateApproval: { mode: 'auto', delayMs: 0 } });
    await h.graph('POST', `/v23.0/${WABA_ID}/message_templates`, orderUpdate);
    await waitFor('approval', () => templateUpdates(h).length > 0);

    const response = await sendOrderUpdate(['Ana']);

    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: 132000,
      message: '(#132000) Number of parameters does not match the expected number of params',
      error_data: { details: 'body: number of localizable_params (1) does not match the expected number of params (2)' },
    });
  });

  it('when the same name and language is created twice, then Graph refuses with subcode 2388024', async () => {
    h = await startHarness();
    await h.graph('POST', `/v23.0/${WABA_ID}/message_templates`, orderUpdate);

    const again = await h.graph('POST', `/v23.0/${WABA_ID}/message_templates`, orderUpdate);

    expect(again.status).toBe(400);
    expect(again.body.error).toMatchObject({ code: 100, error_subcode: 2388024, error_user_title: 'Content in This Language Already Exists' });
  });

  it('when a template body is invalid, then 100 names the field', async () => {
    h = await startHarness();
    const response = await h.graph('POST', `/v23.0/${WABA_ID}/message_templates`, { ...orderUpdate, name: 'Order Update' });

    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 100, error_data: { details: expect.stringContaining("Param name") } });
  });

  it('when a template is deleted by name, then it is gone from the list and can no longer be sent', async () => {
    h = await startHarness({ templateApproval: { mode: 'auto', delayMs: 0 } });
    await h.graph('POST', `/v23.0/${WABA_ID}/message_templates`, orderUpdate);
    await waitFor('approval', () => templateUpdates(h).length > 0);

    const deleted = await h.graph('DELETE', `/v23.0/${WABA_ID}/message_templates?name=order_update`);

    expect(deleted).toMatchObject({ status: 200, body: { success: true } });
    expect((await h.graph('GET', `/v23.0/${WABA_ID}/message_templates?name=order_update`)).body.data).toEqual([]);
    expect((await sendOrderUpdate(['Ana', '123'])).body.error.code).toBe(132001);
    expect((await h.graph('DELETE', `/v23.0/${WABA_ID}/message_templates?name=order_update`)).status).toBe(400);
  });

  it('when templates are listed page by page, then paging.next appears only while more remain', async () => {
    h = await startHarness();
    for (const name of ['a_one', 'b_two']) await h.graph('POST', `/v23.0/${WABA_ID}/message_templates`, { ...orderUpdate, name });

    const first = await h.graph('GET', `/v23.0/${WABA_ID}/message_templates?limit=2`);
    const second = await h.graph('GET', `/v23.0/${WABA_ID}/message_templates?limit=2&after=${first.body.paging.cursors.after}`);

    expect(first.body.data.map((t: Json) => t.name)).toEqual(['hello_world', 'retomar_atendimento']);
    expect(first.body.paging.next).toContain('after=');
    expect(second.body.data.map((t: Json) => t.name)).toEqual(['a_one', 'b_two']);
    expect(second.body.paging.next).toBeUndefined();
  });
});
