import { z } from 'zod';

const name = z.string().trim().min(2, 'o nome precisa de pelo menos 2 caracteres').max(80);
/**
 * A draft is whatever the builder has drawn so far, checked only when published: an object with
 * nodes and edges, bounded in size so autosave cannot store anything.
 */
const draft = z.looseObject({ nodes: z.array(z.unknown()).max(500), edges: z.array(z.unknown()).max(2000) });

export const createFlowSchema = z.object({ name, draft: draft.optional(), isDefault: z.boolean().default(false) });
export const updateFlowSchema = z
  .object({ name, draft, isDefault: z.literal(true) })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'informe ao menos um campo para alterar');
export const publishFlowSchema = z.object({ note: z.string().trim().max(500).optional() });
export const rollbackFlowSchema = z.object({ versionId: z.uuid() });

export type CreateFlowInput = z.infer<typeof createFlowSchema>;
export type UpdateFlowInput = z.infer<typeof updateFlowSchema>;
