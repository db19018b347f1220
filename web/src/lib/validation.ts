import i18n from '../i18n';

// Mirrors the API's zod rules so most mistakes are caught before a round trip.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function requiredText(value: string, min: number, max: number): string | null {
  const length = value.trim().length;
  if (length === 0) return i18n.t('validation.required');
  if (length < min) return i18n.t('validation.minLength', { count: min });
  if (length > max) return i18n.t('validation.maxLength', { count: max });
  return null;
}

export function email(value: string): string | null {
  if (value.trim().length === 0) return i18n.t('validation.required');
  if (!EMAIL.test(value.trim()) || value.length > 254) return i18n.t('validation.email');
  return null;
}

export function password(value: string): string | null {
  if (value.length === 0) return i18n.t('validation.required');
  if (value.length < 8) return i18n.t('validation.minLength', { count: 8 });
  if (value.length > 128) return i18n.t('validation.maxLength', { count: 128 });
  return null;
}

export function integerBetween(value: string, min: number, max: number): string | null {
  const number = Number(value);
  if (value.trim() === '' || !Number.isInteger(number) || number < min || number > max) return i18n.t('validation.integerRange', { min, max });
  return null;
}

/** Keeps only the fields that have a message. */
export function collect(checks: Record<string, string | null>): Record<string, string> {
  return Object.fromEntries(Object.entries(checks).filter((entry): entry is [string, string] => entry[1] !== null));
}
