import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { http, startTestApi, type TestApi } from '../../test/harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe('operations endpoints', () => {
  test('when PostgreSQL and Temporal are up, then /readyz says ready with both checks', async () => {
    const reply = await http(api.url).get('/readyz');
    expect(reply.status).toBe(200);
    expect(reply.body.checks).toEqual([{ name: 'postgres', ok: true }, { name: 'temporal', ok: true }]);
  });

  test('when Temporal is unreachable, then /readyz answers 503 naming it, while /healthz stays up', async () => {
    const broken = await startTestApi({ TEMPORAL_ADDRESS: '127.0.0.1:1' });
    try {
      const ready = await http(broken.url).get('/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body.checks.find((c: { name: string }) => c.name === 'temporal').ok).toBe(false);
      expect((await http(broken.url).get('/healthz')).status).toBe(200);
    } finally {
      await broken.close();
    }
  });

  test('when requests were served, then /metrics exposes Prometheus text with route labels and a request id header comes back', async () => {
    const traced = await http(api.url).get('/webhooks/nowhere', { 'x-request-id': 'trace-123' });
    expect(traced.status).toBe(404);
    expect(traced.headers.get('x-request-id')).toBe('trace-123');
    expect(traced.body.error.code).toBe('NOT_FOUND');
    const metrics = await http(api.url).get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('http_request_duration_seconds_bucket');
    expect(metrics.body).toContain('process_cpu_seconds_total');
  });
});
