import type { Logger } from 'pino';
import type { Db, WebhookEventStatus } from '../../prisma/client';
import type { Publish } from '../realtime/events';
import { workflowListens, type DeliverInbound } from '../conversations/deliverToWorkflow';
import { storeInboundMedia, type MediaDeps } from '../media/storeInboundMedia';
import { templateStatusOf } from '../templates/templateStatus';
import { applyStatus } from './applyStatus';
import { normaliseInbound, type NormalisedInbound } from './normaliseInbound';
import type { Sql } from './sql';
import { findInbound, storeInboundRows } from './storeInboundRows';
import { processStoredEvent, type EventResult, type StoredEvent } from './settleEvent';
import { messagesValueSchema, statusSchema, templateStatusValueSchema, webhookEnvelopeSchema } from './webhookSchemas';

export interface ProcessDeps {
  db: Db;
  /** The hot path's plain-SQL access (see storeInboundRows.ts). */
  sql: Sql;
  logger: Logger;
  publish: Publish;
  media: Omit<MediaDeps, 'db'>;
  /** Hands each new inbound message to its conversation's workflow (signal-with-start). */
  deliver: DeliverInbound;
}

async function findCloudApiNumber(sql: Sql, phoneNumberId: string) {
  const found = await sql.query<{ id: string; companyId: string }>(`SELECT "id", "companyId" FROM "WhatsAppNumber" WHERE "phoneNumberId" = $1`, [phoneNumberId]);
  return found.rows[0];
}

const toSignal = (messageId: string, message: NormalisedInbound) => ({
  messageId,
  text: message.body,
  replyId: message.type === 'interactive' ? String(message.content.id ?? '') || null : message.type === 'button' ? String(message.content.payload ?? '') || null : null,
});

type Outcome = WebhookEventStatus;

export async function storeInbound(deps: ProcessDeps, number: { id: string; companyId: string }, message: NormalisedInbound, profileName: string | undefined) {
  const stored = await storeInboundRows(deps.sql, number, message, profileName);
  if (!stored.message) {
    // Meta repeated a message we already hold. The first attempt may have stopped before the workflow
    // heard of it (Temporal down): tell it again, it ignores an id it already has; and the media may
    // still be missing (a failed download).
    const existing = (await findInbound(deps.sql, number.id, message.waMessageId))!;
    if (workflowListens(existing.conversationStatus)) await deps.deliver({ id: existing.conversationId, companyId: existing.companyId }, toSignal(existing.id, message));
    if (message.media && !existing.mediaId) await attachMedia(deps, existing, message.media);
    return;
  }
  deps.publish({
    type: 'message.new',
    companyId: number.companyId,
    conversationId: stored.conversationId,
    departmentId: stored.conversation?.departmentId ?? null,
    userIds: stored.conversation?.assigneeId ? [stored.conversation.assigneeId] : [],
    payload: { message: stored.message, conversation: stored.conversation },
  });
  if (workflowListens(stored.conversation?.status)) await deps.deliver({ id: stored.conversationId, companyId: number.companyId }, toSignal(stored.message.id, message));
  // After the message is visible: a slow or failed download (retried with the event) never hides it.
  if (message.media) await attachMedia(deps, stored.message, message.media);
}

async function attachMedia(deps: ProcessDeps, message: { id: string; companyId: string; conversationId: string; mediaId: string | null }, media: NonNullable<NormalisedInbound['media']>) {
  await storeInboundMedia({ db: deps.db, ...deps.media }, message, media);
  const { conversation, ...withMedia } = await deps.db.message.findUniqueOrThrow({
    where: { id: message.id },
    include: { media: { select: { id: true, mimeType: true, sizeBytes: true, fileName: true } }, conversation: { select: { departmentId: true, assigneeId: true } } },
  });
  deps.publish({
    type: 'message.updated',
    companyId: message.companyId,
    conversationId: message.conversationId,
    departmentId: conversation.departmentId,
    userIds: conversation.assigneeId ? [conversation.assigneeId] : [],
    payload: { message: withMedia },
  });
}

/**
 * Turns one stored webhook body into contacts, conversations, messages and status changes. Every
 * step is idempotent, so an event may be processed again (re-driver, duplicates) without effect.
 */
export function processWebhookEvent(deps: ProcessDeps, eventId: string): Promise<Outcome> {
  return processStoredEvent(deps.sql, deps.logger, eventId, (event) => handleCloudApiEvent(deps, event));
}

export async function handleCloudApiEvent(deps: ProcessDeps, event: StoredEvent): Promise<EventResult> {
  const { db, logger } = deps;
  const eventId = event.id;
  let outcome: Outcome = 'PROCESSED';
  let companyId: string | null = event.companyId;
  const envelope = webhookEnvelopeSchema.parse(event.payload);
  for (const change of envelope.entry.flatMap((entry) => entry.changes)) {
    if (change.field === 'message_template_status_update') {
      const value = templateStatusValueSchema.parse(change.value);
      await db.messageTemplate.updateMany({ where: { providerId: value.message_template_id }, data: { status: templateStatusOf(value.event), rejectedReason: value.reason ?? null } });
      continue;
    }
    if (change.field !== 'messages') continue;
    const value = messagesValueSchema.parse(change.value);
    const number = await findCloudApiNumber(deps.sql, value.metadata.phone_number_id);
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
      const result = await applyStatus(deps.sql, number.id, parsed.data);
      if (result.outcome === 'missing') {
        if (outcome === 'PROCESSED') outcome = 'DEFERRED';
        continue;
      }
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
    }
  }
  return { outcome, companyId };
}
