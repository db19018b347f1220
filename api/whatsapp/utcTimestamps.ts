/**
 * Prisma keeps times in `timestamp` columns as UTC, and `row_to_json` writes them without a zone
 * ("2026-12-02T17:10:00.123"), which a browser in São Paulo would read as its own local time.
 * Gives every timestamp field of a row from plain SQL the "Z" that Prisma's own results carry.
 */
export function utcTimestamps<T extends Record<string, unknown> | null>(row: T): T {
  if (!row) return row;
  const fixed: Record<string, unknown> = { ...row };
  for (const [key, value] of Object.entries(row)) {
    if (/(At|Timestamp)$/.test(key) && typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?$/.test(value)) fixed[key] = new Date(`${value}Z`).toISOString();
  }
  return fixed as T;
}
