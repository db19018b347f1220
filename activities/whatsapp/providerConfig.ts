import { z } from 'zod';
import { createMetaProvider } from './metaProvider';
import type { WhatsAppProvider } from './provider';

const SANDBOX_DEFAULT_URL = 'http://127.0.0.1:4010';
const META_GRAPH_URL = 'https://graph.facebook.com';

/** The environment variables that choose and reach the WhatsApp provider; shared by the API and the worker. */
export const providerEnvSchema = z.object({
  WHATSAPP_PROVIDER: z.enum(['sandbox', 'meta']).default('sandbox'),
  WHATSAPP_GRAPH_URL: z.url().optional(),
  WHATSAPP_GRAPH_VERSION: z.string().regex(/^v\d+\.\d+$/, 'use the form v23.0').default('v23.0'),
  WHATSAPP_ACCESS_TOKEN: z.string().min(1).optional(),
  WHATSAPP_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
});

export type ProviderEnv = z.infer<typeof providerEnvSchema>;

/** Refinement for the process schemas: Meta needs a real token; the sandbox accepts its development one. */
export function checkProviderEnv(env: ProviderEnv, ctx: z.RefinementCtx) {
  if (env.WHATSAPP_PROVIDER === 'meta' && !env.WHATSAPP_ACCESS_TOKEN) {
    ctx.addIssue({ code: 'custom', path: ['WHATSAPP_ACCESS_TOKEN'], message: 'is required when WHATSAPP_PROVIDER=meta (a system user token of your WhatsApp Business app)' });
  }
}

/**
 * `sandbox` is the Cloud API implementation pointed at the local sandbox: switching to Meta changes
 * only these variables.
 */
export function createProviderFromEnv(env: ProviderEnv): WhatsAppProvider {
  const sandbox = env.WHATSAPP_PROVIDER === 'sandbox';
  return createMetaProvider({
    baseUrl: env.WHATSAPP_GRAPH_URL ?? (sandbox ? SANDBOX_DEFAULT_URL : META_GRAPH_URL),
    graphVersion: env.WHATSAPP_GRAPH_VERSION,
    accessToken: env.WHATSAPP_ACCESS_TOKEN ?? 'sandbox-access-token',
    timeoutMs: env.WHATSAPP_TIMEOUT_MS,
  });
}
