import { RefreshCw, Unplug } from 'lucide-react';
import { Trans, useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { Card } from '../ui/Card';

interface SandboxUnavailableProps {
  detail: string;
  onRetry: () => void;
  retrying: boolean;
}

/** Shown where the sandbox does not answer: not started in development, or absent because the app talks to Meta. */
export function SandboxUnavailable({ detail, onRetry, retrying }: SandboxUnavailableProps) {
  const { t } = useTranslation();
  return (
    <Card className="px-6 py-14">
      <div role="alert" className="mx-auto flex max-w-lg flex-col items-center text-center">
        <div className="mb-4 flex size-12 items-center justify-center rounded-full bg-amber-50 text-amber-600">
          <Unplug aria-hidden="true" className="size-6" />
        </div>
        <h2 className="text-base font-semibold text-zinc-900">{t('phone.unavailable.title')}</h2>
        <p className="mt-2 text-sm leading-relaxed text-zinc-600">
          <Trans i18nKey="phone.unavailable.text" components={{ code: <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-[13px] text-zinc-800" /> }} />
        </p>
        <p className="mt-2 text-sm leading-relaxed text-zinc-600">{t('phone.unavailable.production')}</p>
        <p className="mt-4 text-xs text-zinc-400">{t('phone.unavailable.detail', { detail })}</p>
        <Button variant="secondary" className="mt-6" onClick={onRetry} loading={retrying}>
          {!retrying && <RefreshCw aria-hidden="true" className="size-4" />}
          {t('common.retry')}
        </Button>
      </div>
    </Card>
  );
}
