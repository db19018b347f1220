import { z } from 'zod';

const upper = z.string().transform((value) => value.toUpperCase());

/**
 * Components as Graph returns them (developers.facebook.com/docs/whatsapp/business-management-api/message-templates/components);
 * buttons and other fields pass through untouched.
 */
export const templateComponentsSchema = z.array(z.looseObject({ type: upper, format: upper.optional(), text: z.string().optional() })).catch([]);
export type TemplateComponents = z.infer<typeof templateComponentsSchema>;

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
