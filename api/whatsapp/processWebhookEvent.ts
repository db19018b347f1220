import type { Logger } from 'pino';
import type { Db, WebhookEventStatus } from '../../prisma/client';
import type { Publish } from '../realtime/events';
import type { DeliverInbound } from '../conversations/deliverToWorkflow';
import { storeInboundMedia, type MediaDeps } from '../media/storeInboundMedia';
import { applyStatus } from './applyStatus';
import { normaliseInbound, type NormalisedInbound } from './normaliseInbound';
import { outcomeOfFailure, settleEvent } from './settleEvent';
import { messagesValueSchema, statusSchema, templateStatusValueSchema, webhookEnvelopeSchema } from './webhookSchemas';

export interface ProcessDeps {
  db: Db;
  logger: Logger;
  publish: Publish;
  media: Omit<MediaDeps, 'db'>;
  /** Hands each new inbound message to its conversation's workflow (signal-with-start). */
  deliver: DeliverInbound;
}

const toSignal = (messageId: string, message: NormalisedInbound) => ({
  messageId,
  text: message.body,
  replyId: message.type === 'interactive' ? String(message.content.id ?? '') || null : message.type === 'button' ? String(message.content.payload ?? '') || null : null,
});

type Outcome = WebhookEventStatus;

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === 'P2002';

async function openConversation(db: Db, companyId: string, numberId: string, contactId: string) {
  const open = await db.conversation.findFirst({ where: { numberId, contactId, status: { not: 'RESOLVED' } } });
  if (open) return { conversation: open, created: false };
  try {
    return { conversation: await db.conversation.create({ data: { companyId, numberId, contactId } }), created: true };
  } catch (error) {
    // Another event opened it a moment ago (the partial unique index allows one open per contact).
    if (!isUniqueViolation(error)) throw error;
    return { conversation: await db.conversation.findFirstOrThrow({ where: { numberId, contactId, status: { not: 'RESOLVED' } } }), created: false };
  }
}

export async function storeInbound(deps: ProcessDeps, number: { id: string; companyId: string }, message: NormalisedInbound, profileName: string | undefined) {
  const { db } = deps;
  const contact = await db.contact.upsert({
    where: { companyId_waId: { companyId: number.companyId, waId: message.from } },
    update: { ...(profileName ? { profileName } : {}), lastInboundAt: message.timestamp },
    create: { companyId: number.companyId, waId: message.from, phone: `+${message.from}`, profileName: profileName ?? null, lastInboundAt: message.timestamp },
  });
  const { conversation } = await openConversation(db, number.companyId, number.id, contact.id);
  let stored;
  try {
    stored = await db.message.create({
      data: {
        companyId: number.companyId,
        conversationId: conversation.id,
        numberId: number.id,
        direction: 'INBOUND',
        type: message.type,
        body: message.body,
        content: { ...message.content, ...(message.media ? { media: { ...message.media } } : {}) },
        status: 'RECEIVED',
        waMessageId: message.waMessageId,
        replyToWaId: message.replyToWaId ?? null,
        providerTimestamp: message.timestamp,
      },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Meta repeated a message we already hold; only its media may still be missing (a failed download).
    const existing = await db.message.findUniqueOrThrow({ where: { numberId_waMessageId: { numberId: number.id, waMessageId: message.waMessageId } } });
    // The first attempt may have stopped before the workflow heard of it (Temporal down): tell it
    // again; it ignores a message id it already has.
    await deps.deliver({ id: existing.conversationId, companyId: existing.companyId }, toSignal(existing.id, message));
    if (message.media && !existing.mediaId) await attachMedia(deps, existing, message.media);
    return;
  }
  const updated = await db.conversation.update({
    where: { id: conversation.id },
    data: { lastMessageAt: message.timestamp, lastInboundAt: message.timestamp, unreadCount: { increment: 1 } },
  });
  deps.publish({ type: 'message.new', companyId: number.companyId, conversationId: conversation.id, departmentId: updated.departmentId, payload: { message: stored, conversation: updated } });
  await deps.deliver({ id: conversation.id, companyId: number.companyId }, toSignal(stored.id, message));
  // After the message is visible: a slow or failed download (retried with the event) never hides it.
  if (message.media) await attachMedia(deps, stored, message.media);
}

async function attachMedia(deps: ProcessDeps, message: { id: string; companyId: string; conversationId: string; mediaId: string | null }, media: NonNullable<NormalisedInbound['media']>) {
  await storeInboundMedia({ db: deps.db, ...deps.media }, message, media);
  const withMedia = await deps.db.message.findUniqueOrThrow({ where: { id: message.id }, include: { media: { select: { id: true, mimeType: true, sizeBytes: true, fileName: true } } } });
  deps.publish({ type: 'message.updated', companyId: message.companyId, conversationId: message.conversationId, departmentId: null, payload: { message: withMedia } });
}

/**
 * Turns one stored webhook body into contacts, conversations, messages and status changes. Every
 * step is idempotent, so an event may be processed again (re-driver, duplicates) without effect.
 */
export async function processWebhookEvent(deps: ProcessDeps, eventId: string): Promise<Outcome> {
  const { db, logger } = deps;
  const event = await db.webhookEvent.findUniqueOrThrow({ where: { id: eventId } });
  let outcome: Outcome = 'PROCESSED';
  let companyId: string | null = event.companyId;
  let lastError: string | null = null;
  try {
    const envelope = webhookEnvelopeSchema.parse(event.payload);
    for (const change of envelope.entry.flatMap((entry) => entry.changes)) {
      if (change.field === 'message_template_status_update') {
        const value = templateStatusValueSchema.parse(change.value);
        await db.messageTemplate.updateMany({ where: { providerId: value.message_template_id }, data: { status: value.event as never, rejectedReason: value.reason ?? null } });
        continue;
      }
      if (change.field !== 'messages') continue;
      const value = messagesValueSchema.parse(change.value);
      const number = await db.whatsAppNumber.findUnique({ where: { phoneNumberId: value.metadata.phone_number_id }, select: { id: true, companyId: true } });
      if (!number) {
        logger.warn({ eventId, phoneNumberId: value.metadata.phone_number_id }, 'webhook for a phone number no company owns');
        outcome = 'UNROUTED';
        continue;
      }
      companyId = number.companyId;
      const profiles = new Map((value.contacts ?? []).map((c) => [c.wa_id, c.profile?.name]));
      for (const raw of value.messages ?? []) {
        const message = normaliseInbound(raw);
        if (message) await storeInbound(deps, number, message, profiles.get(message.from));
      }
      for (const raw of value.statuses ?? []) {
        const parsed = statusSchema.safeParse(raw);
        if (!parsed.success) continue;
        const result = await applyStatus(db, number.id, parsed.data);
        if (result.outcome === 'missing') {
          if (outcome === 'PROCESSED') outcome = 'DEFERRED';
          continue;
        }
        if (result.outcome === 'applied' && result.conversationId) {
          deps.publish({ type: 'message.status', companyId: number.companyId, conversationId: result.conversationId, departmentId: null, payload: { messageId: result.messageId, status: result.status } });
        }
      }
    }
  } catch (error) {
    ({ outcome, lastError } = outcomeOfFailure(error, event.attempts));
    logger.error({ err: error, eventId }, 'webhook event processing failed');
  }
  await settleEvent(db, eventId, { outcome, companyId, lastError });
  return outcome;
}
