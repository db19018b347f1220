import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { AppError, errorBody, toAppError } from '../errors';
import { freshEvent, type StoredEvent } from './settleEvent';
import { verifyWhatsAppSignature } from './signature';
import type { WebhookEventWriter } from './webhookEventWriter';
import { webhookEnvelopeSchema } from './webhookSchemas';

export const WHATSAPP_WEBHOOK_PATH = '/webhooks/whatsapp';
// Meta's payloads are far smaller; 3 MB is the ceiling before answering 413.
const BODY_LIMIT_BYTES = 3 * 1024 * 1024;

interface IntakeDeps {
  events: WebhookEventWriter;
  logger: Logger;
  appSecret: string;
  /** Called after the 200 went out; processing never delays Meta's acknowledgement. */
  onStored: (event: StoredEvent) => void;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT_BYTES) {
        reject(new AppError('PAYLOAD_TOO_LARGE', 'Corpo do webhook grande demais'));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, body: unknown) {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

/**
 * POST /webhooks/whatsapp, the hottest path of the system (Meta expects a median answer within
 * 250 ms and sends up to three status webhooks per message). It runs on Node's HTTP server directly,
 * ahead of the Express stack: verify the signature on the raw bytes, store the raw event, answer.
 */
export function createWhatsAppIntake(deps: IntakeDeps) {
  return async function accept(req: IncomingMessage, res: ServerResponse) {
    try {
      const raw = await readBody(req);
      const signature = req.headers['x-hub-signature-256'];
      if (!verifyWhatsAppSignature(raw, typeof signature === 'string' ? signature : undefined, deps.appSecret)) {
        deps.logger.warn({ ip: req.socket.remoteAddress, hasSignature: Boolean(signature) }, 'webhook rejected: bad signature');
        throw new AppError('UNAUTHENTICATED', 'Assinatura X-Hub-Signature-256 ausente ou inválida');
      }
      const text = raw.toString('utf8');
      let payload: unknown;
      try {
        payload = JSON.parse(text) as unknown;
      } catch {
        throw new AppError('INVALID_JSON', 'O corpo do webhook não é um JSON válido');
      }
      // A signed body we cannot read is stored as FAILED for inspection and still acknowledged:
      // Meta would otherwise resend it for days, and no retry would make it readable.
      const shapeOk = webhookEnvelopeSchema.safeParse(payload).success;
      const eventId = await deps.events.write({ source: 'whatsapp', rawJson: text, ...(shapeOk ? {} : { status: 'FAILED', lastError: 'envelope does not match the WhatsApp webhook shape' }) });
      reply(res, 200, { received: true });
      if (shapeOk) deps.onStored(freshEvent(eventId, 'whatsapp', payload));
    } catch (error) {
      const appError = toAppError(error);
      if (appError.status >= 500) deps.logger.error({ err: error }, 'webhook intake failed');
      reply(res, appError.status, errorBody(appError));
    }
  };
}

export const isWhatsAppWebhookPost = (req: IncomingMessage) => req.method === 'POST' && (req.url === WHATSAPP_WEBHOOK_PATH || req.url?.startsWith(`${WHATSAPP_WEBHOOK_PATH}?`));
