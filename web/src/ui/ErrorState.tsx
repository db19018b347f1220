import { TriangleExclamationPoint, RefreshCw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errorMessage';
import { Button } from './Button';

interface ErrorStateProps {
  error: unknown;
  onRetry: () => void;
  retrying?: boolean;
}

export function ErrorState({ error, onRetry, retrying }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="flex flex-col items-center justify-center px-6 py-14 text-center">
      <div className="mb-4 flex size-12 items-center justify-center rounded-full bg-red-50 text-red-600">
        <TriangleExclamationPoint aria-hidden="true" className="size-6" />
      </div>
      <h3 className="text-sm font-semibold text-zinc-900">{t('errors.loadFailed')}</h3>
      <p className="mt-1 max-w-sm text-sm text-zinc-500">{errorMessage(error)}</p>
      <Button variant="secondary" className="mt-5" onClick={onRetry} loading={retrying}>
        {!retrying && <RefreshCw aria-hidden="true" className="size-4" />}
        {t('common.retry')}
      </Button>
    </div>
  );
}
