import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { outboundAllowListSchema } from './destinationPolicy';
import { outboundRequest, type OutboundRequest } from './outboundRequest';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A service on 127.0.0.1 whose paths answer, redirect or hang, recording what reached it. */
async function startService(redirects: Record<string, [number, string]> = {}) {
  const seen: Seen[] = [];
  const server: Server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
    const redirect = redirects[req.url!];
    if (redirect) return res.writeHead(redirect[0], { location: redirect[1] }).end();
    if (req.url === '/hang') return;
    if (req.url === '/big') return res.end('x'.repeat(5000));
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { port, url: `http://127.0.0.1:${port}`, seen, redirects, server };
}

let service: Awaited<ReturnType<typeof startService>>;
let other: Awaited<ReturnType<typeof startService>>;
const loopback = outboundAllowListSchema.parse('127.0.0.1');
const nothing = outboundAllowListSchema.parse('');
const get = (url: string, extra: Partial<OutboundRequest> = {}): OutboundRequest => ({ method: 'GET', url, headers: new Headers(), timeoutMs: 2000, maxResponseBytes: 1_000_000, ...extra });
const blocked = (host: string) => ({ type: 'BlockedDestination', nonRetryable: true, message: expect.stringContaining(`Destino bloqueado: ${host} `) });

beforeAll(async () => {
  [service, other] = await Promise.all([startService(), startService()]);
});
afterAll(() => {
  service.server.closeAllConnections();
  other.server.closeAllConnections();
  service.server.close();
  other.server.close();
});

describe('outbound requests of flows', () => {
  test('when the destination is allowed, then the request goes out with its method, headers and body and the answer comes back', async () => {
    const response = await outboundRequest(loopback, get(`${service.url}/crm`, { method: 'POST', headers: new Headers({ authorization: 'Bearer t', 'content-type': 'application/json' }), body: '{"a":1}' }));
    expect(response).toEqual({ status: 201, ok: true, text: '{"ok":true}' });
    expect(service.seen.at(-1)).toMatchObject({ method: 'POST', url: '/crm', body: '{"a":1}', headers: { authorization: 'Bearer t', 'user-agent': 'Orquestra' } });
    expect((await outboundRequest(loopback, get(`${service.url}/big`, { maxResponseBytes: 1000 }))).text).toHaveLength(1000);
  });

  test('when the URL is the cloud metadata address, or a hostname that resolves to loopback without being allowed, then it is refused naming the host and nothing is sent', async () => {
    const before = service.seen.length;
    await expect(outboundRequest(loopback, get('http://169.254.169.254/latest/meta-data/'))).rejects.toMatchObject(blocked('169.254.169.254'));
    await expect(outboundRequest(loopback, get('http://[::ffff:169.254.169.254]/'))).rejects.toMatchObject(blocked('[::ffff:a9fe:a9fe]'));
    await expect(outboundRequest(loopback, get('http://2852039166/'))).rejects.toMatchObject(blocked('169.254.169.254'));
    await expect(outboundRequest(nothing, get(`http://localhost:${service.port}/crm`))).rejects.toMatchObject(blocked('localhost'));
    await expect(outboundRequest(nothing, get(`${service.url}/crm`))).rejects.toMatchObject(blocked('127.0.0.1'));
    expect(service.seen.length).toBe(before);
  });

  test('when an allowed host redirects to a blocked one, then the hop is refused before it is made', async () => {
    service.redirects['/to-metadata'] = [302, 'http://169.254.169.254/latest/meta-data/'];
    await expect(outboundRequest(loopback, get(`${service.url}/to-metadata`))).rejects.toMatchObject(blocked('169.254.169.254'));

    // localhost is allowed by name; the same server under its address is not, so the second hop stops.
    service.redirects['/to-address'] = [307, `${service.url}/inside`];
    await expect(outboundRequest(outboundAllowListSchema.parse('localhost'), get(`http://localhost:${service.port}/to-address`))).rejects.toMatchObject(blocked('127.0.0.1'));
    expect(service.seen.map((s) => s.url)).toContain('/to-address');
    expect(service.seen.map((s) => s.url)).not.toContain('/inside');
  });

  test('when allowed hosts redirect, then the request follows as fetch does, except that the block\'s headers stay with their origin; 303 turns into a GET, and a loop ends', async () => {
    service.redirects['/moved'] = [308, `${other.url}/landing`];
    await outboundRequest(loopback, get(`${service.url}/moved`, { method: 'PUT', headers: new Headers({ authorization: 'Bearer t', 'x-api-key': 'segredo', 'content-type': 'text/plain' }), body: 'dados' }));
    expect(other.seen.at(-1)).toMatchObject({ method: 'PUT', url: '/landing', body: 'dados', headers: { 'content-type': 'text/plain' } });
    expect(other.seen.at(-1)!.headers.authorization).toBeUndefined();
    expect(other.seen.at(-1)!.headers['x-api-key']).toBeUndefined();

    service.redirects['/created'] = [303, '/result'];
    expect((await outboundRequest(loopback, get(`${service.url}/created`, { method: 'POST', headers: new Headers({ authorization: 'Bearer t', 'content-type': 'application/json' }), body: '{}' }))).status).toBe(201);
    expect(service.seen.at(-1)).toMatchObject({ method: 'GET', url: '/result', body: '', headers: { authorization: 'Bearer t' } });
    expect(service.seen.at(-1)!.headers['content-type']).toBeUndefined();

    service.redirects['/loop'] = [302, '/loop'];
    await expect(outboundRequest(loopback, get(`${service.url}/loop`))).rejects.toMatchObject({ type: 'TooManyRedirects', nonRetryable: true });
    service.redirects['/elsewhere'] = [302, 'file:///etc/passwd'];
    await expect(outboundRequest(loopback, get(`${service.url}/elsewhere`))).rejects.toMatchObject({ type: 'InvalidUrl' });
  });

  test('when the service does not answer in time, then a timeout error comes back for the block to retry', async () => {
    await expect(outboundRequest(loopback, get(`${service.url}/hang`, { timeoutMs: 200 }))).rejects.toMatchObject({ name: expect.stringMatching(/^(TimeoutError|AbortError)$/) });
  });
});
