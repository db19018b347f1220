import { z } from 'zod';

const quickReplyFields = {
  /** What the agent types after "/" in the composer. */
  shortcut: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'use até 32 letras minúsculas sem acento, números, "-" ou "_", começando por letra ou número'),
  title: z.string().trim().min(1, 'informe um título').max(80, 'o título pode ter até 80 caracteres'),
  body: z.string().trim().min(1, 'escreva o texto da resposta').max(4096, 'o texto pode ter até 4096 caracteres'),
  /** Null: offered in every department. */
  departmentId: z.uuid('departamento inválido').nullable(),
};

export const createQuickReplySchema = z.object({ ...quickReplyFields, departmentId: quickReplyFields.departmentId.default(null) });

export const updateQuickReplySchema = z
  .object(quickReplyFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'informe ao menos um campo para alterar');

export const listQuickRepliesQuerySchema = z.object({
  q: z.string().trim().max(100, 'a busca pode ter até 100 caracteres').optional(),
  /** The replies usable in that department's conversations: its own and the company-wide ones. */
  departmentId: z.uuid('departamento inválido').optional(),
});

export type CreateQuickReplyInput = z.infer<typeof createQuickReplySchema>;
export type UpdateQuickReplyInput = z.infer<typeof updateQuickReplySchema>;
export type ListQuickRepliesQuery = z.infer<typeof listQuickRepliesQuerySchema>;
