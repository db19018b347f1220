import { z } from 'zod';
import { formatEnvError } from '../temporal/env';
import { templateDefinitionSchema, type TemplateDefinition } from './templateSchema';

/** Shared with the API's development defaults so `npm start` works with no `.env`; never a production value. */
export const DEV_APP_SECRET = 'sandbox-app-secret';
export const DEV_ACCESS_TOKEN = 'sandbox-access-token';
export const DEFAULT_WEBHOOK_URL = 'http://127.0.0.1:4000/webhooks/whatsapp';

const digits = z.string().regex(/^\d{1,32}$/, 'must be 1 to 32 digits');
const milliseconds = z.number().int().min(0);
const probability = z.number().min(0).max(1);

export const hostedNumberSchema = z.object({
  phoneNumberId: digits,
  wabaId: digits,
  displayPhoneNumber: z.string().regex(/^\+?[\d\s().-]{5,30}$/, 'must look like a phone number, e.g. +55 11 4000-0001'),
  verifiedName: z.string().min(1).default('Orquestra Sandbox'),
});

export type HostedNumber = z.infer<typeof hostedNumberSchema>;

export const DEFAULT_NUMBER: HostedNumber = {
  phoneNumberId: '100000000000001',
  wabaId: '200000000000001',
  displayPhoneNumber: '+55 11 4000-0001',
  verifiedName: 'Orquestra Sandbox',
};

/** Every new WABA at Meta comes with this approved sample; seeding it lets a fresh sandbox send a template at once. */
export const HELLO_WORLD_TEMPLATE: TemplateDefinition = {
  name: 'hello_world',
  language: 'en_US',
  category: 'UTILITY',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Hello World' },
    {
      type: 'BODY',
      text: 'Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API, hosted by Meta. Thank you for taking the time to test with us.',
    },
    { type: 'FOOTER', text: 'WhatsApp Business Platform sample message' },
  ],
};

/** The demo's way back to a customer after 24 hours (prisma/seed.ts stores it as approved for the demo number). */
export const RETOMAR_ATENDIMENTO_TEMPLATE: TemplateDefinition = {
  name: 'retomar_atendimento',
  language: 'pt_BR',
  category: 'UTILITY',
  components: [
    { type: 'BODY', text: 'Olá, {{1}}! Estamos retomando o seu atendimento. Responda esta mensagem para continuarmos a conversa.', example: { body_text: [['Maria']] } },
  ],
};

export const faultsSchema = z.object({
  /** Customers whose messages are accepted but then fail with 131026, like a number that is not on WhatsApp. */
  failRecipients: z.array(digits).default([]),
  duplicateProbability: probability.default(0),
  reorderProbability: probability.default(0),
  /** How long a conversation's webhooks are gathered before a batch may be delivered out of order. */
  reorderWindowMs: milliseconds.default(300),
});

export type Faults = z.infer<typeof faultsSchema>;

export const sandboxOptionsSchema = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(4010),
  /** Base of the media download URLs handed to the app; defaults to the address the server listens on. */
  publicUrl: z.url().optional(),
  appSecret: z.string().min(1).default(DEV_APP_SECRET),
  webhookUrl: z.url({ protocol: /^https?$/ }),
  accessTokens: z.array(z.string().min(1)).min(1).default([DEV_ACCESS_TOKEN]),
  numbers: z
    .array(hostedNumberSchema)
    .min(1)
    .default([DEFAULT_NUMBER])
    .refine((numbers) => new Set(numbers.map((n) => n.phoneNumberId)).size === numbers.length, 'phoneNumberId values must be unique'),
  throughputPerSecond: z.number().positive().default(80),
  /** Meta: 1 message every 6 s to the same user, with bursts of up to 45 borrowed from later quota. */
  pairRate: z.object({ burst: z.number().int().positive().default(45), intervalMs: z.number().int().positive().default(6_000) }).prefault({}),
  statusDelaysMs: z
    .object({ sent: milliseconds.default(50), delivered: milliseconds.default(300), read: milliseconds.default(1_500) })
    .prefault({})
    .refine((d) => d.sent <= d.delivered && d.delivered <= d.read, 'delays must satisfy sent <= delivered <= read'),
  /** When false the simulated customer reads only when told to (control API or the phone page). */
  autoRead: z.boolean().default(false),
  templateApproval: z.object({ mode: z.enum(['auto', 'manual']).default('auto'), delayMs: milliseconds.default(2_000) }).prefault({}),
  /**
   * Cloud API accepts a free-form message outside the 24 h window and reports 131047 in a `failed`
   * status webhook; `response` answers 131047 synchronously instead, as some BSPs and older APIs do.
   */
  windowErrorDelivery: z.enum(['webhook', 'response']).default('webhook'),
  mediaUrlTtlMs: z.number().int().positive().default(5 * 60_000),
  webhookRetry: z
    .object({
      initialDelayMs: z.number().int().positive().default(1_000),
      maxDelayMs: z.number().int().positive().default(10 * 60_000),
      /** Meta keeps retrying for about a day; past this a delivery is parked, never discarded. */
      maxDurationMs: z.number().int().positive().default(24 * 60 * 60_000),
      timeoutMs: z.number().int().positive().default(10_000),
    })
    .prefault({}),
  /** Webhook requests in flight at once (each conversation still delivers one at a time, in order). */
  webhookConcurrency: z.number().int().positive().default(64),
  faults: faultsSchema.prefault({}),
  seedTemplates: z.array(templateDefinitionSchema).default([HELLO_WORLD_TEMPLATE, RETOMAR_ATENDIMENTO_TEMPLATE]),
});

export type SandboxOptionsInput = z.input<typeof sandboxOptionsSchema>;
export type SandboxConfig = z.infer<typeof sandboxOptionsSchema>;

export function parseSandboxOptions(input: SandboxOptionsInput): SandboxConfig {
  const parsed = sandboxOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(options)'}: ${issue.message}`);
    throw new Error(`Invalid sandbox options:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

function json<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

const commaList = z
  .string()
  .transform((text) => text.split(',').map((item) => item.trim()).filter(Boolean))
  .pipe(z.array(z.string().min(1)).min(1));

const envNumber = z.coerce.number();

const envSchema = z.object({
  SANDBOX_HOST: z.string().min(1).default('127.0.0.1'),
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  SANDBOX_PUBLIC_URL: z.url().optional(),
  WHATSAPP_APP_SECRET: z.string().min(1).default(DEV_APP_SECRET),
  SANDBOX_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).default(DEFAULT_WEBHOOK_URL),
  WHATSAPP_ACCESS_TOKEN: commaList.default([DEV_ACCESS_TOKEN]),
  SANDBOX_NUMBERS: json(z.array(hostedNumberSchema).min(1)).optional(),
  SANDBOX_TEMPLATES: json(z.array(templateDefinitionSchema)).optional(),
  SANDBOX_THROUGHPUT_PER_SECOND: envNumber.positive().default(80),
  SANDBOX_PAIR_BURST: envNumber.int().positive().default(45),
  SANDBOX_PAIR_INTERVAL_MS: envNumber.int().positive().default(6_000),
  SANDBOX_SENT_DELAY_MS: envNumber.int().min(0).default(50),
  SANDBOX_DELIVERED_DELAY_MS: envNumber.int().min(0).default(300),
  SANDBOX_READ_DELAY_MS: envNumber.int().min(0).default(1_500),
  SANDBOX_AUTO_READ: z.stringbool().default(false),
  SANDBOX_TEMPLATE_APPROVAL: z.enum(['auto', 'manual']).default('auto'),
  SANDBOX_TEMPLATE_APPROVAL_DELAY_MS: envNumber.int().min(0).default(2_000),
  SANDBOX_WINDOW_ERROR: z.enum(['webhook', 'response']).default('webhook'),
  SANDBOX_MEDIA_URL_TTL_MS: envNumber.int().positive().default(5 * 60_000),
  SANDBOX_WEBHOOK_RETRY_INITIAL_MS: envNumber.int().positive().default(1_000),
  SANDBOX_WEBHOOK_RETRY_MAX_DELAY_MS: envNumber.int().positive().default(10 * 60_000),
  SANDBOX_WEBHOOK_RETRY_MAX_DURATION_MS: envNumber.int().positive().default(24 * 60 * 60_000),
  SANDBOX_WEBHOOK_TIMEOUT_MS: envNumber.int().positive().default(10_000),
  SANDBOX_WEBHOOK_CONCURRENCY: envNumber.int().positive().default(64),
  SANDBOX_FAIL_RECIPIENTS: z
    .string()
    .transform((text) => text.split(',').map((item) => item.trim()).filter(Boolean))
    .pipe(z.array(digits))
    .default([]),
  SANDBOX_DUPLICATE_PROBABILITY: envNumber.min(0).max(1).default(0),
  SANDBOX_REORDER_PROBABILITY: envNumber.min(0).max(1).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface SandboxProcessConfig {
  options: SandboxConfig;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
}

/** The standalone process's configuration: every option from an environment variable, validated at once. */
export function loadSandboxConfig(env: NodeJS.ProcessEnv = process.env): SandboxProcessConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(formatEnvError('sandbox', parsed.error));
  const e = parsed.data;
  const options = parseSandboxOptions({
    host: e.SANDBOX_HOST,
    port: e.SANDBOX_PORT,
    publicUrl: e.SANDBOX_PUBLIC_URL,
    appSecret: e.WHATSAPP_APP_SECRET,
    webhookUrl: e.SANDBOX_WEBHOOK_URL,
    accessTokens: e.WHATSAPP_ACCESS_TOKEN,
    numbers: e.SANDBOX_NUMBERS,
    seedTemplates: e.SANDBOX_TEMPLATES,
    throughputPerSecond: e.SANDBOX_THROUGHPUT_PER_SECOND,
    pairRate: { burst: e.SANDBOX_PAIR_BURST, intervalMs: e.SANDBOX_PAIR_INTERVAL_MS },
    statusDelaysMs: { sent: e.SANDBOX_SENT_DELAY_MS, delivered: e.SANDBOX_DELIVERED_DELAY_MS, read: e.SANDBOX_READ_DELAY_MS },
    autoRead: e.SANDBOX_AUTO_READ,
    templateApproval: { mode: e.SANDBOX_TEMPLATE_APPROVAL, delayMs: e.SANDBOX_TEMPLATE_APPROVAL_DELAY_MS },
    windowErrorDelivery: e.SANDBOX_WINDOW_ERROR,
    mediaUrlTtlMs: e.SANDBOX_MEDIA_URL_TTL_MS,
    webhookRetry: {
      initialDelayMs: e.SANDBOX_WEBHOOK_RETRY_INITIAL_MS,
      maxDelayMs: e.SANDBOX_WEBHOOK_RETRY_MAX_DELAY_MS,
      maxDurationMs: e.SANDBOX_WEBHOOK_RETRY_MAX_DURATION_MS,
      timeoutMs: e.SANDBOX_WEBHOOK_TIMEOUT_MS,
    },
    webhookConcurrency: e.SANDBOX_WEBHOOK_CONCURRENCY,
    faults: {
      failRecipients: e.SANDBOX_FAIL_RECIPIENTS,
      duplicateProbability: e.SANDBOX_DUPLICATE_PROBABILITY,
      reorderProbability: e.SANDBOX_REORDER_PROBABILITY,
    },
  });
  return { options, logLevel: e.LOG_LEVEL };
}
