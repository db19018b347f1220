import type { RequestHandler } from 'express';
import type { HostedNumber } from '../config';
import type { SandboxContext } from '../context';
import type { LoggedMessage } from '../customers';
import { newWamid } from '../ids';
import { pairKey } from '../limits/pairRate';
import { pricingFor, type Outcome } from '../statuses';
import { placeholderCount } from '../templateSchema';
import type { StoredTemplate } from '../templateStore';
import { metaError, objectNotFound } from './errors';
import { markReadSchema, parseGraphBody, SEND_TYPES, sendMessageSchema, type SendMessageRequest } from './schemas';

type TemplateRequest = Extract<SendMessageRequest, { type: 'template' }>['template'];

export function hostedNumberOf(ctx: SandboxContext, phoneNumberId: string, method: 'get' | 'post'): HostedNumber {
  const number = ctx.numbers.byId(phoneNumberId);
  if (!number) throw objectNotFound(method, phoneNumberId);
  return number;
}

/** Meta accepts `+55 (11) 99999-0000` and answers with the bare digits as `wa_id`. */
function waIdOf(to: string): string {
  const digits = to.replace(/[\s()+.-]/g, '');
  if (!/^\d{8,15}$/.test(digits)) throw metaError(100, `Param to must be a valid phone number in international format, got '${to}'`);
  return digits;
}

/** The values a send supplies must match the placeholders of the approved template, part by part. */
function checkTemplateParameters(template: StoredTemplate, request: TemplateRequest) {
  for (const part of ['header', 'body'] as const) {
    const defined = template.components.find((c) => c.type === part.toUpperCase());
    let expected = 0;
    if (defined?.type === 'BODY') expected = placeholderCount(defined.text);
    if (defined?.type === 'HEADER') expected = defined.format === 'TEXT' ? placeholderCount(defined.text) : 1;
    const given = (request.components ?? []).filter((c) => c.type === part).flatMap((c) => c.parameters).length;
    if (given !== expected) {
      throw metaError(132000, `${part}: number of localizable_params (${given}) does not match the expected number of params (${expected})`);
    }
  }
}

function mediaIdOf(request: SendMessageRequest): string | undefined {
  switch (request.type) {
    case 'image':
      return request.image.id;
    case 'audio':
      return request.audio.id;
    case 'video':
      return request.video.id;
    case 'document':
      return request.document.id;
    case 'sticker':
      return request.sticker.id;
    default:
      return undefined;
  }
}

/** `POST /{phone-number-id}/messages` with `status: read`: blue ticks for the customer, and optionally "typing…". */
function markRead(ctx: SandboxContext, number: HostedNumber, body: unknown) {
  const request = parseGraphBody(markReadSchema, body);
  const found = ctx.customers.message(request.message_id);
  if (!found || found.conversation.phoneNumberId !== number.phoneNumberId) {
    throw metaError(100, `Param message_id '${request.message_id}' is not a message received by this phone number`);
  }
  if (found.message.direction !== 'inbound') throw metaError(100, 'Param message_id must identify a message received from the customer');
  const { conversation } = found;
  // Marking one message read marks every earlier message of the conversation read too.
  for (const message of conversation.messages) {
    if (message.direction === 'inbound') message.readByBusiness = true;
    if (message === found.message) break;
  }
  const where = { phone_number_id: number.phoneNumberId, wa_id: conversation.waId };
  ctx.events.publish({ type: 'read_by_business', ...where, message_id: request.message_id });
  if (request.typing_indicator) ctx.events.publish({ type: 'typing', ...where, message_id: request.message_id });
  return { success: true };
}

/**
 * `POST /{version}/{phone-number-id}/messages`: validates like Meta, applies the throughput and pair
 * limits, the 24 h window and the template checks, answers with the wamid, then plays the message's
 * statuses by webhook.
 */
export function sendMessageHandler(ctx: SandboxContext): RequestHandler<{ phoneNumberId: string }> {
  return (req, res) => {
    const number = hostedNumberOf(ctx, req.params.phoneNumberId, 'post');
    const body: unknown = req.body;
    const raw = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    if (raw.status !== undefined) {
      res.json(markRead(ctx, number, raw));
      return;
    }

    // Meta sends `text` when the type is left out.
    const type = raw.type ?? 'text';
    if (!SEND_TYPES.includes(type as (typeof SEND_TYPES)[number])) {
      throw metaError(131051, `Message type '${String(type)}' is not supported. Supported types: ${SEND_TYPES.join(', ')}`);
    }
    const request = parseGraphBody(sendMessageSchema, { ...raw, type });
    const waId = waIdOf(request.to);

    const mediaId = mediaIdOf(request);
    if (mediaId !== undefined && ctx.media.get(mediaId)?.phoneNumberId !== number.phoneNumberId) {
      throw metaError(131009, `Media id '${mediaId}' is not valid for this phone number; upload it with POST /{phone-number-id}/media first`);
    }

    let template: StoredTemplate | undefined;
    if (request.type === 'template') {
      const { name, language } = request.template;
      template = ctx.templates.find(number.wabaId, name, language.code);
      if (template?.status !== 'APPROVED') throw metaError(132001, `template name (${name}) does not exist in ${language.code}`);
      checkTemplateParameters(template, request.template);
    }

    const conversation = ctx.customers.conversation(number.phoneNumberId, waId);
    const windowOpen = ctx.customers.windowOpen(conversation);
    const freeForm = request.type !== 'template';
    if (freeForm && !windowOpen && ctx.config.windowErrorDelivery === 'response') throw metaError(131047);

    if (!ctx.limits.throughput.take(number.phoneNumberId)) {
      ctx.stats.throughputRejected(number.phoneNumberId);
      throw metaError(130429);
    }
    if (!ctx.limits.pairRate.take(pairKey(number.phoneNumberId, waId))) {
      ctx.stats.pairRateRejected(number.phoneNumberId, waId);
      throw metaError(131056);
    }

    const at = ctx.clock.now();
    const { messaging_product: _product, to: _to, recipient_type: _recipientType, ...content } = request;
    const message: LoggedMessage = {
      id: newWamid(waId),
      direction: 'outbound',
      type: request.type,
      at,
      content,
      status: 'accepted',
      statuses: [{ status: 'accepted', at }],
    };
    ctx.customers.record(conversation, message);
    ctx.stats.accepted(number.phoneNumberId, waId);

    const outcome: Outcome =
      freeForm && !windowOpen
        ? { kind: 'fail_on_send', code: 131047 }
        : ctx.faults.get().failRecipients.includes(waId)
          ? { kind: 'fail_on_delivery', code: 131026 }
          : { kind: 'deliver' };
    ctx.statuses.accepted(conversation, message, pricingFor(template ? template.category.toLowerCase() : 'service', windowOpen), outcome);

    res.json({
      messaging_product: 'whatsapp',
      contacts: [{ input: request.to, wa_id: waId }],
      // Meta reports template pacing in `message_status`; only template sends carry it.
      messages: [{ id: message.id, ...(template ? { message_status: 'accepted' } : {}) }],
    });
  };
}
