import type { z } from 'zod';

/** The schema's own messages for a config, so the canvas says what publish would say. */
export function configIssues(schema: z.ZodType, config: unknown): string[] {
  const result = schema.safeParse(config);
  if (result.success) return [];
  return [...new Set(result.error.issues.map((issue) => issue.message))];
}
