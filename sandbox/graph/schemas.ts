import { z } from 'zod';
import { GraphError, metaError, type MetaErrorCode } from './errors';

/**
 * The request bodies of `POST /{phone-number-id}/messages`, one schema per message `type`, validated the
 * way Meta does: limits Meta enforces synchronously are checked here and answered with Meta's codes
 * (100, 131008, 131009) and, where known, Meta's own wording in `error_data.details`.
 * https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages
 */

const INVALID_VALUE = { metaCode: 131009 } as const;

type Issue = z.core.$ZodRawIssue;

function limitIssue(issues: Issue[], input: unknown, message: string) {
  issues.push({ code: 'custom', input, message, params: INVALID_VALUE });
}

const mediaObject = z
  .object({
    id: z.string().min(1).optional(),
    link: z.url({ protocol: /^https?$/ }).optional(),
    caption: z.string().max(1024).optional(),
    filename: z.string().min(1).max(240).optional(),
  })
  .check((ctx) => {
    if (Boolean(ctx.value.id) === Boolean(ctx.value.link)) {
      ctx.issues.push({ code: 'custom', input: ctx.value, message: "must contain exactly one of 'id' or 'link'" });
    }
  });

const textMessage = z.object({
  type: z.literal('text'),
  text: z.object({ body: z.string().min(1).max(4096), preview_url: z.boolean().optional() }),
});

const parameter = z.looseObject({
  type: z.enum(['text', 'currency', 'date_time', 'image', 'document', 'video', 'location', 'payload', 'coupon_code', 'action']),
  text: z.string().optional(),
  parameter_name: z.string().optional(),
  payload: z.string().optional(),
});

// https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-message-templates
const templateMessage = z.object({
  type: z.literal('template'),
  template: z.object({
    name: z.string().min(1).max(512),
    language: z.object({ code: z.string().min(1), policy: z.literal('deterministic').optional() }),
    components: z
      .array(
        z.looseObject({
          type: z.preprocess((v) => (typeof v === 'string' ? v.toLowerCase() : v), z.enum(['header', 'body', 'button', 'carousel', 'limited_time_offer'])),
          sub_type: z.string().optional(),
          index: z.union([z.string(), z.number()]).optional(),
          parameters: z.array(parameter).default([]),
        }),
      )
      .optional(),
  }),
});

const mediaMessage = <T extends 'image' | 'audio' | 'video' | 'document' | 'sticker'>(type: T) =>
  z.object({ type: z.literal(type), [type]: mediaObject }) as z.ZodObject<{ type: z.ZodLiteral<T> } & Record<T, typeof mediaObject>>;

const locationMessage = z.object({
  type: z.literal('location'),
  location: z.object({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    name: z.string().max(1000).optional(),
    address: z.string().max(1000).optional(),
  }),
});

const reactionMessage = z.object({
  type: z.literal('reaction'),
  // An empty emoji removes a previous reaction.
  reaction: z.object({ message_id: z.string().min(1), emoji: z.string() }),
});

const contactsMessage = z.object({
  type: z.literal('contacts'),
  contacts: z.array(z.looseObject({ name: z.looseObject({ formatted_name: z.string().min(1) }) })).min(1),
});

const interactiveHeader = z.looseObject({
  type: z.enum(['text', 'image', 'video', 'document']),
  text: z.string().optional(),
  image: mediaObject.optional(),
  video: mediaObject.optional(),
  document: mediaObject.optional(),
});

// https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-reply-buttons-messages
// https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-list-messages
const interactiveMessage = z.object({
  type: z.literal('interactive'),
  interactive: z
    .object({
      type: z.enum(['button', 'list', 'cta_url', 'location_request_message']),
      header: interactiveHeader.optional(),
      body: z.object({ text: z.string() }).optional(),
      footer: z.object({ text: z.string() }).optional(),
      action: z.looseObject({
        buttons: z.array(z.looseObject({ type: z.literal('reply').optional(), reply: z.object({ id: z.string(), title: z.string() }) })).optional(),
        button: z.string().optional(),
        sections: z
          .array(z.object({ title: z.string().optional(), rows: z.array(z.object({ id: z.string(), title: z.string(), description: z.string().optional() })) }))
          .optional(),
        name: z.string().optional(),
        parameters: z.looseObject({ display_text: z.string().optional(), url: z.string().optional() }).optional(),
      }),
    })
    .check((ctx) => {
      const { type, header, body, footer, action } = ctx.value;
      const issues = ctx.issues;
      const input = ctx.value;
      if (type !== 'location_request_message' || body) {
        if (!body) issues.push({ code: 'custom', input, path: ['body'], message: 'is required', params: { metaCode: 131008 } });
        else if (body.text.length < 1 || body.text.length > 1024) limitIssue(issues, input, 'Body text length invalid. Min length: 1, Max length: 1024');
      }
      if (header?.type === 'text' && (!header.text || header.text.length > 60)) limitIssue(issues, input, 'Header text length invalid. Min length: 1, Max length: 60');
      if (footer && (footer.text.length < 1 || footer.text.length > 60)) limitIssue(issues, input, 'Footer text length invalid. Min length: 1, Max length: 60');

      if (type === 'button') {
        const buttons = action.buttons ?? [];
        if (buttons.length < 1 || buttons.length > 3) return limitIssue(issues, input, 'Invalid buttons count. Min allowed buttons: 1, Max allowed buttons: 3');
        for (const { reply } of buttons) {
          if (reply.title.length < 1 || reply.title.length > 20) limitIssue(issues, input, 'Button title length invalid. Min length: 1, Max length: 20');
          if (reply.id.length < 1 || reply.id.length > 256) limitIssue(issues, input, 'Button id length invalid. Min length: 1, Max length: 256');
        }
        if (new Set(buttons.map((b) => b.reply.title)).size !== buttons.length) limitIssue(issues, input, 'Button titles must be unique within the message');
        if (new Set(buttons.map((b) => b.reply.id)).size !== buttons.length) limitIssue(issues, input, 'Button ids must be unique within the message');
      }

      if (type === 'list') {
        const sections = action.sections ?? [];
        const rows = sections.flatMap((s) => s.rows);
        if (!action.button || action.button.length > 20) limitIssue(issues, input, 'Button text length invalid. Min length: 1, Max length: 20');
        if (sections.length < 1 || sections.length > 10) return limitIssue(issues, input, 'Invalid sections count. Min allowed sections: 1, Max allowed sections: 10');
        if (rows.length > 10) limitIssue(issues, input, 'Total row count exceed max allowed count: 10');
        for (const section of sections) {
          if (section.rows.length < 1) limitIssue(issues, input, 'Each section must have at least one row');
          if (sections.length > 1 && !section.title) limitIssue(issues, input, 'Section title is required when there is more than one section');
          if (section.title && section.title.length > 24) limitIssue(issues, input, 'Section title is too long. Max length is 24');
        }
        for (const row of rows) {
          if (row.title.length < 1 || row.title.length > 24) limitIssue(issues, input, 'Row title is too long. Max length is 24');
          if (row.id.length < 1 || row.id.length > 200) limitIssue(issues, input, 'Row id is too long. Max length is 200');
          if (row.description && row.description.length > 72) limitIssue(issues, input, 'Row description is too long. Max length is 72');
        }
        if (new Set(rows.map((r) => r.id)).size !== rows.length) limitIssue(issues, input, 'Row ids must be unique within the message');
      }

      if (type === 'cta_url') {
        const text = action.parameters?.display_text ?? '';
        if (action.name !== 'cta_url') limitIssue(issues, input, "action name must be 'cta_url'");
        if (text.length < 1 || text.length > 20) limitIssue(issues, input, 'Display text length invalid. Min length: 1, Max length: 20');
        if (!URL.canParse(action.parameters?.url ?? '')) limitIssue(issues, input, 'Invalid url');
      }
    }),
});

const messageBodies = z.discriminatedUnion('type', [
  textMessage,
  templateMessage,
  mediaMessage('image'),
  mediaMessage('audio'),
  mediaMessage('video'),
  mediaMessage('document'),
  mediaMessage('sticker'),
  locationMessage,
  reactionMessage,
  contactsMessage,
  interactiveMessage,
]);

export const SEND_TYPES = ['text', 'template', 'image', 'audio', 'video', 'document', 'sticker', 'location', 'reaction', 'contacts', 'interactive'] as const;

const envelope = z.object({
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.literal('individual').optional(),
  to: z.string().min(1),
  context: z.object({ message_id: z.string().min(1) }).optional(),
  biz_opaque_callback_data: z.string().max(512).optional(),
});

export const sendMessageSchema = z.intersection(envelope, messageBodies);
export type SendMessageRequest = z.infer<typeof sendMessageSchema>;

export const markReadSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  status: z.literal('read'),
  message_id: z.string().min(1),
  typing_indicator: z.object({ type: z.literal('text') }).optional(),
});

/** Graph-style parameter paths: `interactive['action']['buttons'][0]`. */
function graphPath(path: readonly PropertyKey[]): string {
  const [head, ...rest] = path;
  return `${String(head ?? 'body')}${rest.map((key) => (typeof key === 'number' ? `[${key}]` : `['${String(key)}']`)).join('')}`;
}

/** Readable endings for "Param <path> …", in Meta's phrasing. */
function describe(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be of type ${issue.expected}`;
    case 'too_big':
      return issue.origin === 'string' ? `must be at most ${issue.maximum} characters long` : `must be at most ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'string' ? `must be at least ${issue.minimum} characters long` : `must be at least ${issue.minimum}`;
    case 'invalid_value':
      if (issue.input === undefined) return 'is required';
      return `must be one of {${issue.values.map(String).join(', ')}}`;
    case 'invalid_format':
      return `must be a valid ${issue.format}`;
    case 'invalid_union':
      return 'is not valid';
    default:
      return undefined;
  }
}

function toGraphError(error: z.ZodError): GraphError {
  const issue = error.issues[0]!;
  const metaCode = (issue as { params?: { metaCode?: MetaErrorCode } }).params?.metaCode;
  if (metaCode === 131009) return metaError(131009, issue.message);
  const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_value') && (issue as { input?: unknown }).input === undefined;
  const path = graphPath(issue.path);
  if (missing || metaCode === 131008) {
    // Meta answers a missing top-level field with 100 and a missing nested one with 131008.
    return issue.path.length <= 1 ? metaError(100, `The parameter ${path} is required.`) : metaError(131008, `The parameter ${path} is required.`);
  }
  return metaError(100, `Param ${path} ${issue.message}`);
}

export function parseGraphBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body, { reportInput: true, error: describe });
  if (!parsed.success) throw toGraphError(parsed.error);
  return parsed.data;
}
