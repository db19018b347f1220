import { z } from 'zod';

export const pageQuerySchema = z.object({
  cursor: z.uuid('cursor inválido').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Cursor pagination over a unique id: fetch one extra row to learn whether a next page exists. */
export function pageOf<T extends { id: string }>(rows: T[], limit: number) {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
}

export const cursorArgs = (query: { cursor?: string; limit: number }) => ({
  take: query.limit + 1,
  ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
});
