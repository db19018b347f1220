import type { WebhookEventStatus } from '../../../prisma/client';
import { applyStatus } from '../applyStatus';
import { storeInbound, type ProcessDeps } from '../processWebhookEvent';
import { MAX_ATTEMPTS, processStoredEvent, type EventResult, type StoredEvent } from '../settleEvent';
import { normaliseWahaMessage, profileNameOf, senderOf, waIdOfChatId } from './normaliseWahaMessage';
import { wahaAckSchema, wahaEnvelopeSchema, wahaMessageSchema, wahaSessionStatusSchema, type WahaEnvelope } from './wahaSchemas';

/** The Cloud API path's deps, with `media.download` being WAHA's (WahaProvider.downloadMedia: ids are file URLs). */
export interface WahaProcessDeps extends ProcessDeps {
  /** Asks WAHA for the number behind a LID (WahaProvider.phoneNumberForLid). Without it such messages are FAILED. */
  phoneNumberForLid?: (session: string, lid: string) => Promise<string | null>;
}

type Outcome = WebhookEventStatus;
type Result = { outcome: Outcome; note?: string };
type RoutedNumber = { id: string; companyId: string };

// WAHA's ack values in Cloud API words, so applyStatus keeps one forward-only rule for both providers.
// PENDING (0) is not yet on WhatsApp's server and PLAYED (4) is a voice note heard: read, for us.
const ACK_STATUS: Partial<Record<number, 'sent' | 'delivered' | 'read' | 'failed'>> = { [-1]: 'failed', 1: 'sent', 2: 'delivered', 3: 'read', 4: 'read' };

async function handleMessage(deps: WahaProcessDeps, number: RoutedNumber, envelope: WahaEnvelope): Promise<Result> {
  const message = wahaMessageSchema.parse(envelope.payload);
  // Our own sends come back in message.any (and phone-typed ones too); only the customer's are inbound.
  if (message.fromMe) return { outcome: 'PROCESSED' };
  const sender = senderOf(message);
  if (sender.kind === 'other') {
    deps.logger.debug({ session: envelope.session, chatId: sender.chatId }, 'WAHA message from a group, status or channel ignored');
    return { outcome: 'PROCESSED' };
  }
  let waId: string;
  if (sender.kind === 'phone') {
    waId = sender.waId;
  } else {
    if (!deps.phoneNumberForLid) return { outcome: 'FAILED', note: `remetente identificado só pelo LID ${sender.lid}; consulta de LID ao WAHA não configurada` };
    const found = await deps.phoneNumberForLid(envelope.session, sender.lid);
    // WAHA learns LID→number mappings over time: wait and ask again.
    if (!found) return { outcome: 'DEFERRED', note: `o WAHA ainda não sabe o número por trás do LID ${sender.lid}` };
    waId = found;
  }
  await storeInbound(deps, number, normaliseWahaMessage(message, waId), profileNameOf(message));
  return { outcome: 'PROCESSED' };
}

async function handleAck(deps: WahaProcessDeps, number: RoutedNumber, envelope: WahaEnvelope): Promise<Result> {
  const ack = wahaAckSchema.parse(envelope.payload);
  // Acks of the customer's messages (we read them) say nothing about what we sent.
  if (!(ack.fromMe ?? ack.id.startsWith('true_'))) return { outcome: 'PROCESSED' };
  const status = ACK_STATUS[ack.ack];
  if (!status) return { outcome: 'PROCESSED' };
  const at = envelope.timestamp ?? Date.now();
  const result = await applyStatus(deps.sql, number.id, {
    id: ack.id,
    status,
    timestamp: String(Math.floor(at / 1000)),
    recipient_id: waIdOfChatId(ack.to) ?? waIdOfChatId(ack.from) ?? '',
    ...(status === 'failed' ? { errors: [{ code: -1, message: 'O WhatsApp não entregou a mensagem (ack ERROR no WAHA)' }] } : {}),
  });
  if (result.outcome === 'missing') return { outcome: 'DEFERRED', note: `ack ${ack.ackName ?? ack.ack} de uma mensagem ainda não registrada` };
  if (result.outcome === 'applied' && result.conversationId) {
    deps.publish({
      type: 'message.status',
      companyId: number.companyId,
      conversationId: result.conversationId,
      departmentId: result.departmentId ?? null,
      userIds: result.assigneeId ? [result.assigneeId] : [],
      payload: { messageId: result.messageId, status: result.status },
    });
  }
  return { outcome: 'PROCESSED' };
}

/**
 * Turns one stored WAHA webhook body into contacts, conversations, messages and status changes,
 * routed by its session to the WAHA number that carries that session name. Idempotent like the
 * Cloud API path: the same event may be processed again (re-driver, WAHA retries) without effect.
 */
export function processWahaEvent(deps: WahaProcessDeps, eventOrId: string | StoredEvent): Promise<Outcome> {
  return processStoredEvent(deps.sql, deps.logger, eventOrId, (event) => handleWahaEvent(deps, event));
}

export async function handleWahaEvent(deps: WahaProcessDeps, event: StoredEvent): Promise<EventResult> {
  const envelope = wahaEnvelopeSchema.parse(event.payload);
  const number = await deps.db.whatsAppNumber.findFirst({ where: { provider: 'WAHA', phoneNumberId: envelope.session }, select: { id: true, companyId: true } });
  if (!number) {
    deps.logger.warn({ eventId: event.id, session: envelope.session }, 'WAHA webhook for a session no company owns');
    return { outcome: 'UNROUTED', companyId: event.companyId };
  }
  let result: Result = { outcome: 'PROCESSED' };
  if (envelope.event === 'message' || envelope.event === 'message.any') result = await handleMessage(deps, number, envelope);
  else if (envelope.event === 'message.ack') result = await handleAck(deps, number, envelope);
  else if (envelope.event === 'session.status') {
    const status = wahaSessionStatusSchema.safeParse(envelope.payload);
    deps.logger.info({ eventId: event.id, session: envelope.session, status: status.success ? status.data.status : null }, 'WAHA session status changed');
  }
  return {
    outcome: result.outcome === 'DEFERRED' && event.attempts >= MAX_ATTEMPTS ? 'FAILED' : result.outcome,
    companyId: number.companyId,
    lastError: result.note ?? null,
  };
}
