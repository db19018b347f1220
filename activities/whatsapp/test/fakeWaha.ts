import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: any;
}

export interface ScriptedAnswer {
  status: number;
  body?: unknown;
  /** Raw bytes instead of JSON (media files). */
  bytes?: Buffer;
  contentType?: string;
  /** Answer this late (tests timeouts). */
  delayMs?: number;
}

/**
 * A small stand-in for WAHA's REST API on port 0: records every request and answers like WAHA does
 * (a WAMessage with a `{fromMe}_{chatId}_{id}` id for sends), unless a test scripts the next answer.
 */
export interface FakeWaha {
  url: string;
  requests: RecordedRequest[];
  /** Answers for the next requests to `METHOD /path`, in order; once used up, the default answer returns. */
  script(route: string, ...answers: ScriptedAnswer[]): void;
  /** Serves bytes at a path (WAHA's /api/files/...). */
  file(path: string, bytes: Buffer, contentType: string): void;
  close(): Promise<void>;
}

export async function startFakeWaha(): Promise<FakeWaha> {
  const requests: RecordedRequest[] = [];
  const scripted = new Map<string, ScriptedAnswer[]>();
  const files = new Map<string, { bytes: Buffer; contentType: string }>();

  const defaultAnswer = (method: string, path: string, body: any): ScriptedAnswer => {
    if (method === 'POST' && /^\/api\/send(Text|Image|File|Voice|Video|Location)$/.test(path)) {
      return { status: 201, body: { id: `true_${body?.chatId}_${randomUUID().replace(/-/g, '').slice(0, 20).toUpperCase()}`, fromMe: true, ack: 1, ackName: 'SERVER' } };
    }
    if (method === 'PUT' && path === '/api/reaction') return { status: 200, body: {} };
    if (method === 'POST' && (path === '/api/sendSeen' || path === '/api/startTyping')) return { status: 201, body: { result: true } };
    const session = /^\/api\/sessions\/([^/]+)$/.exec(path);
    if (method === 'GET' && session) return { status: 200, body: { name: decodeURIComponent(session[1]!), status: 'WORKING', engine: { engine: 'GOWS' } } };
    const file = files.get(path);
    if (method === 'GET' && file) return { status: 200, bytes: file.bytes, contentType: file.contentType };
    return { status: 404, body: { statusCode: 404, message: `Cannot ${method} ${path}`, error: 'Not Found' } };
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = raw;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        // Kept as text: the test will see what arrived.
      }
      const path = (req.url ?? '/').split('?')[0]!;
      const method = req.method ?? 'GET';
      requests.push({ method, path, headers: req.headers, body });
      const queue = scripted.get(`${method} ${path}`);
      const answer = queue?.shift() ?? defaultAnswer(method, path, body);
      const reply = () => {
        if (res.destroyed) return;
        if (answer.bytes) {
          res.writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/octet-stream' }).end(answer.bytes);
        } else if (answer.body === undefined) {
          res.writeHead(answer.status).end();
        } else {
          res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
        }
      };
      if (answer.delayMs) setTimeout(reply, answer.delayMs).unref();
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script(route, ...answers) {
      scripted.set(route, [...(scripted.get(route) ?? []), ...answers]);
    },
    file(path, bytes, contentType) {
      files.set(path, { bytes, contentType });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
