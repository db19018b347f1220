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
});

export const listMessagesQuerySchema = pageQuerySchema;

export const agentMessageSchema = z.object({
  text: z.string().trim().min(1, 'escreva a mensagem').max(4096),
  /** Made by the client, so a retried request (flaky network) does not send twice. */
  clientMessageId: z.uuid().optional(),
});

export const transferSchema = z
  .object({
    departmentId: z.uuid().optional(),
    agentId: z.uuid().optional(),
    note: z.string().trim().min(1).max(1000).optional(),
  })
  .refine((t) => t.departmentId || t.agentId, { message: 'escolha um departamento ou um atendente', path: ['departmentId'] });
export type TransferInput = z.infer<typeof transferSchema>;

export const assignSchema = z.object({ agentId: z.uuid() });
