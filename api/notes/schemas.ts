import { z } from 'zod';
import { pageQuerySchema } from '../http/pagination';

export const listNotesQuerySchema = pageQuerySchema;

export const createNoteSchema = z.object({
  body: z.string().trim().min(1, 'escreva a nota').max(4000, 'a nota pode ter até 4000 caracteres'),
});

export type CreateNoteInput = z.infer<typeof createNoteSchema>;
