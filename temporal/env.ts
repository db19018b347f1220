import type { z } from 'zod';

/** One line per bad variable, naming it, so a misconfigured process says exactly what to fix. */
export function formatEnvError(processName: string, error: z.ZodError): string {
  const lines = error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
  return `Invalid configuration for ${processName}:\n${lines.join('\n')}`;
}
