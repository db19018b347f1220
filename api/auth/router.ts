import { Router, type CookieOptions, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import type { RateLimits } from '../http/rateLimits';
import { parseBody } from '../http/validate';
import { authenticate, contextOf } from './authenticate';
import { passwordSchema } from './passwords';
import { changePassword, login, logout, me, refresh, type ClientInfo } from './session';

const REFRESH_COOKIE = 'orq_refresh';

const loginSchema = z.object({ email: z.email('informe um e-mail válido').max(254), password: z.string().min(1, 'informe a senha').max(128) });
const refreshSchema = z.object({ refreshToken: z.string().min(1).optional() });
const changePasswordSchema = z.object({ currentPassword: z.string().min(1, 'informe a senha atual'), newPassword: passwordSchema });

const clientOf = (req: Request): ClientInfo => ({ ip: req.ip ?? '', userAgent: req.headers['user-agent'], requestId: String(req.id ?? '') });

export function authRouter(deps: AppDeps, limits: RateLimits) {
  const router = Router();
  const cookieOptions: CookieOptions = {
    httpOnly: true,
    sameSite: 'strict',
    secure: deps.config.NODE_ENV === 'production',
    path: '/api/auth',
    maxAge: deps.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000,
  };
  // Browsers keep the refresh token in an httpOnly cookie; API clients may send it in the body instead.
  const presentedToken = (req: Request) => parseBody(refreshSchema, req).refreshToken ?? (req.cookies?.[REFRESH_COOKIE] as string | undefined);
  const respondWithSession = (res: Response, session: { refreshToken: string; accessToken: string; expiresIn: number; user: unknown }) => {
    const { refreshToken, ...body } = session;
    res.cookie(REFRESH_COOKIE, refreshToken, cookieOptions);
    res.json(body);
  };

  router.post('/login', limits.login, async (req, res) => {
    respondWithSession(res, await login(deps, parseBody(loginSchema, req), clientOf(req)));
  });
  router.post('/refresh', async (req, res) => {
    respondWithSession(res, await refresh(deps, presentedToken(req), clientOf(req)));
  });
  router.post('/logout', async (req, res) => {
    await logout(deps, presentedToken(req), clientOf(req));
    res.clearCookie(REFRESH_COOKIE, { ...cookieOptions, maxAge: undefined });
    res.status(204).end();
  });
  router.get('/me', authenticate(deps.db, deps.tokens), async (req, res) => {
    res.json(await me(deps.db, contextOf(req).principal));
  });
  router.post('/password', authenticate(deps.db, deps.tokens), async (req, res) => {
    respondWithSession(res, await changePassword(deps, contextOf(req).principal, parseBody(changePasswordSchema, req), clientOf(req)));
  });
  return router;
}
