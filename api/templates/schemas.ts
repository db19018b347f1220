import { z } from 'zod';
import { templateComponentsSchema } from './templateText';

export const templateStatuses = ['PENDING', 'APPROVED', 'REJECTED', 'PAUSED', 'DISABLED'] as const;

export const listTemplatesQuerySchema = z.object({
  numberId: z.uuid('número inválido').optional(),
  status: z.enum(templateStatuses).optional(),
  q: z.string().trim().max(100, 'a busca pode ter até 100 caracteres').optional(),
});

export const syncTemplatesSchema = z.object({ numberId: z.uuid('número inválido') });

/** A template as screens get it: the composer renders its components and asks for its body's values. */
export const templateViewSchema = z.object({
  id: z.uuid(),
  numberId: z.uuid(),
  name: z.string(),
  language: z.string(),
  category: z.string(),
  status: z.enum(templateStatuses),
  components: templateComponentsSchema,
});

export type ListTemplatesQuery = z.infer<typeof listTemplatesQuerySchema>;
export type TemplateView = z.infer<typeof templateViewSchema>;
