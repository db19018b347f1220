import { z } from 'zod';
import { unixSeconds } from './clock';
import type { HostedNumber } from './config';
import type { SandboxContext } from './context';
import type { Conversation, LoggedMessage } from './customers';
import { newWamid } from './ids';
import { maxBytesFor } from './mediaStore';
import { displayDigits } from './numbers';
import { laneOf } from './statuses';
import { inboundWebhook, type InboundMessagePayload } from './webhooks/payloads';

/** A customer's attachment: media already in the sandbox, or the file itself as base64. */
const mediaInput = z
  .object({
    media_id: z.string().min(1).optional(),
    data: z.base64().optional(),
    mime_type: z.string().min(1).optional(),
    filename: z.string().min(1).max(240).optional(),
    caption: z.string().max(1024).optional(),
  })
  .refine((m) => Boolean(m.media_id) !== Boolean(m.data && m.mime_type), 'give either media_id or data (base64) with mime_type');

const common = {
  to_phone_number_id: z.string().regex(/^\d+$/).optional(),
  name: z.string().min(1).max(100).optional(),
  /** The wamid of the message this one replies to (quoted reply, button press). */
  context: z.object({ message_id: z.string().min(1) }).optional(),
};

/** What the simulated customer sends, as the control API and the phone page describe it. */
export const customerMessageSchema = z.discriminatedUnion('type', [
  z.object({ ...common, type: z.literal('text'), text: z.string().min(1).max(4096) }),
  z.object({ ...common, type: z.literal('image'), image: mediaInput }),
  z.object({ ...common, type: z.literal('video'), video: mediaInput }),
  z.object({ ...common, type: z.literal('audio'), audio: mediaInput.and(z.object({ voice: z.boolean().default(true) })) }),
  z.object({ ...common, type: z.literal('document'), document: mediaInput }),
  z.object({ ...common, type: z.literal('sticker'), sticker: mediaInput }),
  z.object({
    ...common,
    type: z.literal('location'),
    location: z.object({
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
      name: z.string().optional(),
      address: z.string().optional(),
      url: z.url().optional(),
    }),
  }),
  z.object({ ...common, type: z.literal('contacts'), contacts: z.array(z.looseObject({ name: z.looseObject({ formatted_name: z.string().min(1) }) })).min(1) }),
  z.object({ ...common, type: z.literal('button_reply'), button_reply: z.object({ id: z.string().min(1) }) }),
  z.object({ ...common, type: z.literal('list_reply'), list_reply: z.object({ id: z.string().min(1) }) }),
  /** A quick-reply button of a template. */
  z.object({ ...common, type: z.literal('button'), button: z.object({ text: z.string().min(1) }) }),
  z.object({ ...common, type: z.literal('reaction'), reaction: z.object({ message_id: z.string().min(1), emoji: z.string() }) }),
  /** A message Cloud API cannot represent (a poll, for instance): Meta forwards a placeholder. */
  z.object({ ...common, type: z.literal('unsupported'), unsupported: z.object({ type: z.string().min(1).default('poll_update') }).prefault({}) }),
]);

export type CustomerMessage = z.infer<typeof customerMessageSchema>;

/** A customer action the sandbox cannot turn into a Meta message (reply to an unknown message, etc.). */
export class CustomerActionError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'VALIDATION_FAILED',
    message: string,
  ) {
    super(message);
    this.name = 'CustomerActionError';
  }
}

/** The message's type and the type-named fields Meta puts beside `from`, `id` and `timestamp`. */
type Built = { type: string; fields: Record<string, unknown> };

function referenced(history: LoggedMessage[], id: string | undefined, what: string): LoggedMessage {
  if (!id) throw new CustomerActionError('VALIDATION_FAILED', `${what} needs context.message_id: the message it answers`);
  const message = history.find((m) => m.id === id);
  if (!message) throw new CustomerActionError('NOT_FOUND', `message ${id} is not part of this conversation`);
  return message;
}

type Interactive = {
  type?: string;
  action?: { buttons?: Array<{ reply: { id: string; title: string } }>; sections?: Array<{ rows: Array<{ id: string; title: string; description?: string }> }> };
};

/** A reply button press: only the buttons the app actually sent can be pressed; the title comes from them. */
function buttonReply(history: LoggedMessage[], input: Extract<CustomerMessage, { type: 'button_reply' }>): Built {
  const interactive = referenced(history, input.context?.message_id, 'button_reply').content.interactive as Interactive | undefined;
  const button = interactive?.type === 'button' ? interactive.action?.buttons?.find((b) => b.reply.id === input.button_reply.id) : undefined;
  if (!button) throw new CustomerActionError('VALIDATION_FAILED', `the referenced message has no reply button with id '${input.button_reply.id}'`);
  return { type: 'interactive', fields: { interactive: { type: 'button_reply', button_reply: { id: button.reply.id, title: button.reply.title } } } };
}

function listReply(history: LoggedMessage[], input: Extract<CustomerMessage, { type: 'list_reply' }>): Built {
  const interactive = referenced(history, input.context?.message_id, 'list_reply').content.interactive as Interactive | undefined;
  const rows = interactive?.type === 'list' ? (interactive.action?.sections ?? []).flatMap((s) => s.rows) : [];
  const row = rows.find((r) => r.id === input.list_reply.id);
  if (!row) throw new CustomerActionError('VALIDATION_FAILED', `the referenced message has no list row with id '${input.list_reply.id}'`);
  const reply = { id: row.id, title: row.title, ...(row.description ? { description: row.description } : {}) };
  return { type: 'interactive', fields: { interactive: { type: 'list_reply', list_reply: reply } } };
}

type SentTemplate = { name: string; language: { code: string }; components?: Array<{ type: string; sub_type?: string; index?: string | number; parameters: Array<{ payload?: string }> }> };

/**
 * A template quick reply carries the payload the app set for that button (the send's `button`
 * component with the same index), or the button text when it set none.
 */
function templateButton(ctx: SandboxContext, number: HostedNumber, history: LoggedMessage[], input: Extract<CustomerMessage, { type: 'button' }>): Built {
  const sent = referenced(history, input.context?.message_id, 'button').content.template as SentTemplate | undefined;
  const definition = sent && ctx.templates.find(number.wabaId, sent.name, sent.language.code);
  const buttons = definition?.components.find((c) => c.type === 'BUTTONS')?.buttons ?? [];
  // The index counts every button of the template, not only the quick replies.
  const index = buttons.findIndex((b) => b.type === 'QUICK_REPLY' && b.text === input.button.text);
  if (!sent || index < 0) throw new CustomerActionError('VALIDATION_FAILED', `the referenced message is not a template with a quick-reply button '${input.button.text}'`);
  const parameters = sent.components?.find((c) => c.type === 'button' && c.sub_type === 'quick_reply' && String(c.index) === String(index))?.parameters;
  return { type: 'button', fields: { button: { payload: parameters?.[0]?.payload ?? input.button.text, text: input.button.text } } };
}

type MediaKindName = 'image' | 'video' | 'audio' | 'document' | 'sticker';

function mediaMessage(ctx: SandboxContext, number: HostedNumber, kind: MediaKindName, input: z.infer<typeof mediaInput> & { voice?: boolean }): Built {
  let media = input.media_id ? ctx.media.get(input.media_id) : undefined;
  if (input.media_id && !media) throw new CustomerActionError('NOT_FOUND', `media ${input.media_id} does not exist`);
  if (!media) {
    const bytes = Buffer.from(input.data!, 'base64');
    const max = maxBytesFor(input.mime_type!);
    if (max === undefined || bytes.length > max) throw new CustomerActionError('VALIDATION_FAILED', `WhatsApp does not accept a ${bytes.length}-byte ${input.mime_type} file`);
    media = ctx.media.add({ phoneNumberId: number.phoneNumberId, mimeType: input.mime_type!, bytes, filename: input.filename });
  }
  const node = {
    ...(input.caption ? { caption: input.caption } : {}),
    ...(kind === 'document' ? { filename: input.filename ?? media.filename ?? media.id } : {}),
    mime_type: media.mimeType,
    // Meta's webhooks carry the digest base64-encoded.
    sha256: media.sha256.toString('base64'),
    id: media.id,
    ...(kind === 'audio' ? { voice: input.voice ?? false } : {}),
    ...(kind === 'sticker' ? { animated: false } : {}),
  };
  return { type: kind, fields: { [kind]: node } };
}

function build(ctx: SandboxContext, number: HostedNumber, history: LoggedMessage[], input: CustomerMessage): Built {
  switch (input.type) {
    case 'text':
      return { type: 'text', fields: { text: { body: input.text } } };
    case 'image':
      return mediaMessage(ctx, number, 'image', input.image);
    case 'video':
      return mediaMessage(ctx, number, 'video', input.video);
    case 'audio':
      return mediaMessage(ctx, number, 'audio', input.audio);
    case 'document':
      return mediaMessage(ctx, number, 'document', input.document);
    case 'sticker':
      return mediaMessage(ctx, number, 'sticker', input.sticker);
    case 'location':
      return { type: 'location', fields: { location: input.location } };
    case 'contacts':
      return { type: 'contacts', fields: { contacts: input.contacts } };
    case 'button_reply':
      return buttonReply(history, input);
    case 'list_reply':
      return listReply(history, input);
    case 'button':
      return templateButton(ctx, number, history, input);
    case 'reaction':
      referenced(history, input.reaction.message_id, 'reaction');
      return { type: 'reaction', fields: { reaction: input.reaction } };
    case 'unsupported':
      return {
        type: 'unsupported',
        fields: {
          errors: [{ code: 131051, title: 'Message type unknown', message: 'Message type unknown', error_data: { details: 'Message type is currently not supported.' } }],
          unsupported: input.unsupported,
        },
      };
  }
}

/**
 * The customer sends something: the sandbox records it, opens (or extends) the 24 h window, and
 * delivers Meta's inbound `messages` webhook, signed, to the app. Returns the new wamid.
 */
export function receiveCustomerMessage(ctx: SandboxContext, waId: string, input: CustomerMessage): { wamid: string; conversation: Conversation } {
  const number = input.to_phone_number_id ? ctx.numbers.byId(input.to_phone_number_id) : ctx.numbers.defaultNumber;
  if (!number) throw new CustomerActionError('NOT_FOUND', `phone number ${input.to_phone_number_id} is not hosted by this sandbox`);
  const history = ctx.customers.find(number.phoneNumberId, waId)?.messages ?? [];
  const built = build(ctx, number, history, input);
  const quoted = input.context ? referenced(history, input.context.message_id, 'a reply') : undefined;

  const at = ctx.clock.now();
  const wamid = newWamid(waId);
  const payload: InboundMessagePayload = {
    ...(quoted ? { context: { from: quoted.direction === 'outbound' ? displayDigits(number) : waId, id: quoted.id } } : {}),
    from: waId,
    id: wamid,
    timestamp: unixSeconds(at),
    type: built.type,
    ...built.fields,
  };

  const conversation = ctx.customers.conversation(number.phoneNumberId, waId);
  if (input.name) conversation.profileName = input.name;
  ctx.customers.record(conversation, { id: wamid, direction: 'inbound', type: built.type, at, content: payload, statuses: [] });
  ctx.webhooks.enqueue(laneOf(conversation), inboundWebhook(number, { waId, name: conversation.profileName }, payload));
  ctx.events.publish({ type: 'inbound', phone_number_id: number.phoneNumberId, wa_id: waId, message: payload });
  return { wamid, conversation };
}

/** The customer opens their chats (with one business number, or all): read statuses follow. */
export function customerReads(ctx: SandboxContext, waId: string, phoneNumberId?: string): number {
  return ctx.customers
    .ofCustomer(waId)
    .filter((c) => !phoneNumberId || c.phoneNumberId === phoneNumberId)
    .reduce((sum, conversation) => sum + ctx.statuses.customerRead(conversation), 0);
}
