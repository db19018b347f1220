import type { z } from 'zod';
import i18n from '../../i18n';

/** A refused file's zod issues, each saying which block it is about, as the person fixing the file needs. */
export function importIssues(error: z.ZodError, input: unknown): string[] {
  const nodes = (input as { nodes?: { id?: unknown; type?: unknown }[] } | null)?.nodes;
  return error.issues.map((issue) => {
    const [section, index, ...rest] = issue.path;
    if (section === 'nodes' && typeof index === 'number') {
      const node = Array.isArray(nodes) ? nodes[index] : undefined;
      const where = i18n.t('flows.builder.importNode', { node: typeof node?.id === 'string' ? node.id : `#${index + 1}` });
      const field = rest.filter((p) => p !== 'config').join('.');
      return `${where}${field ? ` › ${field}` : ''}: ${issue.message}`;
    }
    return `${issue.path.join('.') || i18n.t('flows.builder.importFlow')}: ${issue.message}`;
  });
}
