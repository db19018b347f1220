import { fillTemplate } from './fillTemplate';
import { normaliseAnswer } from './matchMenuOption';
import type { ConditionRule } from './schema';

const asNumber = (text: string) => {
  const value = Number(text.trim().replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(value) ? value : null;
};

/**
 * The rules a condition block decides from the conversation itself (its variables, the customer's
 * last words); texts compare without case or accents, numbers as numbers.
 */
export function evaluateRule(rule: Extract<ConditionRule, { kind: 'variable' | 'keyword' }>, context: { values: Record<string, string>; lastText: string | null }): boolean {
  if (rule.kind === 'keyword') {
    const said = ` ${normaliseAnswer(context.lastText ?? '')} `;
    return rule.keywords.some((k) => {
      const word = normaliseAnswer(k);
      return word !== '' && said.includes(` ${word} `);
    });
  }
  const actual = context.values[`vars.${rule.variable}`] ?? '';
  const expected = fillTemplate(rule.value, context.values);
  switch (rule.comparison) {
    case 'isSet':
      return actual.trim() !== '';
    case 'isEmpty':
      return actual.trim() === '';
    case 'equals':
      return normaliseAnswer(actual) === normaliseAnswer(expected);
    case 'notEquals':
      return normaliseAnswer(actual) !== normaliseAnswer(expected);
    case 'contains':
      return normaliseAnswer(actual).includes(normaliseAnswer(expected));
    case 'greaterThan':
    case 'lessThan': {
      const a = asNumber(actual);
      const b = asNumber(expected);
      if (a === null || b === null) return false;
      return rule.comparison === 'greaterThan' ? a > b : a < b;
    }
  }
}
