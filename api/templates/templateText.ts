import type { TemplateComponents } from './schemas';

// Pure and free of runtime imports, so that the API (checks), the worker (the stored text) and the
// composer (live preview, in the inbox's first chunk) read a template's components one way.

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** Distinct placeholders of a text: `1`, `2`… in numeric order, or named ones in order of appearance. */
function placeholders(text: string): string[] {
  const names = [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
  return names.every((name) => /^\d+$/.test(name)) ? names.sort((a, b) => Number(a) - Number(b)) : names;
}

export interface TemplateParts {
  header: string | null;
  body: string;
  footer: string | null;
  /** The body's placeholders: one value each, in this order, when sending. */
  parameters: string[];
  /** A media header or a text header with a placeholder needs a value the inbox does not ask for. */
  headerNeedsValue: boolean;
}

export function templateParts(components: TemplateComponents): TemplateParts {
  const find = (type: string) => components.find((c) => c.type === type);
  const header = find('HEADER');
  const mediaHeader = Boolean(header?.format && header.format !== 'TEXT');
  const body = find('BODY')?.text ?? '';
  return {
    header: mediaHeader ? null : (header?.text ?? null),
    body,
    footer: find('FOOTER')?.text ?? null,
    parameters: placeholders(body),
    headerNeedsValue: mediaHeader || placeholders(header?.text ?? '').length > 0,
  };
}

/** The body with each placeholder replaced by its value; a placeholder without one stays as written. */
export function fillBody(parts: Pick<TemplateParts, 'body' | 'parameters'>, values: readonly string[]): string {
  return parts.body.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[parts.parameters.indexOf(name)];
    return value ? value : whole;
  });
}

/** What the customer reads, as one text for the inbox: header, filled body and footer. */
export function templateText(parts: TemplateParts, values: readonly string[]): string {
  return [parts.header, fillBody(parts, values), parts.footer].filter(Boolean).join('\n\n');
}
