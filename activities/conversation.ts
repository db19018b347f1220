import { setTimeout as delay } from 'node:timers/promises';
import { ApplicationFailure, Context, log } from '@temporalio/activity';
import { readCompanySettings } from '../api/companies/settings';
import { templateComponentsSchema } from '../api/templates/schemas';
import { templateParts, templateText } from '../api/templates/templateText';
import type { AgentMessage } from '../workflows/conversation';
import { defaultFlow } from '../workflows/flow/defaultFlow';
import { flowDefinitionSchema, type FlowDefinition } from '../workflows/flow/schema';
import type { ActivityDeps } from './deps';
import type { OutboundMessage } from './whatsapp/outboundMessage';
import { WhatsAppProviderError } from './whatsapp/providerErrors';
import { findSendTarget, markSent, queueOutbound, type SendTarget } from './sendRows';
import { markSetup, readSetupRow } from './setupRows';

/** A bot message as the workflow describes it: everything but the recipient, which the activity knows. */
export type BotMessage = OutboundMessage extends infer M ? (M extends { to: string } ? Omit<M, 'to'> : never) : never;

export interface SendBotMessageInput {
  conversationId: string;
  /** Made by the workflow (deterministically): the row's id, so a retried activity finds its own message. */
  messageId: string;
  message: BotMessage;
  /** What an agent reading the conversation sees for this message. */
  preview: string;
  /** Where the bot stands after this message (AWAITING_MENU, ...), mirrored for screens. */
  flowState?: string;
}

/** What a conversation needs to know once, when it starts. */
export interface ConversationSetup {
  flow: FlowDefinition;
  contactName: string;
  inactivityCloseMs: number;
  inactivityCloseText: string;
  outOfHoursText: string;
  /** The department (and agent) that attended this customer recently: offered before the menu. */
  returning: { departmentId: string; departmentName: string; agentId: string | null } | null;
  /** Where the bot hands the customer when it cannot go on (a loop, a jump to nowhere). */
  fallbackDepartmentId?: string;
  contactPhone?: string;
  /** How long a flow's "minute" lasts: shrunk by tests, as ActivityDeps.minuteMs. */
  minuteMs?: number;
}

/** How long a retried send waits for a status webhook to reveal that the previous attempt went out. */
const LOST_SEND_WAIT_MS = 3000;

/** Which WhatsApp message carries a file of this type. */
const mediaType = (mimeType: string) => (mimeType.startsWith('image/') ? 'image' : mimeType.startsWith('audio/') ? 'audio' : mimeType.startsWith('video/') ? 'video' : 'document');

export function createConversationActivities({ db, sql, whatsapp, notify, media, minuteMs = 60_000 }: ActivityDeps) {
  /**
   * Idempotent send: the row exists (QUEUED) before the provider is called, and a retry that finds a
   * WhatsApp id on it does not send again. A send whose outcome is unknown is never repeated.
   */
  async function send(
    input: { conversationId: string; messageId: string; message: BotMessage; preview: string; senderUserId: string | null; flowState?: string; attachmentId?: string },
    known?: SendTarget,
  ) {
    const target = known ?? (await findSendTarget(sql, input.conversationId));
    let row = await queueOutbound(sql, target, {
      id: input.messageId,
      conversationId: input.conversationId,
      type: input.message.type,
      body: input.preview,
      content: { bot: !input.senderUserId, message: input.message },
      senderUserId: input.senderUserId,
      mediaId: input.attachmentId ?? null,
    });
    if (Context.current().info.attempt > 1 && !row.fresh && !row.waMessageId) row = await awaitLostSend(row);
    if (row.waMessageId || row.status === 'UNKNOWN' || row.status === 'FAILED') return { waMessageId: row.waMessageId };
    const audience = { companyId: target.companyId, conversationId: input.conversationId, departmentId: target.departmentId };
    try {
      const message = input.attachmentId ? await withUploadedFile(input.message, input.attachmentId, target.phoneNumberId) : input.message;
      const { waMessageId } = await whatsapp.send(target.phoneNumberId, { ...message, to: target.waId } as OutboundMessage, { callbackData: row.id });
      const sent = await markSent(sql, { messageId: row.id, waMessageId, conversationId: input.conversationId, flowState: input.flowState, firstAnswer: !!input.senderUserId && !target.answered });
      await notify({ type: 'message.new', ...audience, userIds: target.assigneeId ? [target.assigneeId] : [], payload: { message: sent } });
      return { waMessageId };
    } catch (error) {
      if (!(error instanceof WhatsAppProviderError) || error.retryable) throw error;
      const status = error.kind === 'unknown_outcome' ? 'UNKNOWN' : 'FAILED';
      const failed = await db.message.update({ where: { id: row.id }, data: { status, errorCode: error.code, errorMessage: error.message, ...(status === 'FAILED' ? { failedAt: new Date() } : {}) } });
      await notify({ type: 'message.updated', ...audience, payload: { message: failed } });
      log.warn('message not sent', { conversationId: input.conversationId, kind: error.kind, code: error.code });
      throw ApplicationFailure.nonRetryable(error.message, `WhatsApp.${error.kind}`, { code: error.code });
    }
  }

  /**
   * A retry may follow an attempt that did send but died before writing the WhatsApp id down. That
   * message's "sent" status brings our row id back (see api/whatsapp/applyStatus.ts); give it a
   * moment to arrive before sending again.
   */
  async function awaitLostSend<T extends { id: string; waMessageId: string | null }>(row: T): Promise<T> {
    for (let waited = 0; waited < LOST_SEND_WAIT_MS && !row.waMessageId; waited += 250) {
      await delay(250);
      row = { ...row, waMessageId: (await db.message.findUniqueOrThrow({ where: { id: row.id }, select: { waMessageId: true } })).waMessageId };
    }
    return row;
  }

  /** WhatsApp sends files it holds: the stored file is uploaded on each attempt, just before the send. */
  async function withUploadedFile(message: BotMessage, attachmentId: string, phoneNumberId: string): Promise<BotMessage> {
    if (!media) throw ApplicationFailure.nonRetryable('Este worker não tem onde ler anexos (MEDIA_DIR)', 'NoMediaStorage');
    const file = await db.media.findUniqueOrThrow({ where: { id: attachmentId } });
    const { mediaId } = await whatsapp.uploadMedia(phoneNumberId, { data: await media.read(file.storageKey), mimeType: file.mimeType, fileName: file.fileName ?? undefined });
    await db.media.update({ where: { id: file.id }, data: { waMediaId: mediaId } });
    return { ...message, media: { mediaId } } as BotMessage;
  }

  /** The inbox shows the text the customer reads, filled in, while WhatsApp gets the template's name and values. */
  async function sendTemplate(input: { conversationId: string; messageId: string; agentId: string }, choice: NonNullable<AgentMessage['template']>) {
    const template = await db.messageTemplate.findUniqueOrThrow({ where: { id: choice.templateId }, select: { name: true, language: true, components: true } });
    const preview = templateText(templateParts(templateComponentsSchema.parse(template.components)), choice.parameters);
    const message: BotMessage = { type: 'template', name: template.name, language: template.language, bodyParameters: choice.parameters };
    return send({ conversationId: input.conversationId, messageId: input.messageId, message, preview, senderUserId: input.agentId });
  }

  return {
    /**
     * Read once when the conversation starts: the conversation runs this version to its end, whatever
     * is published meanwhile.
     */
    async loadConversationFlow(input: { conversationId: string }): Promise<ConversationSetup> {
      const row = await readSetupRow(sql, input.conversationId);
      const settings = readCompanySettings(row.settings);
      const { departments, simulation, published } = row;
      if (!simulation && !published && departments.length === 0) throw ApplicationFailure.nonRetryable('A empresa não tem fluxo publicado nem departamentos ativos para o menu', 'NoFlow');
      const flow = flowDefinitionSchema.parse(simulation?.definition ?? published?.definition ?? defaultFlow(row.companyName, departments, departments.at(-1)!.id));
      const since = Date.now() - settings.returningCustomerDays * 86_400_000;
      const previous = settings.returningCustomerDays > 0 && row.previous && row.previous.closedAt >= since ? row.previous : null;
      await markSetup(sql, input.conversationId, { simulationId: simulation?.id, flowVersionId: simulation ? undefined : published?.id, returningFrom: previous });
      const lastDepartment = previous && departments.find((d) => d.id === previous.departmentId);
      return {
        flow,
        contactName: row.contactName ?? row.profileName ?? '',
        inactivityCloseMs: settings.inactivityCloseMinutes * minuteMs,
        inactivityCloseText: settings.inactivityCloseText,
        outOfHoursText: settings.outOfHoursText,
        returning: lastDepartment && !simulation ? { departmentId: lastDepartment.id, departmentName: lastDepartment.name, agentId: previous.assigneeId } : null,
        fallbackDepartmentId: departments.at(-1)?.id,
        contactPhone: row.phone ?? undefined,
        minuteMs,
      };
    },

    async sendBotMessage(input: SendBotMessageInput): Promise<{ waMessageId: string | null }> {
      return send({ ...input, senderUserId: null });
    },

    /**
     * What the bot says in a row (a greeting and its menu), in order, in one activity: one trip
     * through Temporal instead of one per message. A retry skips what already went out; a message
     * that cannot be sent stops the ones after it.
     */
    async sendBotMessages(input: { conversationId: string; messages: Omit<SendBotMessageInput, 'conversationId'>[] }): Promise<{ waMessageIds: (string | null)[] }> {
      // One conversation, one recipient: looked up once for the run.
      const target = await findSendTarget(sql, input.conversationId);
      const waMessageIds: (string | null)[] = [];
      for (const message of input.messages) waMessageIds.push((await send({ ...message, conversationId: input.conversationId, senderUserId: null }, target)).waMessageId);
      return { waMessageIds };
    },

    /** An agent's words, signed "*Nome - Departamento*:" when the company asks for it; a template goes as approved, unsigned. */
    async sendAgentMessage(input: AgentMessage & { conversationId: string }): Promise<{ waMessageId: string | null }> {
      if (input.template) return sendTemplate(input, input.template);
      const conversation = await db.conversation.findUniqueOrThrow({ where: { id: input.conversationId }, select: { company: { select: { settings: true } }, departmentId: true } });
      let body = input.text;
      if (readCompanySettings(conversation.company.settings).agentMessagePrefix) {
        const agent = await db.user.findUniqueOrThrow({ where: { id: input.agentId }, select: { name: true } });
        const department = conversation.departmentId ? await db.department.findUnique({ where: { id: conversation.departmentId }, select: { name: true } }) : null;
        body = `*${[agent.name, department?.name].filter(Boolean).join(' - ')}*:\n${input.text}`;
      }
      if (!input.mediaId) return send({ conversationId: input.conversationId, messageId: input.messageId, message: { type: 'text', body }, preview: input.text, senderUserId: input.agentId });
      const file = await db.media.findUniqueOrThrow({ where: { id: input.mediaId }, select: { mimeType: true, fileName: true } });
      const type = mediaType(file.mimeType);
      // The file itself is uploaded when sending; until then the message names it by our id.
      const message = {
        type,
        media: { mediaId: input.mediaId },
        ...(type !== 'audio' && input.text ? { caption: body } : {}),
        ...(type === 'document' && file.fileName ? { fileName: file.fileName } : {}),
      } as BotMessage;
      return send({ conversationId: input.conversationId, messageId: input.messageId, message, preview: input.text || file.fileName || '', senderUserId: input.agentId, attachmentId: input.mediaId });
    },
  };
}

export type ConversationActivities = ReturnType<typeof createConversationActivities>;
