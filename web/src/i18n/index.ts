import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import ptBR from './pt-BR.json';

export const languages = ['pt-BR', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'orquestra.language';

// Assigning to the pt-BR shape makes tsc report any key missing from the English file.
const english: typeof ptBR = en;

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return languages.find((l) => l === value) ?? 'pt-BR';
  } catch {
    return 'pt-BR';
  }
}

void i18n.use(initReactI18next).init({
  resources: { 'pt-BR': { translation: ptBR }, en: { translation: english } },
  lng: storedLanguage(),
  fallbackLng: 'pt-BR',
  interpolation: { escapeValue: false },
  initAsync: false,
});

document.documentElement.lang = i18n.language;

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage; the choice then lasts only for this visit.
  }
});

export function currentLanguage(): Language {
  return languages.find((l) => l === i18n.language) ?? 'pt-BR';
}

export default i18n;
