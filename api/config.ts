import { z } from 'zod';
import { checkProviderEnv, providerEnvSchema } from '../activities/whatsapp/providerConfig';
import { TASK_QUEUE } from '../temporal/config';
import { secretsEncryptionKeysSchema } from './secrets/encryptionKeys';
import { formatEnvError } from '../temporal/env';

const duration = z.coerce.number().int().positive();

const apiEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgresql:// URL' }),
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default(TASK_QUEUE),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  SECRETS_ENCRYPTION_KEYS: secretsEncryptionKeysSchema,
  ACCESS_TOKEN_TTL_SECONDS: duration.default(900),
  REFRESH_TOKEN_TTL_DAYS: duration.default(30),
  TRUST_PROXY: z.stringbool().default(false),
  RATE_LIMIT_PER_IP_PER_MINUTE: duration.default(600),
  RATE_LIMIT_PER_USER_PER_MINUTE: duration.default(300),
  LOGIN_ATTEMPTS_PER_15_MINUTES: duration.default(10),
  WEB_DIST_DIR: z.string().default('web/dist'),
  PASSWORD_RESET_EXPIRY_SECONDS: duration.default(86_400),
  WHATSAPP_APP_SECRET: z.string().min(8, 'must be the Meta app secret (at least 8 characters)'),
  WHATSAPP_VERIFY_TOKEN: z.string().min(8, 'must be the webhook verify token (at least 8 characters)'),
  WEBHOOK_REDRIVE_INTERVAL_MS: duration.default(5000),
  WEBHOOK_PROCESSING_CONCURRENCY: duration.default(16),
  WEBHOOK_PROCESSING_BACKLOG: z.coerce.number().int().min(0).default(5000),
  WEBHOOK_INTAKE_POOL_SIZE: duration.default(4),
  WEBHOOK_BURST_PER_SECOND: duration.default(400),
  WEBHOOK_REDRIVE_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' }).optional(),
  MEDIA_DIR: z.string().default('data/media'),
  /** How long after someone's last tab closes they count as OFFLINE (reloads and flaky networks stay ONLINE). */
  PRESENCE_OFFLINE_GRACE_MS: z.coerce.number().int().min(0).default(30_000),
  WAHA_BASE_URL: z.url().optional(),
  WAHA_API_KEY: z.string().min(1).optional(),
  WAHA_WEBHOOK_HMAC_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  WAHA_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export const apiConfigSchema = apiEnvSchema
  .extend(providerEnvSchema.shape)
  .superRefine(checkProviderEnv)
  .superRefine((env, ctx) => {
    // An unsigned WAHA webhook in production would let anyone inject customer messages.
    if (env.NODE_ENV === 'production' && env.WAHA_BASE_URL && !env.WAHA_WEBHOOK_HMAC_KEY) {
      ctx.addIssue({ code: 'custom', path: ['WAHA_WEBHOOK_HMAC_KEY'], message: 'is required in production when WAHA_BASE_URL is set' });
    }
  });

export type ApiConfig = z.infer<typeof apiConfigSchema>;

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const parsed = apiConfigSchema.safeParse(env);
  if (!parsed.success) throw new Error(formatEnvError('api', parsed.error));
  return parsed.data;
}
