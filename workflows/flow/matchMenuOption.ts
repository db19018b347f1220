import type { NodeOf } from './schema';

/** "Laboratório!" → "laboratorio": customers type without accents, in any case, with punctuation. */
export function normaliseAnswer(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

type MenuOption = NodeOf<'menu'>['config']['options'][number];

/**
 * Which option a customer's answer chooses: an interactive reply id, the option's number ("1",
 * "1️⃣"), its label or a synonym; failing an exact match, the one option whose label or synonym
 * of four letters or more appears as words inside the answer ("quero o laboratório"). Ambiguity
 * chooses nothing.
 */
export function matchMenuOption(options: MenuOption[], answer: { text?: string | null; replyId?: string | null }): MenuOption | undefined {
  if (answer.replyId) {
    const byId = options.find((o) => o.id === answer.replyId);
    if (byId) return byId;
  }
  const text = normaliseAnswer(answer.text ?? '');
  if (!text) return undefined;
  const number = /^(\d{1,2})$/.exec(text)?.[1];
  if (number) return options[Number(number) - 1];
  const terms = (o: MenuOption) => [o.label, ...o.synonyms].map(normaliseAnswer).filter(Boolean);
  const exact = options.filter((o) => terms(o).includes(text));
  if (exact.length === 1) return exact[0];
  const padded = ` ${text} `;
  // Short abbreviations ("com", "adm") are everyday words inside a sentence: they only count alone.
  const inside = options.filter((o) => terms(o).some((term) => term.length >= 4 && padded.includes(` ${term} `)));
  return inside.length === 1 ? inside[0] : undefined;
}
