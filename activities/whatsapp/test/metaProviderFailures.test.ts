import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMetaProvider } from '../metaProvider';
import { WhatsAppProviderError } from '../providerErrors';

// A Graph API that never answers, and one that answers with chosen errors.
let silent: Server;
let failing: Server;
let nextError: { status: number; body: unknown } = { status: 500, body: {} };
const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

beforeAll(async () => {
  silent = createServer(() => undefined);
  failing = createServer((_req, res) => {
    res.writeHead(nextError.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(nextError.body));
  });
  await Promise.all([silent, failing].map((s) => new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))));
});
afterAll(async () => {
  silent.closeAllConnections();
  await Promise.all([silent, failing].map((s) => new Promise((resolve) => s.close(resolve))));
});

const failureOf = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as WhatsAppProviderError);

describe('Cloud API failures', () => {
  test('when a send gets no answer in time, then its outcome is unknown (never "failed", never retried blindly)', async () => {
    const provider = createMetaProvider({ baseUrl: urlOf(silent), graphVersion: 'v23.0', accessToken: 't', timeoutMs: 200 });
    const error = await failureOf(provider.send('1', { type: 'text', to: '5511999990000', body: 'oi' }));
    expect(error).toBeInstanceOf(WhatsAppProviderError);
    expect(error).toMatchObject({ kind: 'unknown_outcome', retryable: false });
    const read = await failureOf(provider.markRead('1', 'wamid.x'));
    expect(read).toMatchObject({ kind: 'temporary', retryable: true });
  });

  test.each([
    [400, 131047, 'window_closed', false],
    [400, 131056, 'pair_rate', true],
    [400, 132001, 'template', false],
    [401, 190, 'auth', false],
    [400, 131026, 'undeliverable', false],
    [500, 131000, 'temporary', true],
  ] as const)('when Graph answers %i with code %i, then the failure is %s (retryable: %s)', async (status, code, kind, retryable) => {
    nextError = { status, body: { error: { message: `(#${code}) erro`, type: 'OAuthException', code, error_data: { messaging_product: 'whatsapp', details: `detalhe ${code}` }, fbtrace_id: 'x' } } };
    const provider = createMetaProvider({ baseUrl: urlOf(failing), graphVersion: 'v23.0', accessToken: 't' });
    const error = await failureOf(provider.send('1', { type: 'text', to: '5511999990000', body: 'oi' }));
    expect(error).toMatchObject({ kind, code, retryable, message: `detalhe ${code}` });
  });
});
