import { lookup } from 'node:dns';
import http, { type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { ApplicationFailure } from '@temporalio/activity';
import { isAllowedDestination, type OutboundAllowList } from './destinationPolicy';

export interface OutboundRequest {
  method: string;
  url: string;
  headers: Headers;
  body?: string;
  /** For the whole exchange: every redirect and the body. */
  timeoutMs: number;
  /** A longer body is cut here: enough for an API answer, not for a download. */
  maxResponseBytes: number;
}

export interface OutboundResponse {
  status: number;
  ok: boolean;
  text: string;
}

const MAX_REDIRECTS = 5;
/**
 * What a block writes in its headers is meant for the origin it names: a token in `x-api-key` filled
 * from {{secrets.…}} must not follow a redirect elsewhere (fetch drops only authorization and cookies).
 */
const SAFE_ACROSS_ORIGINS = new Set(['accept', 'user-agent', 'content-type', 'content-length']);

const blocked = (hostname: string) =>
  ApplicationFailure.nonRetryable(`Destino bloqueado: ${hostname} fica na rede interna; um fluxo só chama endereços públicos ou liberados pelo administrador do servidor`, 'BlockedDestination');

/**
 * Resolves every address of the host and refuses it if any is internal, inside the connection itself:
 * the socket connects to the very addresses checked here, so DNS answering differently a moment later
 * (rebinding) changes nothing.
 */
const guardedLookup =
  (allowed: OutboundAllowList): LookupFunction =>
  (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      if (addresses.some((a) => !isAllowedDestination(allowed, hostname, a.address))) return callback(blocked(hostname), '');
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };

function send(allowed: OutboundAllowList, url: URL, method: string, headers: OutgoingHttpHeaders, body: string | undefined, signal: AbortSignal) {
  // An IP literal never reaches the lookup (net connects to it directly), so it is checked here.
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(literal) && !isAllowedDestination(allowed, literal, literal)) throw blocked(url.hostname);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<IncomingMessage>((resolve, reject) => {
    // No shared agent: a pooled socket would skip the lookup, and its check was made for another request.
    const request = transport.request(url, { method, headers, signal, lookup: guardedLookup(allowed), agent: false }, resolve);
    request.on('error', reject);
    request.end(body);
  });
}

async function readText(response: IncomingMessage, maxBytes: number, signal: AbortSignal) {
  const onAbort = () => response.destroy(signal.reason as Error);
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= maxBytes) break;
    }
    return Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/**
 * An HTTP request to a URL a company configured (a flow's HTTP block, its AI endpoint), which must not
 * reach the worker's own network unless OUTBOUND_ALLOWED_HOSTS says so. Redirects are followed here,
 * up to five, each hop checked like the first. A refused destination is a non-retryable
 * `BlockedDestination`; network errors and timeouts are thrown as they come, for the caller to judge.
 */
export async function outboundRequest(allowed: OutboundAllowList, request: OutboundRequest): Promise<OutboundResponse> {
  const signal = AbortSignal.timeout(request.timeoutMs);
  const headers: OutgoingHttpHeaders = { accept: '*/*', 'user-agent': 'Orquestra', ...Object.fromEntries(request.headers) };
  let { method, body } = request;
  let url = new URL(request.url);
  for (let hop = 0; ; hop++) {
    const response = await send(allowed, url, method, headers, body, signal);
    const location = response.headers.location;
    if (![301, 302, 303, 307, 308].includes(response.statusCode!) || !location) {
      const status = response.statusCode!;
      return { status, ok: status >= 200 && status < 300, text: await readText(response, request.maxResponseBytes, signal) };
    }
    response.resume();
    if (hop === MAX_REDIRECTS) throw ApplicationFailure.nonRetryable(`Redirecionamentos demais a partir de ${new URL(request.url).host}`, 'TooManyRedirects');
    const next = new URL(location, url);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') throw ApplicationFailure.nonRetryable(`Redirecionamento para uma URL inválida: ${next.href.slice(0, 80)}`, 'InvalidUrl');
    if (url.protocol === 'https:' && next.protocol === 'http:') throw ApplicationFailure.nonRetryable(`${url.host} redirecionou para HTTP sem criptografia: ${next.host}`, 'InsecureRedirect');
    if (next.origin !== url.origin) for (const name of Object.keys(headers)) if (!SAFE_ACROSS_ORIGINS.has(name)) delete headers[name];
    // As browsers and fetch do: 303 always, and 301/302 after a POST, go on as a GET without the body.
    if ((response.statusCode === 303 && method !== 'HEAD') || ((response.statusCode === 301 || response.statusCode === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
      delete headers['content-type'];
      delete headers['content-length'];
    }
    url = next;
  }
}
