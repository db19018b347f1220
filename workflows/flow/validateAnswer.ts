import { normaliseAnswer } from './matchMenuOption';
import type { NodeOf } from './schema';

type QuestionConfig = Pick<NodeOf<'question'>['config'], 'kind' | 'pattern' | 'choices'>;

const digitsOf = (text: string) => text.replace(/\D/g, '');
const allSame = (digits: string) => /^(\d)\1*$/.test(digits);

/** Modulo-11 check digits as the Receita Federal computes them, with the weights of each document. */
function checkDigit(digits: string, weights: number[]) {
  const sum = weights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

export function isCpf(text: string): boolean {
  const d = digitsOf(text);
  if (d.length !== 11 || allSame(d)) return false;
  return checkDigit(d, [10, 9, 8, 7, 6, 5, 4, 3, 2]) === Number(d[9]) && checkDigit(d, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) === Number(d[10]);
}

export function isCnpj(text: string): boolean {
  const d = digitsOf(text);
  if (d.length !== 14 || allSame(d)) return false;
  return checkDigit(d, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]) === Number(d[12]) && checkDigit(d, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]) === Number(d[13]);
}

/** "1.234,56" (Brazilian) and "1234.56" both read as 1234.56. */
function parseNumber(text: string): number | null {
  const t = text.trim().replace(/\s/g, '');
  if (!/^[-+]?[\d.,]+$/.test(t)) return null;
  const normalised = /,\d{1,2}$/.test(t) || (t.includes(',') && !t.includes('.')) ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

/** dd/mm/aaaa (also with - or . and two-digit years), a real calendar day. */
function parseDate(text: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text.trim());
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/**
 * Checks a customer's answer to a question block and gives the value to keep: documents and phones
 * as digits, numbers as written by JavaScript, dates as dd/mm/aaaa, options as the block wrote them.
 */
export function validateAnswer(config: QuestionConfig, answer: string): { ok: true; value: string } | { ok: false } {
  const text = answer.trim();
  if (!text) return { ok: false };
  const digits = digitsOf(text);
  switch (config.kind) {
    case 'text':
      return { ok: true, value: text };
    case 'number': {
      const value = parseNumber(text);
      return value === null ? { ok: false } : { ok: true, value: String(value) };
    }
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(text) ? { ok: true, value: text.toLowerCase() } : { ok: false };
    case 'phone':
      // Brazilian numbers: DDD + 8 or 9 digits, optionally with the country code 55.
      return /^[\d\s()+.-]+$/.test(text) && digits.length >= 10 && digits.length <= 13 ? { ok: true, value: digits } : { ok: false };
    case 'cpf':
      return isCpf(text) ? { ok: true, value: digits } : { ok: false };
    case 'cnpj':
      return isCnpj(text) ? { ok: true, value: digits } : { ok: false };
    case 'cpfCnpj':
      return isCpf(text) || isCnpj(text) ? { ok: true, value: digits } : { ok: false };
    case 'date': {
      const value = parseDate(text);
      return value ? { ok: true, value } : { ok: false };
    }
    case 'regex':
      return new RegExp(`^(?:${config.pattern})$`, 'i').test(text) ? { ok: true, value: text } : { ok: false };
    case 'options': {
      const wanted = normaliseAnswer(text);
      const choice = config.choices.find((c) => normaliseAnswer(c) === wanted);
      return choice ? { ok: true, value: choice } : { ok: false };
    }
  }
}
