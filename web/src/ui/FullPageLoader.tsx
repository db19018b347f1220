import { useTranslation } from 'react-i18next';
import { LogoMark } from './Logo';
import { Spinner } from './Spinner';

export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite" className="flex min-h-dvh flex-col items-center justify-center gap-5 bg-zinc-50">
      <LogoMark className="size-12 animate-pulse" />
      <div className="flex items-center gap-2 text-sm text-zinc-500">
        <Spinner className="size-4" />
        {t('common.loading')}
      </div>
    </div>
  );
}
