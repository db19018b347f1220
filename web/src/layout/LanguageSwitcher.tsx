import { Languages } from 'lucide-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../i18n';

/** Native select: keyboard and screen-reader behaviour come for free. */
export function LanguageSwitcher({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <Languages aria-hidden="true" className="size-4 text-zinc-500" />
      <label htmlFor={id} className={compact ? 'sr-only' : 'text-sm text-zinc-700'}>
        {t('userMenu.language')}
      </label>
      <select
        id={id}
        value={i18n.language}
        onChange={(e) => void i18n.changeLanguage(e.target.value as Language)}
        className="ml-auto h-8 rounded-md border border-zinc-200 bg-white px-2 text-sm text-zinc-800 hover:border-zinc-300 focus:border-emerald-600 focus:outline-none"
      >
        {languages.map((language) => (
          <option key={language} value={language}>
            {t(`languages.${language}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
