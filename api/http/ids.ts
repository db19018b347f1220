import type { Request } from 'express';
import { z } from 'zod';
import { notFound } from '../errors';

const uuid = z.uuid();

/** A malformed id can name no row, so it answers like a missing one instead of a validation error. */
export function idParam(req: Request, entity: string, name = 'id'): string {
  const parsed = uuid.safeParse(req.params[name]);
  if (!parsed.success) throw notFound(entity);
  return parsed.data;
}
