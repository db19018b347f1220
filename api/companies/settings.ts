import { z } from 'zod';

/** Company-wide preferences kept in Company.settings; absent keys take these defaults. */
export const companySettingsSchema = z.object({
  /** Prefix agents' messages with "*Nome - Departamento*:" so the customer knows who answers. */
  agentMessagePrefix: z.boolean().default(false),
  /** Silence after which an attended conversation closes itself; 0 never closes it. */
  inactivityCloseMinutes: z.number().int().min(0).max(10_080).default(0),
  inactivityCloseText: z.string().trim().min(1).max(1000).default('Como não tivemos retorno, encerramos este atendimento. Se precisar, é só mandar uma nova mensagem!'),
  outOfHoursText: z
    .string()
    .trim()
    .min(1)
    .max(1000)
    .default('Estamos fora do horário de atendimento. Sua mensagem ficou na fila e responderemos assim que abrirmos.'),
  /** A customer attended within this many days is offered their last department; 0 never offers it. */
  returningCustomerDays: z.number().int().min(0).max(365).default(30),
  /** An OpenAI-compatible API (`…/v1`) for the flows' AI blocks; unset keeps them off. */
  aiBaseUrl: z.url('informe a URL da API (ex.: https://api.openai.com/v1)').nullable().default(null),
  aiModel: z.string().trim().min(1).max(100).default('gpt-4o-mini'),
  /** The company secret holding the API key (Configurações → Segredos). */
  aiApiKeySecret: z.string().regex(/^\w{1,64}$/, 'nome de segredo inválido').nullable().default(null),
});

export type CompanySettings = z.infer<typeof companySettingsSchema>;

type Shape = typeof companySettingsSchema.shape;
/** Each setting optional and without its default: a PATCH of one setting must not reset the others. */
const changeableShape = Object.fromEntries(Object.entries(companySettingsSchema.shape).map(([key, field]) => [key, field.unwrap().optional()])) as {
  [K in keyof Shape]: z.ZodOptional<ReturnType<Shape[K]['unwrap']>>;
};
export const updateCompanySettingsSchema = z.object(changeableShape).refine((v) => Object.keys(v).length > 0, 'informe ao menos uma configuração para alterar');

/** Stored settings are trusted only as far as the schema: a bad or old value falls back to its default. */
export function readCompanySettings(stored: unknown): CompanySettings {
  const raw = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const settings = companySettingsSchema.parse({});
  for (const key of Object.keys(companySettingsSchema.shape) as (keyof CompanySettings)[]) {
    const field = companySettingsSchema.shape[key].safeParse(raw[key]);
    if (field.success) Object.assign(settings, { [key]: field.data });
  }
  return settings;
}
