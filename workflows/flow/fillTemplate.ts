/**
 * Fills {{name}} placeholders for machines (URLs, headers, JSON bodies), unlike renderText which
 * tidies prose for people. `encode` escapes each value for where it lands.
 */
export function fillTemplate(text: string, values: Record<string, string>, encode: (value: string) => string = (v) => v): string {
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => encode(values[name] ?? ''));
}

/** Inside a JSON string literal: the value's own JSON encoding without its quotes. */
export const jsonStringContent = (value: string) => JSON.stringify(value).slice(1, -1);
