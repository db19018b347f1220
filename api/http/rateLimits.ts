import { rateLimit, ipKeyGenerator, type Options } from 'express-rate-limit';
import type { ApiConfig } from '../config';
import { AppError } from '../errors';

const MINUTE = 60_000;

const common: Partial<Options> = {
  standardHeaders: 'draft-8',
  legacyHeaders: false,
  handler: (_req, _res, next, options) => {
    next(new AppError('RATE_LIMITED', 'Muitas requisições: aguarde um pouco e tente novamente', { retryAfterSeconds: Math.ceil(options.windowMs / 1000) }));
  },
};

// In-memory counters: one API instance counts alone. Behind several instances, limits are per instance
// (see README, "Scaling out").
export function createRateLimits(config: Pick<ApiConfig, 'RATE_LIMIT_PER_IP_PER_MINUTE' | 'RATE_LIMIT_PER_USER_PER_MINUTE' | 'LOGIN_ATTEMPTS_PER_15_MINUTES'>) {
  return {
    perIp: rateLimit({ ...common, windowMs: MINUTE, limit: config.RATE_LIMIT_PER_IP_PER_MINUTE, keyGenerator: (req) => ipKeyGenerator(req.ip ?? '') }),
    perUser: rateLimit({
      ...common,
      windowMs: MINUTE,
      limit: config.RATE_LIMIT_PER_USER_PER_MINUTE,
      keyGenerator: (req) => req.context?.principal.userId ?? ipKeyGenerator(req.ip ?? ''),
    }),
    // Keyed by address and email so one attacker cannot lock a colleague out from another machine,
    // and failed and successful attempts both count: a guesser gets the same budget either way.
    login: rateLimit({
      ...common,
      windowMs: 15 * MINUTE,
      limit: config.LOGIN_ATTEMPTS_PER_15_MINUTES,
      keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? '')}|${String((req.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
      skipSuccessfulRequests: true,
    }),
    passwordResetRequest: rateLimit({ ...common, windowMs: 60 * MINUTE, limit: config.LOGIN_ATTEMPTS_PER_15_MINUTES, keyGenerator: (req) => ipKeyGenerator(req.ip ?? '') }),
  };
}

export type RateLimits = ReturnType<typeof createRateLimits>;
