import { z } from 'zod';
import { pageQuerySchema } from '../http/pagination';

const statusSchema = z.enum(['BOT', 'QUEUED', 'ASSIGNED', 'RESOLVED']);

export const listConversationsQuerySchema = pageQuerySchema.extend({
  /** One status or several, comma separated: `QUEUED,ASSIGNED`. */
  status: z
    .string()
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(statusSchema).min(1))
    .optional(),
  departmentId: z.uuid().optional(),
  assigneeId: z.union([z.uuid(), z.literal('me')]).optional(),
  numberId: z.uuid().optional(),
  /** A customer's earlier conversations, for the customer panel. */
  contactId: z.uuid().optional(),
  q: z.string().max(100).optional(),
  /** Conversations started within [from, to]: ISO dates or date-times. */
  from: z.coerce.date({ error: 'use uma data ISO, como 2026-11-01' }).optional(),
  to: z.coerce.date({ error: 'use uma data ISO, como 2026-11-30' }).optional(),
});

export const listMessagesQuerySchema = pageQuerySchema;

/**
 * A JSON column shown to agents as label → text (the bot's captured variables, a contact's custom
 * fields): hand-edited rows may hold numbers, nulls or nested objects, which must not break the screen.
 */
export const shownFieldsSchema = z
  .record(z.string(), z.unknown())
  .catch({})
  .transform((fields) =>
    Object.fromEntries(
      Object.entries(fields).flatMap(([key, value]): [string, string][] =>
        typeof value === 'string' ? (value ? [[key, value]] : []) : typeof value === 'number' || typeof value === 'boolean' ? [[key, String(value)]] : [],
      ),
    ),
  );

/** WhatsApp refuses template values with line breaks, tabs or runs of more than four spaces. */
const templateValue = z
  .string()
  .trim()
  .min(1, 'preencha todas as variáveis do modelo')
  .max(1024, 'cada variável do modelo tem no máximo 1024 caracteres')
  .refine((v) => !/[\n\t]| {5}/.test(v), 'uma variável do modelo não pode ter quebra de linha, tabulação nem mais de quatro espaços seguidos');

export const agentMessageSchema = z
  .object({
    /** The message, or the caption of the attached file. */
    text: z.string().trim().max(4096).default(''),
    /** A file uploaded with POST /api/media. */
    mediaId: z.uuid().optional(),
    /** An approved template of the conversation's number: what may still go once the 24-hour window has closed. */
    template: z.object({ templateId: z.uuid('modelo inválido'), parameters: z.array(templateValue).max(100).default([]) }).optional(),
    /** Made by the client, so a retried request (flaky network) does not send twice. */
    clientMessageId: z.uuid().optional(),
  })
  .refine((m) => m.text.length > 0 || m.mediaId || m.template, { message: 'escreva a mensagem', path: ['text'] })
  .refine((m) => !m.template || (!m.text && !m.mediaId), { message: 'um modelo vai sozinho, sem texto nem arquivo', path: ['template'] })
  .refine((m) => !m.mediaId || m.text.length <= 1024, { message: 'a legenda de um arquivo tem no máximo 1024 caracteres', path: ['text'] });
export type AgentMessageInput = z.infer<typeof agentMessageSchema> & { clientMessageId: string };

export const transferSchema = z
  .object({
    departmentId: z.uuid().optional(),
    agentId: z.uuid().optional(),
    note: z.string().trim().min(1).max(1000).optional(),
  })
  .refine((t) => t.departmentId || t.agentId, { message: 'escolha um departamento ou um atendente', path: ['departmentId'] });
export type TransferInput = z.infer<typeof transferSchema>;

export const assignSchema = z.object({ agentId: z.uuid() });
