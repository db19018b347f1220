import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import type { Logger } from 'pino';

export const errorCodes = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOKEN_EXPIRED: 401,
  REFRESH_TOKEN_INVALID: 401,
  REFRESH_TOKEN_REUSED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** The one error the API raises; the error handler turns it into `{ error: { code, message, details } }`. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = errorCodes[code];
  }
}

export const notFound = (entity: string) => new AppError('NOT_FOUND', `${entity} não encontrado(a)`);

export function validationError(error: z.ZodError, where: string): AppError {
  const details = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message, code: issue.code }));
  return new AppError('VALIDATION_FAILED', `Dados inválidos em ${where}: ${details.map((d) => `${d.path || '(raiz)'} ${d.message}`).join('; ')}`, details);
}

/** Prisma's known request errors carry a code; a unique violation is a conflict the user can fix. */
function fromPrisma(error: unknown): AppError | undefined {
  const code = (error as { code?: unknown })?.code;
  if (code === 'P2002') {
    const target = (error as { meta?: { target?: unknown } }).meta?.target;
    return new AppError('CONFLICT', 'Já existe um registro com esses dados', { fields: target });
  }
  if (code === 'P2025') return new AppError('NOT_FOUND', 'Registro não encontrado');
  if (code === 'P2003') return new AppError('UNPROCESSABLE', 'Referência a um registro inexistente');
  return undefined;
}

/** Body-parser errors arrive with a `type` and a status; map them to our codes. */
function fromBodyParser(error: unknown): AppError | undefined {
  const type = (error as { type?: unknown })?.type;
  if (type === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE', 'Corpo da requisição grande demais');
  if (type === 'entity.parse.failed') return new AppError('INVALID_JSON', 'O corpo da requisição não é um JSON válido');
  return undefined;
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) return validationError(error, 'requisição');
  return fromBodyParser(error) ?? fromPrisma(error) ?? new AppError('INTERNAL', 'Erro interno inesperado');
}

/** The one wire shape of an error, for Express and for the raw webhook route alike. */
export const errorBody = (error: AppError) => ({ error: { code: error.code, message: error.message, details: error.details ?? null } });

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const appError = toAppError(error);
    const log = (req as { log?: Logger }).log ?? logger;
    if (appError.status >= 500) log.error({ err: error }, 'request failed');
    else log.info({ code: appError.code, status: appError.status }, appError.message);
    if (res.headersSent) return;
    res.status(appError.status).json(errorBody(appError));
  };
}

export const routeNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', `Rota ${req.method} ${req.path} não existe`));
};
