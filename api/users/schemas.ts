import { z } from 'zod';
import { passwordSchema } from '../auth/passwords';
import { roleSchema } from '../auth/tokens';
import { pageQuerySchema } from '../http/pagination';

export const presenceSchema = z.enum(['ONLINE', 'AWAY', 'OFFLINE']);

const userFields = {
  name: z.string().trim().min(2, 'o nome precisa de pelo menos 2 caracteres').max(120),
  email: z.email('informe um e-mail válido').max(254).transform((v) => v.toLowerCase()),
  role: roleSchema,
  maxConcurrentChats: z.number().int().min(1).max(100),
  departmentIds: z.array(z.uuid()).max(100),
};

export const createUserSchema = z.object({
  ...userFields,
  password: passwordSchema,
  role: userFields.role.default('AGENT'),
  maxConcurrentChats: userFields.maxConcurrentChats.default(5),
  departmentIds: userFields.departmentIds.default([]),
});

export const updateUserSchema = z
  .object({ ...userFields, active: z.boolean(), password: passwordSchema })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'informe ao menos um campo para alterar');

export const listUsersQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  role: roleSchema.optional(),
  departmentId: z.uuid().optional(),
  active: z.stringbool().optional(),
});

export const presenceUpdateSchema = z.object({ status: presenceSchema });

export type CreateUserInput = z.infer<typeof createUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
