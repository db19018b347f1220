import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { invalidAccessToken } from './errors';

/** Graph takes the token as a bearer header or, like any Graph call, an `access_token` query parameter. */
export function accessTokenOf(req: Request): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
  if (match) return match[1];
  return typeof req.query.access_token === 'string' ? req.query.access_token : undefined;
}

export function isAcceptedToken(token: string | undefined, accepted: readonly string[]): boolean {
  if (!token) return false;
  const given = Buffer.from(token);
  return accepted.some((candidate) => {
    const expected = Buffer.from(candidate);
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}

/** Every Graph route answers 190 / HTTP 401 to a missing or unknown token, before looking at anything else. */
export function requireAccessToken(accepted: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    if (!isAcceptedToken(accessTokenOf(req), accepted)) throw invalidAccessToken();
    next();
  };
}
