import { z } from 'zod';

// Imported by the web form as well: the rules (and their pt-BR messages) are written once, here.

export const providers = ['META', 'WAHA'] as const;
export type NumberProvider = (typeof providers)[number];

/** Meta's Cloud API allows 80 messages per second by default and up to 1,000 on an upgraded number. */
export const THROUGHPUT_MAX = 1000;

/** Forms send '' for "none"; the API stores null. */
const emptyAsNull = <S extends z.ZodType<string>>(schema: S) =>
  z
    .union([z.literal(''), schema])
    .nullable()
    .transform((value) => value || null);

const numberFields = {
  name: z.string().trim().min(2, 'o nome precisa de pelo menos 2 caracteres').max(80, 'o nome pode ter até 80 caracteres'),
  displayPhoneNumber: z
    .string()
    .trim()
    .regex(/^\+?[\d\s().-]{8,24}$/, 'use o número com DDI e DDD, como +55 11 3000-0000')
    .refine((value) => value.replace(/\D/g, '').length >= 10, 'use o número com DDI e DDD, como +55 11 3000-0000'),
  /** Meta's phone_number_id, or the WAHA session name: what webhooks name and sends address. */
  phoneNumberId: z.string().trim().min(1, 'informe o ID do número').max(64, 'o ID pode ter até 64 caracteres'),
  wabaId: emptyAsNull(z.string().trim().regex(/^\d{1,32}$/, 'o ID da conta (WABA) tem só números')),
  provider: z.enum(providers, 'escolha Meta (Cloud API) ou WAHA'),
  throughputPerSecond: z
    .number('informe quantas mensagens por segundo')
    .int('use um número inteiro')
    .min(1, 'pelo menos 1 mensagem por segundo')
    .max(THROUGHPUT_MAX, `no máximo ${THROUGHPUT_MAX} mensagens por segundo`),
  /** The bot flow that answers the number; null runs the company's default flow. */
  flowId: emptyAsNull(z.uuid('fluxo inválido')),
  active: z.boolean(),
};

type Identity = { provider?: NumberProvider; phoneNumberId?: string };

/** Meta names numbers by digits; WAHA by the session name chosen on its server. */
export function checkIdentity(value: Identity, ctx: z.RefinementCtx) {
  if (value.phoneNumberId === undefined) return;
  const ok = value.provider === 'WAHA' ? /^[\w-]+$/.test(value.phoneNumberId) : /^\d+$/.test(value.phoneNumberId);
  if (!ok) {
    const message = value.provider === 'WAHA' ? 'o nome da sessão do WAHA usa só letras sem acento, números, "-" ou "_"' : 'o ID do número na Meta (phone_number_id) tem só números';
    ctx.addIssue({ code: 'custom', path: ['phoneNumberId'], message });
  }
}

export const createNumberSchema = z
  .object({
    ...numberFields,
    wabaId: numberFields.wabaId.default(null),
    provider: numberFields.provider.default('META'),
    throughputPerSecond: numberFields.throughputPerSecond.default(80),
    flowId: numberFields.flowId.default(null),
    active: numberFields.active.default(true),
  })
  .superRefine(checkIdentity);

export const updateNumberSchema = z
  .object(numberFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'informe ao menos um campo para alterar');

export const assignFlowSchema = z.object({ flowId: z.uuid('fluxo inválido').nullable() });

export type CreateNumberInput = z.infer<typeof createNumberSchema>;
export type UpdateNumberInput = z.infer<typeof updateNumberSchema>;
