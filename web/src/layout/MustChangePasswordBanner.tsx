import { KeyRound } from 'lucide-react';
import { useTranslation } from 'react-i18next';

export function MustChangePasswordBanner() {
  const { t } = useTranslation();
  return (
    <div role="status" className="flex items-center gap-3 border-b border-amber-200 bg-amber-50 px-4 py-2.5 text-sm text-amber-900 sm:px-6">
      <KeyRound aria-hidden="true" className="size-4 shrink-0 text-amber-600" />
      <p>
        <strong className="font-semibold">{t('mustChangePassword.title')}</strong> {t('mustChangePassword.text')}
      </p>
    </div>
  );
}
