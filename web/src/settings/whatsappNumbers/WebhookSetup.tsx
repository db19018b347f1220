import { Check, Copy, Webhook } from 'lucide-react';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { NumberProvider } from '../../../../api/whatsappNumbers/schemas';
import { Button } from '../../ui/Button';

/** The paths the API answers webhooks on (api/app.ts), and what each provider is told to send there. */
const setup: Record<NumberProvider, { path: string; secret: string; events: string[] }> = {
  META: { path: '/webhooks/whatsapp', secret: 'WHATSAPP_VERIFY_TOKEN', events: ['messages', 'message_template_status_update'] },
  WAHA: { path: '/webhooks/waha', secret: 'WAHA_WEBHOOK_HMAC_KEY', events: ['message', 'message.ack', 'session.status'] },
};

const CHIP = 'rounded bg-white px-1 py-0.5 font-mono text-[11px] text-zinc-800 ring-1 ring-zinc-200';
const code = <code className={CHIP} />;

/**
 * What an admin types into Meta's (or WAHA's) webhook settings. The secret itself lives only in the
 * server's environment, so the screen names the variable instead of showing it.
 */
export function WebhookSetup({ provider, phoneNumberId }: { provider: NumberProvider; phoneNumberId: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const { path, secret, events } = setup[provider];
  // The browser's origin is the API's in production (it serves the app); behind a proxy or in development it may differ.
  const url = `${window.location.origin}${path}`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      setTimeout(() => setCopied(false), 2_000);
    } catch {
      // Without clipboard access (an insecure origin) the URL stays selectable in the field.
    }
  };

  return (
    <div className="rounded-lg border border-zinc-200 bg-zinc-50/80 p-4 text-sm text-zinc-600">
      <p className="flex items-center gap-2 font-medium text-zinc-900">
        <Webhook aria-hidden="true" className="size-4 text-emerald-600" />
        {t(`whatsappNumbers.webhook.${provider}.title`)}
      </p>
      <ol className="mt-3 list-decimal space-y-2.5 pl-5 marker:text-zinc-400">
        <li>
          {t('whatsappNumbers.webhook.callback')}
          <div className="mt-1.5 flex gap-2">
            <input readOnly value={url} aria-label={t('whatsappNumbers.webhook.callbackLabel')} onFocus={(e) => e.target.select()} className="h-8 min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2.5 font-mono text-xs text-zinc-800" />
            <Button variant="secondary" size="sm" onClick={() => void copy()}>
              {copied ? <Check aria-hidden="true" className="size-3.5 text-emerald-600" /> : <Copy aria-hidden="true" className="size-3.5" />}
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          </div>
          <p className="mt-1 text-xs text-zinc-500">{t('whatsappNumbers.webhook.publicHttps')}</p>
        </li>
        <li>
          <Trans i18nKey={`whatsappNumbers.webhook.${provider}.secret`} values={{ variable: secret, session: phoneNumberId }} components={{ code }} />
        </li>
        <li>
          {t(`whatsappNumbers.webhook.${provider}.events`)}{' '}
          {events.map((event, i) => (
            <span key={event}>
              {i > 0 && ', '}
              <code className={CHIP}>{event}</code>
            </span>
          ))}
        </li>
      </ol>
    </div>
  );
}
