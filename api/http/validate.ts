import type { Request } from 'express';
import type { z } from 'zod';
import { validationError } from '../errors';

export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  const parsed = schema.safeParse(req.body ?? {});
  if (!parsed.success) throw validationError(parsed.error, 'corpo');
  return parsed.data;
}

export function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  const parsed = schema.safeParse(req.query);
  if (!parsed.success) throw validationError(parsed.error, 'parâmetros da URL');
  return parsed.data;
}

export function parseParams<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  const parsed = schema.safeParse(req.params);
  if (!parsed.success) throw validationError(parsed.error, 'caminho');
  return parsed.data;
}
