import type { Request, RequestHandler } from 'express';
import type { Db } from '../../prisma/client';
import { scopedDb, type ScopedDb } from '../db/scoped';
import { AppError } from '../errors';
import type { Principal, Role, TokenService } from './tokens';

export interface RequestContext {
  principal: Principal;
  db: ScopedDb;
  ip: string;
  requestId: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    context?: RequestContext;
  }
}

/**
 * Verifies the bearer token, then re-reads the user so that a deactivated account or a changed role
 * takes effect on the very next request rather than when the access token expires.
 */
export function authenticate(db: Db, tokens: TokenService): RequestHandler {
  return async (req, _res, next) => {
    try {
      const header = req.headers.authorization;
      if (!header?.startsWith('Bearer ')) throw new AppError('UNAUTHENTICATED', 'Faça login para continuar');
      const claims = await tokens.verifyAccess(header.slice('Bearer '.length));
      const user = await db.user.findFirst({
        where: { id: claims.userId, companyId: claims.companyId, active: true },
        select: { id: true, companyId: true, role: true },
      });
      if (!user) throw new AppError('UNAUTHENTICATED', 'Usuário inativo ou inexistente');
      req.context = {
        principal: { userId: user.id, companyId: user.companyId, role: user.role },
        db: scopedDb(db, user.companyId),
        ip: req.ip ?? '',
        requestId: String(req.id ?? ''),
      };
      next();
    } catch (error) {
      next(error);
    }
  };
}

export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    const role = req.context?.principal.role;
    if (!role) return next(new AppError('UNAUTHENTICATED', 'Faça login para continuar'));
    if (!roles.includes(role)) return next(new AppError('FORBIDDEN', 'Seu perfil não tem permissão para esta ação'));
    next();
  };
}

export function contextOf(req: Request): RequestContext {
  if (!req.context) throw new AppError('UNAUTHENTICATED', 'Faça login para continuar');
  return req.context;
}
