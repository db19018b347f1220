import { createHash, randomUUID } from 'node:crypto';
import { outboundMessageSchema, type OutboundMessage, type ParsedOutboundMessage } from './outboundMessage';
import type { DownloadedMedia, WhatsAppProvider } from './provider';
import { suggestedRetryMs, WhatsAppProviderError, type WhatsAppFailureKind } from './providerErrors';

// WAHA (WhatsApp HTTP API, github.com/devlikeapro/waha) drives a WhatsApp Web session. Its REST API is
// documented at waha.devlike.pro/docs/how-to/send-messages; request shapes are those of
// src/structures/chatting.dto.ts. A "phone number" here is a WAHA session name.

export interface WahaProviderOptions {
  /** WAHA's own address, e.g. http://waha:3000. */
  baseUrl: string;
  /** Sent as X-Api-Key (WHATSAPP_API_KEY on the WAHA side). */
  apiKey: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /**
   * Bytes of a file the app already stores, for sends by mediaId: WAHA has no upload-then-reference
   * API, so such files travel inline as base64.
   */
  resolveMedia?: (mediaId: string) => Promise<{ data: Buffer; mimeType: string; fileName?: string }>;
  /** Line added under a degraded button/list menu; empty string for none. */
  menuHint?: string;
}

/** The WhatsAppProvider plus what only a WAHA session has. */
export interface WahaProvider extends WhatsAppProvider {
  /** STARTING, SCAN_QR_CODE, WORKING, FAILED or STOPPED. */
  sessionStatus(session: string): Promise<string>;
  /** Digits of the phone number behind a WhatsApp LID (123@lid), or null when WAHA does not know it. */
  phoneNumberForLid(session: string, lid: string): Promise<string | null>;
}

type WahaFile = { mimetype: string; filename?: string } & ({ url: string } | { data: string });
type WahaRequest = { method: 'POST' | 'PUT'; path: string; body: Record<string, unknown> };
type MediaMessage = Extract<ParsedOutboundMessage, { media: unknown }>;

const DEFAULT_MENU_HINT = 'Responda com o número da opção.';
const VOICE_MIME = 'audio/ogg; codecs=opus';

const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif',
  mp4: 'video/mp4', '3gp': 'video/3gpp', mov: 'video/quicktime',
  ogg: VOICE_MIME, opus: VOICE_MIME, mp3: 'audio/mpeg', m4a: 'audio/mp4', aac: 'audio/aac', amr: 'audio/amr',
  pdf: 'application/pdf', txt: 'text/plain', csv: 'text/csv', zip: 'application/zip',
  doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint', pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};
const DEFAULT_MIME = { image: 'image/jpeg', video: 'video/mp4', audio: 'audio/mpeg', document: 'application/octet-stream' } as const;

export const chatIdOf = (to: string) => `${to}@c.us`;

/** WAHA message ids read `{fromMe}_{chatId}_{id}`; the chat is the part the seen receipt needs. */
export function chatIdOfMessageId(waMessageId: string): string | undefined {
  return /^(?:true|false)_([^_]+@[^_]+)_/.exec(waMessageId)?.[1];
}

function lastPathSegment(link: string): string | undefined {
  try {
    return decodeURIComponent(new URL(link).pathname.split('/').pop() ?? '') || undefined;
  } catch {
    return undefined;
  }
}

function mimeOfLink(link: string, type: keyof typeof DEFAULT_MIME): string {
  const extension = lastPathSegment(link)?.split('.').pop()?.toLowerCase();
  return (extension && MIME_BY_EXTENSION[extension]) || DEFAULT_MIME[type];
}

/**
 * Buttons and lists as a numbered text menu. WAHA's interactive messages are not delivered reliably
 * to WhatsApp Web sessions (WhatsApp drops them for non-Business-API senders), so the customer sees
 * plain text and answers with the option's number.
 */
export function numberedMenu(message: Extract<ParsedOutboundMessage, { type: 'buttons' | 'list' }>, hint = DEFAULT_MENU_HINT): string {
  const lines: string[] = [];
  if (message.header) lines.push(`*${message.header}*`);
  lines.push(message.body, '');
  if (message.type === 'buttons') {
    message.buttons.forEach((button, index) => lines.push(`${index + 1}. ${button.title}`));
  } else {
    let n = 0;
    for (const section of message.sections) {
      if (section.title) lines.push(`*${section.title}*`);
      for (const row of section.rows) lines.push(`${++n}. ${row.title}${row.description ? ` — ${row.description}` : ''}`);
    }
  }
  if (message.footer) lines.push('', `_${message.footer}_`);
  if (hint) lines.push('', hint);
  return lines.join('\n');
}

const replyTo = (id?: string) => (id ? { reply_to: id } : {});

/** Our message → WAHA's endpoint and JSON body. `file` is the media already resolved. */
export function toWahaRequest(session: string, message: ParsedOutboundMessage, file?: WahaFile, menuHint?: string): WahaRequest {
  const chat = { session, chatId: chatIdOf(message.to) };
  switch (message.type) {
    case 'text':
      return { method: 'POST', path: '/api/sendText', body: { ...chat, text: message.body, ...replyTo(message.replyTo), linkPreview: message.previewUrl ?? false } };
    case 'buttons':
    case 'list':
      return { method: 'POST', path: '/api/sendText', body: { ...chat, text: numberedMenu(message, menuHint), ...replyTo(message.replyTo), linkPreview: false } };
    case 'image':
    case 'document':
    case 'video':
    case 'audio': {
      if (!file) throw new Error('media file must be resolved before building the request');
      const caption = message.caption ? { caption: message.caption } : {};
      if (message.type === 'image') return { method: 'POST', path: '/api/sendImage', body: { ...chat, file, ...caption, ...replyTo(message.replyTo) } };
      if (message.type === 'document') return { method: 'POST', path: '/api/sendFile', body: { ...chat, file, ...caption, ...replyTo(message.replyTo) } };
      // Voice notes must be OGG/Opus and videos MP4; `convert` asks WAHA to transcode anything else.
      if (message.type === 'audio') return { method: 'POST', path: '/api/sendVoice', body: { ...chat, file, ...replyTo(message.replyTo), convert: !file.mimetype.startsWith('audio/ogg') } };
      return { method: 'POST', path: '/api/sendVideo', body: { ...chat, file, ...caption, ...replyTo(message.replyTo), convert: file.mimetype !== 'video/mp4' } };
    }
    case 'location':
      return {
        method: 'POST',
        path: '/api/sendLocation',
        body: { ...chat, latitude: message.latitude, longitude: message.longitude, title: [message.name, message.address].filter(Boolean).join(' — '), ...replyTo(message.replyTo) },
      };
    case 'reaction':
      return { method: 'PUT', path: '/api/reaction', body: { session, messageId: message.messageId, reaction: message.emoji } };
    case 'sticker':
    case 'template':
      throw new Error(`${message.type} has no WAHA request`);
  }
}

/**
 * The sent message's id, as message.ack webhooks will name it. Each engine answers in its own shape
 * (github.com/devlikeapro/waha/issues/760): a WAMessage with a string id (GOWS, recent NOWEB), a
 * whatsapp-web.js message with id._serialized (WEBJS), or a Baileys message with key.id (older NOWEB).
 */
export function sentMessageId(reply: unknown, chatId: string): string | undefined {
  const r = reply as { id?: unknown; key?: { id?: unknown; fromMe?: unknown } } | null | undefined;
  if (typeof r?.id === 'string' && r.id) return r.id;
  const serialized = (r?.id as { _serialized?: unknown } | undefined)?._serialized;
  if (typeof serialized === 'string' && serialized) return serialized;
  if (typeof r?.key?.id === 'string' && r.key.id) return `${r.key.fromMe === false ? 'false' : 'true'}_${chatId}_${r.key.id}`;
  return undefined;
}

type WahaErrorBody = { message?: unknown; error?: unknown; status?: unknown; exception?: { message?: unknown } };

function errorText(body: WahaErrorBody, httpStatus: number): string {
  const text = [body.error, body.message, body.exception?.message].find((v) => typeof v === 'string' && v);
  return (text as string | undefined) ?? `HTTP ${httpStatus}`;
}

/**
 * What a WAHA HTTP failure means. 422 is how WAHA says the session is not WORKING: while it is
 * STARTING a retry helps; otherwise (QR code to scan, FAILED, STOPPED) a person must reconnect it.
 */
export function kindOfWahaFailure(httpStatus: number, body: WahaErrorBody): WhatsAppFailureKind {
  if (httpStatus === 401 || httpStatus === 403) return 'auth';
  if (httpStatus === 422 && typeof body.status === 'string') return body.status === 'STARTING' ? 'temporary' : 'auth';
  if (httpStatus >= 500 || httpStatus === 429 || httpStatus === 408) return 'temporary';
  return 'invalid';
}

const unsupported = (what: string) => new WhatsAppProviderError('invalid', what, null);

/** WAHA over HTTP, for numbers whose provider is WAHA. */
export function createWahaProvider(options: WahaProviderOptions): WahaProvider {
  const doFetch = options.fetch ?? fetch;
  const root = options.baseUrl.replace(/\/$/, '');
  const rootOrigin = new URL(root).origin;
  const auth = { 'x-api-key': options.apiKey };

  async function call<T>(method: string, path: string, body?: unknown, sends = false): Promise<T> {
    const timedOut = (error: unknown) => (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
    let response: Response;
    try {
      response = await doFetch(`${root}${path}`, {
        method,
        headers: { ...auth, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      // A send whose answer never came may have been delivered: report "unknown", never "failed".
      if (sends && timedOut(error)) throw new WhatsAppProviderError('unknown_outcome', 'O WAHA não respondeu a tempo: o envio pode ter acontecido', null);
      throw new WhatsAppProviderError('temporary', `Falha de rede ao falar com o WAHA: ${(error as Error).message}`, null, suggestedRetryMs('temporary'));
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      if (sends && response.ok) throw new WhatsAppProviderError('unknown_outcome', 'A resposta do WAHA foi interrompida: o envio pode ter acontecido', null);
      throw new WhatsAppProviderError('temporary', `Falha ao ler a resposta do WAHA: ${(error as Error).message}`, null, suggestedRetryMs('temporary'));
    }
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = { message: text.slice(0, 500) };
    }
    if (response.ok) return parsed as T;
    const errorBody = (parsed && typeof parsed === 'object' ? parsed : {}) as WahaErrorBody;
    const kind = kindOfWahaFailure(response.status, errorBody);
    const detail = errorText(errorBody, response.status);
    const message =
      kind === 'auth' && response.status === 422
        ? `A sessão do WAHA não está conectada (status ${String(errorBody.status)}): reconecte-a lendo o QR code`
        : kind === 'auth'
          ? `O WAHA recusou a chave de API (HTTP ${response.status}): confira WAHA_API_KEY`
          : `O WAHA recusou a requisição: ${detail}`;
    throw new WhatsAppProviderError(kind, message, response.status, suggestedRetryMs(kind), parsed);
  }

  async function fileFor(message: MediaMessage): Promise<WahaFile> {
    const fileName = message.type === 'document' ? message.fileName : undefined;
    if ('link' in message.media) {
      const link = message.media.link;
      const filename = fileName ?? (message.type === 'document' ? lastPathSegment(link) : undefined);
      return { mimetype: mimeOfLink(link, message.type === 'sticker' ? 'image' : message.type), url: link, ...(filename ? { filename } : {}) };
    }
    if (!options.resolveMedia) throw unsupported('Envio de mídia por mediaId não está configurado para o WAHA: use um link público ou configure a leitura das mídias armazenadas');
    const stored = await options.resolveMedia(message.media.mediaId);
    const filename = fileName ?? stored.fileName;
    return { mimetype: stored.mimeType, data: stored.data.toString('base64'), ...(filename ? { filename } : {}) };
  }

  return {
    async send(session, message: OutboundMessage) {
      const parsed = outboundMessageSchema.safeParse(message);
      if (!parsed.success) throw new WhatsAppProviderError('invalid', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), null);
      const data = parsed.data;
      if (data.type === 'template') throw unsupported('Modelos (templates) só existem na API oficial da Meta: um número conectado pelo WAHA não envia modelos. Envie uma mensagem comum.');
      if (data.type === 'sticker') throw unsupported('O WAHA não envia figurinhas: envie a imagem como imagem.');
      const file = 'media' in data ? await fileFor(data) : undefined;
      const request = toWahaRequest(session, data, file, options.menuHint);
      const reply = await call<unknown>(request.method, request.path, request.body, true);
      const waMessageId = sentMessageId(reply, chatIdOf(data.to));
      if (waMessageId) return { waMessageId };
      // Reactions are not messages of their own on every engine; nothing will ever report on them.
      if (data.type === 'reaction') return { waMessageId: `reaction_${data.messageId}_${randomUUID()}` };
      throw new WhatsAppProviderError('unknown_outcome', 'O WAHA aceitou o envio mas não devolveu o id da mensagem', null, undefined, reply);
    },

    async markRead(session, waMessageId, markOptions = {}) {
      const chatId = chatIdOfMessageId(waMessageId);
      if (!chatId) throw unsupported(`Id de mensagem do WAHA inesperado: ${waMessageId}`);
      await call('POST', '/api/sendSeen', { session, chatId, messageIds: [waMessageId] });
      // WhatsApp Web shows "digitando…" until the next message goes out or stopTyping is called.
      if (markOptions.typing) await call('POST', '/api/startTyping', { session, chatId });
    },

    async uploadMedia() {
      throw unsupported('O WAHA não guarda mídias para envio posterior: envie por link ou a partir de uma mídia já armazenada no Orquestra');
    },

    async downloadMedia(mediaUrl): Promise<DownloadedMedia> {
      let url: URL;
      try {
        url = new URL(mediaUrl, `${root}/`);
      } catch {
        throw unsupported(`Endereço de mídia do WAHA inválido: ${mediaUrl}`);
      }
      // WAHA advertises its files under its own idea of its host (often localhost:3000); fetch them
      // from the configured address. The API key goes only there, never to external storage (S3).
      const ownFile = url.pathname.startsWith('/api/files/');
      const target = ownFile ? `${root}${url.pathname}${url.search}` : url.toString();
      const sendKey = ownFile || url.origin === rootOrigin;
      let response: Response;
      try {
        response = await doFetch(target, { headers: sendKey ? auth : {}, signal: AbortSignal.timeout(options.timeoutMs ?? 60_000) });
      } catch (error) {
        throw new WhatsAppProviderError('temporary', `Falha de rede ao baixar a mídia do WAHA: ${(error as Error).message}`, null, suggestedRetryMs('temporary'));
      }
      if (!response.ok) {
        const kind = response.status === 401 || response.status === 403 ? 'auth' : response.status >= 500 ? 'temporary' : 'invalid';
        throw new WhatsAppProviderError(kind, `Não foi possível baixar a mídia ${url.pathname}: HTTP ${response.status}`, response.status, suggestedRetryMs(kind));
      }
      const data = Buffer.from(await response.arrayBuffer());
      const mimeType = response.headers.get('content-type')?.split(';')[0]?.trim() || 'application/octet-stream';
      return { data, mimeType, sha256: createHash('sha256').update(data).digest('hex'), fileName: lastPathSegment(url.toString()) };
    },

    async createTemplate() {
      throw unsupported('Modelos (templates) só existem na API oficial da Meta: não é possível criá-los num número conectado pelo WAHA');
    },
    async listTemplates() {
      throw unsupported('Modelos (templates) só existem na API oficial da Meta: um número conectado pelo WAHA não tem modelos');
    },
    async deleteTemplate() {
      throw unsupported('Modelos (templates) só existem na API oficial da Meta: um número conectado pelo WAHA não tem modelos');
    },

    async sessionStatus(session) {
      const reply = await call<{ status?: unknown }>('GET', `/api/sessions/${encodeURIComponent(session)}`);
      if (typeof reply?.status !== 'string') throw new WhatsAppProviderError('temporary', `Resposta do WAHA sem status para a sessão ${session}`, null, suggestedRetryMs('temporary'));
      return reply.status;
    },

    async phoneNumberForLid(session, lid) {
      const reply = await call<{ pn?: unknown }>('GET', `/api/${encodeURIComponent(session)}/lids/${encodeURIComponent(lid)}`);
      const digits = typeof reply?.pn === 'string' ? /^(\d{8,15})(?::\d+)?@(?:c\.us|s\.whatsapp\.net)$/.exec(reply.pn)?.[1] : undefined;
      return digits ?? null;
    },
  };
}
