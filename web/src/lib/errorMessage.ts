import i18n, { currentLanguage } from '../i18n';
import { ApiError } from './apiError';

const translatedCodes = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'TOKEN_EXPIRED',
  'REFRESH_TOKEN_INVALID',
  'REFRESH_TOKEN_REUSED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'UNPROCESSABLE',
  'RATE_LIMITED',
  'INTERNAL',
  'UNAVAILABLE',
] as const;

type TranslatedCode = (typeof translatedCodes)[number];
const isTranslated = (code: string): code is TranslatedCode => (translatedCodes as readonly string[]).includes(code);

/** The API speaks pt-BR; in another language a known code gets a translated, more general message. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (currentLanguage() !== 'pt-BR' && isTranslated(error.code)) return i18n.t(`apiErrors.${error.code}`);
    return error.message;
  }
  return i18n.t('errors.unexpected');
}
