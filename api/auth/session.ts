import { randomUUID } from 'node:crypto';
import type { Db } from '../../prisma/client';
import type { ApiConfig } from '../config';
import { recordAudit } from '../audit/record';
import { AppError } from '../errors';
import { publicUserSelect, toPublicUser } from '../users/publicUser';
import { hashPassword, verifyDecoy, verifyPassword } from './passwords';
import { hashRefreshToken, newRefreshToken, type Principal, type TokenService } from './tokens';

export interface ClientInfo {
  ip: string;
  userAgent?: string;
  requestId: string;
}

interface SessionDeps {
  db: Db;
  tokens: TokenService;
  config: Pick<ApiConfig, 'ACCESS_TOKEN_TTL_SECONDS' | 'REFRESH_TOKEN_TTL_DAYS'>;
}

const DAY_MS = 86_400_000;

async function issueTokens(deps: SessionDeps, principal: Principal, familyId: string, client: ClientInfo) {
  const refreshToken = newRefreshToken();
  await deps.db.refreshToken.create({
    data: {
      companyId: principal.companyId,
      userId: principal.userId,
      familyId,
      tokenHash: hashRefreshToken(refreshToken),
      expiresAt: new Date(Date.now() + deps.config.REFRESH_TOKEN_TTL_DAYS * DAY_MS),
      ip: client.ip || null,
      userAgent: client.userAgent?.slice(0, 500) ?? null,
    },
  });
  const accessToken = await deps.tokens.signAccess(principal);
  return { accessToken, refreshToken, expiresIn: deps.config.ACCESS_TOKEN_TTL_SECONDS };
}

async function loadPublicUser(db: Db, userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: publicUserSelect });
  return toPublicUser(user);
}

const asActor = (principal: Principal, client: ClientInfo) => ({ principal, ip: client.ip, requestId: client.requestId });

export async function login(deps: SessionDeps, input: { email: string; password: string }, client: ClientInfo) {
  const user = await deps.db.user.findUnique({ where: { email: input.email.toLowerCase() } });
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : await verifyDecoy(input.password);
  if (!user || !valid || !user.active) {
    if (user) {
      const principal = { userId: user.id, companyId: user.companyId, role: user.role };
      await recordAudit(deps.db, asActor(principal, client), { action: 'auth.login_failed', entity: 'user', entityId: user.id, metadata: { reason: valid ? 'inactive' : 'password' } });
    }
    throw new AppError('INVALID_CREDENTIALS', 'E-mail ou senha incorretos');
  }
  const principal: Principal = { userId: user.id, companyId: user.companyId, role: user.role };
  const tokens = await issueTokens(deps, principal, randomUUID(), client);
  await deps.db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await recordAudit(deps.db, asActor(principal, client), { action: 'auth.login', entity: 'user', entityId: user.id });
  return { ...tokens, user: await loadPublicUser(deps.db, user.id) };
}

async function revokeFamily(db: Db, familyId: string) {
  await db.refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * Rotation: each refresh token works once. Presenting one that was already rotated means two parties
 * hold it (a stolen copy or a replay), so the whole login family is revoked and both must log in again.
 */
export async function refresh(deps: SessionDeps, presented: string | undefined, client: ClientInfo) {
  if (!presented) throw new AppError('REFRESH_TOKEN_INVALID', 'Sessão não encontrada: faça login novamente');
  const stored = await deps.db.refreshToken.findUnique({ where: { tokenHash: hashRefreshToken(presented) }, include: { user: true } });
  if (!stored) throw new AppError('REFRESH_TOKEN_INVALID', 'Sessão não encontrada: faça login novamente');
  const principal: Principal = { userId: stored.userId, companyId: stored.companyId, role: stored.user.role };
  const claimed = await deps.db.refreshToken.updateMany({
    where: { id: stored.id, rotatedAt: null, revokedAt: null },
    data: { rotatedAt: new Date() },
  });
  if (claimed.count === 0) {
    await revokeFamily(deps.db, stored.familyId);
    await recordAudit(deps.db, asActor(principal, client), { action: 'auth.refresh_reuse', entity: 'user', entityId: stored.userId, metadata: { familyId: stored.familyId } });
    throw new AppError('REFRESH_TOKEN_REUSED', 'Esta sessão foi encerrada por segurança: faça login novamente');
  }
  if (stored.expiresAt.getTime() <= Date.now() || !stored.user.active) {
    await revokeFamily(deps.db, stored.familyId);
    throw new AppError('REFRESH_TOKEN_INVALID', 'Sessão expirada: faça login novamente');
  }
  const tokens = await issueTokens(deps, principal, stored.familyId, client);
  return { ...tokens, user: await loadPublicUser(deps.db, stored.userId) };
}

export async function logout(deps: SessionDeps, presented: string | undefined, client: ClientInfo) {
  if (!presented) return;
  const stored = await deps.db.refreshToken.findUnique({ where: { tokenHash: hashRefreshToken(presented) }, include: { user: true } });
  if (!stored) return;
  await revokeFamily(deps.db, stored.familyId);
  const principal: Principal = { userId: stored.userId, companyId: stored.companyId, role: stored.user.role };
  await recordAudit(deps.db, asActor(principal, client), { action: 'auth.logout', entity: 'user', entityId: stored.userId });
}

export async function me(db: Db, principal: Principal) {
  const [user, company] = await Promise.all([
    loadPublicUser(db, principal.userId),
    db.company.findUniqueOrThrow({ where: { id: principal.companyId }, select: { id: true, name: true, slug: true } }),
  ]);
  return { user, company };
}

/** Changing the password ends every other session of the user and starts a fresh one here. */
export async function changePassword(deps: SessionDeps, principal: Principal, input: { currentPassword: string; newPassword: string }, client: ClientInfo) {
  const user = await deps.db.user.findUniqueOrThrow({ where: { id: principal.userId } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('UNPROCESSABLE', 'A senha atual está incorreta', { field: 'currentPassword' });
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError('UNPROCESSABLE', 'A nova senha precisa ser diferente da atual', { field: 'newPassword' });
  }
  await deps.db.$transaction([
    deps.db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.newPassword), mustChangePassword: false } }),
    deps.db.refreshToken.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } }),
  ]);
  await recordAudit(deps.db, asActor(principal, client), { action: 'user.password_change', entity: 'user', entityId: user.id });
  const tokens = await issueTokens(deps, principal, randomUUID(), client);
  return { ...tokens, user: await loadPublicUser(deps.db, user.id) };
}
