import { afterEach, describe, expect, it } from 'vitest';
import { CUSTOMER, PHONE_ID, startHarness, type Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const helloWorld = (to: string) =>
  h.graph('POST', `/v23.0/${PHONE_ID}/messages`, { messaging_product: 'whatsapp', to, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } });

/** Time stands still unless a test moves it, so token buckets refill only when told to. */
const frozen = () => {
  const start = Date.now();
  return () => start;
};

describe('throughput and pair rate limits', () => {
  it('when a number sends faster than its throughput, then the excess gets 130429 with Meta’s payload', async () => {
    h = await startHarness({ throughputPerSecond: 5 }, { now: frozen() });

    const responses = await Promise.all(Array.from({ length: 6 }, (_, i) => helloWorld(`55119000000${String(i).padStart(2, '0')}`)));

    expect(responses.filter((r) => r.status === 200)).toHaveLength(5);
    const rejected = responses.filter((r) => r.status !== 200);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.status).toBe(400);
    expect(rejected[0]!.body).toEqual({
      error: {
        message: '(#130429) Rate limit hit',
        type: 'OAuthException',
        code: 130429,
        error_data: { messaging_product: 'whatsapp', details: 'Cloud API message throughput has been reached.' },
        fbtrace_id: expect.any(String),
      },
    });
    expect(h.sandbox.stats().numbers[PHONE_ID]).toMatchObject({ sent: 5, throughputRejected: 1 });

    h.sandbox.clock.advance(1_000);
    expect((await helloWorld('5511900000099')).status).toBe(200);
  });

  it('when one customer gets more than the burst, then 131056 refuses them while other customers still get messages', async () => {
    h = await startHarness({ pairRate: { burst: 3, intervalMs: 6_000 } }, { now: frozen() });

    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await helloWorld(CUSTOMER)).status);
    const refused = await helloWorld(CUSTOMER);
    const other = await helloWorld('5511988887777');

    expect(statuses).toEqual([200, 200, 200, 400]);
    expect(refused.body.error).toMatchObject({ code: 131056, type: 'OAuthException', message: '(#131056) (Business Account, Consumer Account) pair rate limit hit' });
    expect(other.status).toBe(200);
    expect(h.sandbox.stats().numbers[PHONE_ID]!.recipients[CUSTOMER]).toEqual({ sent: 3, pairRateRejected: 2 });

    h.sandbox.clock.advance(6_000);
    expect((await helloWorld(CUSTOMER)).status).toBe(200);
    expect((await helloWorld(CUSTOMER)).status).toBe(400);
  });

  it('when the stats are read through the control API, then they show sends and refusals per number and recipient', async () => {
    h = await startHarness({ pairRate: { burst: 1, intervalMs: 6_000 } }, { now: frozen() });
    await helloWorld(CUSTOMER);
    await helloWorld(CUSTOMER);

    const stats = await h.control('GET', '/stats');

    expect(stats.body.numbers).toEqual({
      [PHONE_ID]: { sent: 1, throughputRejected: 0, pairRateRejected: 1, recipients: { [CUSTOMER]: { sent: 1, pairRateRejected: 1 } } },
    });
    expect(stats.body.webhooks).toMatchObject({ enqueued: expect.any(Number), attempted: expect.any(Number), succeeded: expect.any(Number), pending: expect.any(Number) });
  });
});
