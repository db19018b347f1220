/** Fills {{contact.name}}-style variables; an unknown or empty one leaves no stray comma behind ("Olá, !" → "Olá!"). */
export function renderText(text: string, variables: Record<string, string>): string {
  return text
    .replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => variables[name] ?? '')
    .replace(/,\s*([!?.])/g, '$1')
    .replace(/[ \t]+([,.!?])/g, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
