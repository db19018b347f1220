import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { z } from 'zod';
import { AppError } from '../errors';

export const roleSchema = z.enum(['ADMIN', 'SUPERVISOR', 'AGENT', 'VIEWER']);
export type Role = z.infer<typeof roleSchema>;

const accessClaimsSchema = z.object({ sub: z.uuid(), cid: z.uuid(), role: roleSchema });
export type AccessClaims = z.infer<typeof accessClaimsSchema>;

export interface Principal {
  userId: string;
  companyId: string;
  role: Role;
}

const ISSUER = 'orquestra';

export function createTokenService(options: { secret: string; accessTtlSeconds: number }) {
  const key = new TextEncoder().encode(options.secret);
  return {
    async signAccess(principal: Principal): Promise<string> {
      return new SignJWT({ cid: principal.companyId, role: principal.role })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(principal.userId)
        .setIssuer(ISSUER)
        .setIssuedAt()
        .setExpirationTime(`${options.accessTtlSeconds}s`)
        .sign(key);
    },
    async verifyAccess(token: string): Promise<Principal> {
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ['HS256'] });
        const claims = accessClaimsSchema.parse(payload);
        return { userId: claims.sub, companyId: claims.cid, role: claims.role };
      } catch (error) {
        if (error instanceof joseErrors.JWTExpired) throw new AppError('TOKEN_EXPIRED', 'Sessão expirada: renove o token');
        throw new AppError('UNAUTHENTICATED', 'Token de acesso inválido');
      }
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;

export const newRefreshToken = () => randomBytes(32).toString('base64url');
export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest('hex');
