import { z } from 'zod';
import { outboundAllowListSchema } from '../activities/outbound/destinationPolicy';
import { checkProviderEnv, providerEnvSchema } from '../activities/whatsapp/providerConfig';
import { secretsEncryptionKeysSchema } from '../api/secrets/encryptionKeys';
import { formatEnvError } from './env';

export const TASK_QUEUE = 'orquestra';

const workerEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgresql:// URL' }),
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default(TASK_QUEUE),
  WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().positive().default(100),
  WORKER_DB_POOL_SIZE: z.coerce.number().int().positive().default(20),
  /** The API's MEDIA_DIR: agents' attachments are read from it when sent. */
  MEDIA_DIR: z.string().default('data/media'),
  /** The API's key ring: the worker decrypts the company secrets flows use. */
  SECRETS_ENCRYPTION_KEYS: secretsEncryptionKeysSchema,
  OUTBOUND_ALLOWED_HOSTS: outboundAllowListSchema,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export const workerConfigSchema = workerEnvSchema.extend(providerEnvSchema.shape).superRefine(checkProviderEnv);

export type WorkerConfig = z.infer<typeof workerConfigSchema>;

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const parsed = workerConfigSchema.safeParse(env);
  if (!parsed.success) throw new Error(formatEnvError('worker', parsed.error));
  return parsed.data;
}
