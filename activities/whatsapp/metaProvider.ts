import { outboundMessageSchema, type OutboundMessage, type ParsedOutboundMessage } from './outboundMessage';
import type { DownloadedMedia, ProviderTemplate, WhatsAppProvider } from './provider';
import { kindOfGraphError, suggestedRetryMs, WhatsAppProviderError } from './providerErrors';

export interface MetaProviderOptions {
  /** https://graph.facebook.com for Meta; the sandbox's URL for local runs. */
  baseUrl: string;
  graphVersion: string;
  accessToken: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

type GraphError = { error?: { message?: string; code?: number; error_subcode?: number; error_data?: { details?: string }; fbtrace_id?: string } };
type TemplatePage = { data: (ProviderTemplate & { rejected_reason?: string })[]; paging?: { next?: string; cursors?: { after?: string } } };
/** Graph's largest template page. */
const TEMPLATES_PER_PAGE = 250;

const context = (replyTo?: string) => (replyTo ? { context: { message_id: replyTo } } : {});

/** Our message → the Cloud API's JSON (developers.facebook.com/docs/whatsapp/cloud-api/reference/messages). */
export function toGraphMessage(message: ParsedOutboundMessage): Record<string, unknown> {
  const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to: message.to };
  switch (message.type) {
    case 'text':
      return { ...base, ...context(message.replyTo), type: 'text', text: { body: message.body, preview_url: message.previewUrl ?? false } };
    case 'image':
    case 'audio':
    case 'video':
    case 'document':
    case 'sticker': {
      const source = 'mediaId' in message.media ? { id: message.media.mediaId } : { link: message.media.link };
      const caption = message.caption && message.type !== 'audio' && message.type !== 'sticker' ? { caption: message.caption } : {};
      const fileName = message.type === 'document' && message.fileName ? { filename: message.fileName } : {};
      return { ...base, ...context(message.replyTo), type: message.type, [message.type]: { ...source, ...caption, ...fileName } };
    }
    case 'buttons':
      return {
        ...base,
        ...context(message.replyTo),
        type: 'interactive',
        interactive: {
          type: 'button',
          ...(message.header ? { header: { type: 'text', text: message.header } } : {}),
          body: { text: message.body },
          ...(message.footer ? { footer: { text: message.footer } } : {}),
          action: { buttons: message.buttons.map((b) => ({ type: 'reply', reply: { id: b.id, title: b.title } })) },
        },
      };
    case 'list':
      return {
        ...base,
        ...context(message.replyTo),
        type: 'interactive',
        interactive: {
          type: 'list',
          ...(message.header ? { header: { type: 'text', text: message.header } } : {}),
          body: { text: message.body },
          ...(message.footer ? { footer: { text: message.footer } } : {}),
          action: { button: message.buttonLabel, sections: message.sections.map((s) => ({ ...(s.title ? { title: s.title } : {}), rows: s.rows })) },
        },
      };
    case 'template': {
      const components = [
        ...(message.headerParameters.length ? [{ type: 'header', parameters: message.headerParameters.map((text) => ({ type: 'text', text })) }] : []),
        ...(message.bodyParameters.length ? [{ type: 'body', parameters: message.bodyParameters.map((text) => ({ type: 'text', text })) }] : []),
        ...message.buttonPayloads.map((payload, index) => ({ type: 'button', sub_type: 'quick_reply', index: String(index), parameters: [{ type: 'payload', payload }] })),
      ];
      return { ...base, type: 'template', template: { name: message.name, language: { code: message.language }, ...(components.length ? { components } : {}) } };
    }
    case 'location':
      return { ...base, ...context(message.replyTo), type: 'location', location: { latitude: message.latitude, longitude: message.longitude, name: message.name, address: message.address } };
    case 'reaction':
      return { ...base, type: 'reaction', reaction: { message_id: message.messageId, emoji: message.emoji } };
  }
}

/** The Cloud API over HTTP. Also the sandbox's client: same paths, same JSON. */
export function createMetaProvider(options: MetaProviderOptions): WhatsAppProvider {
  const doFetch = options.fetch ?? fetch;
  const root = `${options.baseUrl.replace(/\/$/, '')}/${options.graphVersion}`;
  const auth = { authorization: `Bearer ${options.accessToken}` };

  async function call<T>(path: string, init: RequestInit & { sends?: boolean } = {}): Promise<T> {
    let response: Response;
    try {
      response = await doFetch(path.startsWith('http') ? path : `${root}${path}`, {
        ...init,
        headers: { ...auth, ...(init.body && typeof init.body === 'string' ? { 'content-type': 'application/json' } : {}), ...init.headers },
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      // A send whose answer never came may have been delivered: report "unknown", never "failed".
      const timedOut = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
      if (init.sends && timedOut) throw new WhatsAppProviderError('unknown_outcome', 'O WhatsApp não respondeu a tempo: o envio pode ter acontecido', null);
      throw new WhatsAppProviderError('temporary', `Falha de rede ao falar com o WhatsApp: ${(error as Error).message}`, null, suggestedRetryMs('temporary'));
    }
    if (response.ok) return (await response.json()) as T;
    const body = (await response.json().catch(() => ({}))) as GraphError;
    const code = body.error?.code ?? null;
    const kind = kindOfGraphError(code, response.status);
    const details = body.error?.error_data?.details;
    throw new WhatsAppProviderError(kind, details ?? body.error?.message ?? `HTTP ${response.status}`, code, suggestedRetryMs(kind), body.error);
  }

  return {
    async send(phoneNumberId, message: OutboundMessage, sendOptions = {}) {
      const parsed = outboundMessageSchema.safeParse(message);
      if (!parsed.success) throw new WhatsAppProviderError('invalid', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), null);
      const body = { ...toGraphMessage(parsed.data), ...(sendOptions.callbackData ? { biz_opaque_callback_data: sendOptions.callbackData } : {}) };
      const reply = await call<{ messages?: { id: string }[] }>(`/${phoneNumberId}/messages`, { method: 'POST', body: JSON.stringify(body), sends: true });
      const waMessageId = reply.messages?.[0]?.id;
      if (!waMessageId) throw new WhatsAppProviderError('unknown_outcome', 'Resposta do WhatsApp sem id de mensagem', null);
      return { waMessageId };
    },
    async markRead(phoneNumberId, waMessageId, markOptions = {}) {
      await call(`/${phoneNumberId}/messages`, {
        method: 'POST',
        body: JSON.stringify({ messaging_product: 'whatsapp', status: 'read', message_id: waMessageId, ...(markOptions.typing ? { typing_indicator: { type: 'text' } } : {}) }),
      });
    },
    async uploadMedia(phoneNumberId, file) {
      const form = new FormData();
      form.set('messaging_product', 'whatsapp');
      form.set('type', file.mimeType);
      form.set('file', new Blob([new Uint8Array(file.data)], { type: file.mimeType }), file.fileName ?? 'file');
      const reply = await call<{ id: string }>(`/${phoneNumberId}/media`, { method: 'POST', body: form });
      return { mediaId: reply.id };
    },
    async downloadMedia(mediaId): Promise<DownloadedMedia> {
      const info = await call<{ url: string; mime_type: string; sha256: string }>(`/${mediaId}`);
      const response = await doFetch(info.url, { headers: auth, signal: AbortSignal.timeout(options.timeoutMs ?? 60_000) });
      if (!response.ok) throw new WhatsAppProviderError(response.status === 404 ? 'invalid' : 'temporary', `Não foi possível baixar a mídia ${mediaId}: HTTP ${response.status}`, null);
      return { data: Buffer.from(await response.arrayBuffer()), mimeType: info.mime_type, sha256: info.sha256 };
    },
    async createTemplate(wabaId, template) {
      return call<{ id: string; status: string }>(`/${wabaId}/message_templates`, { method: 'POST', body: JSON.stringify(template) });
    },
    /** Every page: Graph says another follows with `paging.next`, and where it starts with `cursors.after`. */
    async listTemplates(wabaId) {
      const templates: ProviderTemplate[] = [];
      let after: string | undefined;
      do {
        const reply = await call<TemplatePage>(`/${wabaId}/message_templates?limit=${TEMPLATES_PER_PAGE}${after ? `&after=${encodeURIComponent(after)}` : ''}`);
        templates.push(...reply.data.map(({ rejected_reason, ...t }) => ({ ...t, rejectedReason: rejected_reason ?? null })));
        after = reply.paging?.next ? reply.paging.cursors?.after : undefined;
      } while (after);
      return templates;
    },
    async deleteTemplate(wabaId, name) {
      await call(`/${wabaId}/message_templates?name=${encodeURIComponent(name)}`, { method: 'DELETE' });
    },
  };
}
