import { z } from 'zod';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use o formato HH:MM');

const intervalSchema = z
  .object({ start: time, end: time })
  .refine((i) => i.start < i.end, { message: 'o horário final precisa ser depois do inicial', path: ['end'] });

export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** Opening hours per weekday in the department's time zone; a day without intervals is closed. */
export const businessHoursSchema = z.object({
  timezone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'fuso horário desconhecido').default('America/Sao_Paulo'),
  days: z.object(Object.fromEntries(weekdays.map((d) => [d, z.array(intervalSchema).max(6).default([])])) as Record<(typeof weekdays)[number], z.ZodDefault<z.ZodArray<typeof intervalSchema>>>).partial().default({}),
});

export type BusinessHours = z.infer<typeof businessHoursSchema>;

const departmentFields = {
  name: z.string().trim().min(2, 'o nome precisa de pelo menos 2 caracteres').max(80),
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use letras minúsculas, números e hífens').max(80),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'use uma cor no formato #RRGGBB'),
  greeting: z.string().max(1000),
  responseTimeoutMinutes: z.number().int().min(1).max(1440),
  assignmentStrategy: z.enum(['MANUAL', 'ROUND_ROBIN', 'LEAST_BUSY']),
  /** Where an unanswered conversation goes after the timeout; null keeps it and only alerts supervisors. */
  escalationDepartmentId: z.uuid().nullable(),
  maxEscalations: z.number().int().min(1).max(20),
  businessHours: businessHoursSchema,
  active: z.boolean(),
  memberIds: z.array(z.uuid()).max(500),
};

export const createDepartmentSchema = z.object({
  ...departmentFields,
  slug: departmentFields.slug.optional(),
  color: departmentFields.color.default('#2563eb'),
  greeting: departmentFields.greeting.default(''),
  responseTimeoutMinutes: departmentFields.responseTimeoutMinutes.default(10),
  assignmentStrategy: departmentFields.assignmentStrategy.default('MANUAL'),
  escalationDepartmentId: departmentFields.escalationDepartmentId.default(null),
  maxEscalations: departmentFields.maxEscalations.default(3),
  businessHours: businessHoursSchema.default({ timezone: 'America/Sao_Paulo', days: {} }),
  active: departmentFields.active.default(true),
  memberIds: departmentFields.memberIds.default([]),
});

export const updateDepartmentSchema = z
  .object(departmentFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'informe ao menos um campo para alterar');

export const setMembersSchema = z.object({ userIds: departmentFields.memberIds });

export type CreateDepartmentInput = z.infer<typeof createDepartmentSchema>;
export type UpdateDepartmentInput = z.infer<typeof updateDepartmentSchema>;

/** "Laboratório" → "laboratorio": slugs are ASCII so they survive URLs and logs. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}
