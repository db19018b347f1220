import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_SECRET, CUSTOMER, inboundOf, signatureIsValid, startHarness, statusesOf, waitFor, type Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

describe('webhook delivery', () => {
  it('when a payload has non-ASCII text, then the signature covers the raw bytes Meta-style, not a re-serialised copy', async () => {
    h = await startHarness();

    h.sandbox.customerSends(CUSTOMER, { type: 'text', text: 'Não recebi 😕', name: 'João' });

    const [delivery] = await waitFor('inbound webhook', () => h.receiver.received.length > 0 && h.receiver.received);
    const raw = delivery!.raw.toString('utf8');
    expect(raw).toContain('Jo\\u00e3o');
    expect(raw).toContain('N\\u00e3o recebi \\ud83d\\ude15');
    expect(delivery!.body.entry[0].changes[0].value.contacts[0].profile.name).toBe('João');
    expect(signatureIsValid(delivery!)).toBe(true);
    const reserialised = Buffer.from(JSON.stringify(delivery!.body));
    expect(delivery!.headers['x-hub-signature-256']).not.toBe(`sha256=${createHmac('sha256', APP_SECRET).update(reserialised).digest('hex')}`);
    expect(signatureIsValid(delivery!, 'another-secret')).toBe(false);
  });

  it('when the app’s endpoint is down, then deliveries are retried until it comes back, in order and without loss', async () => {
    h = await startHarness();
    h.receiver.setDown(true);

    const sent = ['primeira', 'segunda', 'terceira'].map((text) => h.sandbox.customerSends(CUSTOMER, { type: 'text', text }).wamid);
    await waitFor('several failed attempts', () => h.receiver.attempts() >= 4);
    expect(h.sandbox.stats().webhooks).toMatchObject({ succeeded: 0, pending: 3 });
    h.receiver.setDown(false);
    await h.sandbox.webhooks.idle();

    expect(inboundOf(h.receiver).map((m) => m.id)).toEqual(sent);
    expect(h.sandbox.stats().webhooks).toMatchObject({ enqueued: 3, succeeded: 3, pending: 0, expired: 0 });
    expect(h.sandbox.stats().webhooks.failedAttempts).toBeGreaterThanOrEqual(4);
  });

  it('when many conversations have webhooks at once, then no more than the configured number are in flight', async () => {
    h = await startHarness({ webhookConcurrency: 2 });
    h.receiver.setLatency(30);
    const customers = Array.from({ length: 6 }, (_, i) => `55119876500${i}0`);

    for (const customer of customers) h.sandbox.customerSends(customer, { type: 'text', text: 'Oi' });
    await h.sandbox.webhooks.idle();

    expect(inboundOf(h.receiver).map((m) => m.from).sort()).toEqual([...customers].sort());
    expect(h.receiver.maxConcurrent()).toBe(2);
  });

  it('when the retry budget runs out, then the delivery is parked, not dropped, and can be redelivered', async () => {
    h = await startHarness({ webhookRetry: { initialDelayMs: 10, maxDelayMs: 10, maxDurationMs: 40, timeoutMs: 500 } });
    h.receiver.setDown(true);
    const { wamid } = h.sandbox.customerSends(CUSTOMER, { type: 'text', text: 'ainda aí?' });

    await waitFor('parked delivery', () => h.sandbox.stats().webhooks.expired === 1);
    const parked = await h.control('GET', '/webhooks');
    expect(parked.body.expired).toHaveLength(1);
    expect(parked.body.expired[0].lastError).toBe('HTTP 503');
    h.receiver.setDown(false);

    const redelivered = await h.control('POST', '/webhooks/redeliver');

    expect(redelivered.body).toEqual({ redelivered: 1 });
    await waitFor('redelivered webhook', () => inboundOf(h.receiver).some((m) => m.id === wamid));
    // The receiver records the body before it answers; the delivery counts as done once the answer is read.
    await waitFor('delivery settled', () => h.sandbox.stats().webhooks.pending === 0);
    expect(h.sandbox.stats().webhooks).toMatchObject({ expired: 0, pending: 0 });
  });

  it('when duplicates are injected, then every webhook arrives twice with the same wamid and bytes', async () => {
    h = await startHarness();
    h.sandbox.customerSends(CUSTOMER, { type: 'text', text: 'Oi' });
    await h.sandbox.webhooks.idle();
    await h.control('POST', '/faults', { duplicateProbability: 1 });

    const wamid = await h.sendText(CUSTOMER, 'Olá!');
    await waitFor('both delivered statuses', () => statusesOf(h.receiver, wamid).filter((s) => s.status === 'delivered').length === 2);

    expect(statusesOf(h.receiver, wamid).map((s) => s.status)).toEqual(['sent', 'sent', 'delivered', 'delivered']);
    const sentDeliveries = h.receiver.received.filter((d) => d.body.entry[0].changes[0].value.statuses?.[0]?.status === 'sent');
    expect(sentDeliveries[0]!.raw.equals(sentDeliveries[1]!.raw)).toBe(true);
    expect(h.sandbox.stats().webhooks.duplicatesInjected).toBe(2);
  });

  it('when reordering is injected, then a conversation’s webhooks can arrive out of order', async () => {
    h = await startHarness({ autoRead: true });
    h.sandbox.customerSends(CUSTOMER, { type: 'text', text: 'Oi' });
    await h.sandbox.webhooks.idle();
    await h.control('POST', '/faults', { reorderProbability: 1, reorderWindowMs: 200 });

    const wamid = await h.sendText(CUSTOMER, 'Olá!');
    await waitFor('three statuses', () => statusesOf(h.receiver, wamid).length === 3);

    expect(statusesOf(h.receiver, wamid).map((s) => s.status)).toEqual(['read', 'delivered', 'sent']);
    expect(h.sandbox.stats().webhooks.batchesReordered).toBe(1);
  });

  it('when a recipient is set to fail, then the message is sent but then fails with 131026', async () => {
    h = await startHarness();
    h.sandbox.customerSends(CUSTOMER, { type: 'text', text: 'Oi' });
    const faults = await h.control('POST', '/faults', { failRecipients: [CUSTOMER] });
    expect(faults.body.failRecipients).toEqual([CUSTOMER]);

    const wamid = await h.sendText(CUSTOMER, 'Você recebeu?');
    await waitFor('failed status', () => statusesOf(h.receiver, wamid).some((s) => s.status === 'failed'));

    const statuses = statusesOf(h.receiver, wamid);
    expect(statuses.map((s) => s.status)).toEqual(['sent', 'failed']);
    expect(statuses[1].errors).toEqual([
      { code: 131026, title: 'Message undeliverable', message: 'Message undeliverable', error_data: { details: 'Message Undeliverable.' }, href: expect.stringContaining('error-codes') },
    ]);
    const conversation = await h.control('GET', `/customers/${CUSTOMER}/messages`);
    expect(conversation.body.messages.at(-1)).toMatchObject({ id: wamid, status: 'failed', errors: [{ code: 131026 }] });
  });
});
