import clsx from 'clsx';
import { Info } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format';
import { Card } from '../ui/Card';
import type { EventStreamState } from './useSandboxEvents';
import { useConversation, type ChatTarget } from './useSandbox';

const streamDot: Record<EventStreamState, string> = { live: 'bg-emerald-500', connecting: 'bg-zinc-300', reconnecting: 'bg-amber-400' };

/** What this page is, and the two facts a tester needs while playing: is it live, is the 24 h window open. */
export function PhoneGuide({ target, stream }: { target: ChatTarget; stream: EventStreamState }) {
  const { t } = useTranslation();
  const conversation = useConversation(target, stream === 'live');
  const serviceWindow = conversation.data?.window;
  const windowText = !serviceWindow?.expires_at
    ? t('phone.status.windowNone')
    : serviceWindow.open
      ? t('phone.status.windowOpen', { until: formatDateTime(serviceWindow.expires_at) })
      : t('phone.status.windowClosed');

  return (
    <Card className="p-5">
      <div className="flex items-start gap-3">
        <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-sky-50 text-sky-700">
          <Info aria-hidden="true" className="size-4.5" />
        </span>
        <div>
          <h2 className="text-sm font-semibold text-zinc-900">{t('phone.about.title')}</h2>
          <p className="mt-1 text-sm leading-relaxed text-zinc-600">{t('phone.about.text')}</p>
        </div>
      </div>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-lg bg-zinc-50 px-3.5 py-3 text-sm ring-1 ring-zinc-200/70 ring-inset">
        <dt className="text-zinc-500">{t('phone.status.connection')}</dt>
        <dd className="flex items-center gap-2 font-medium text-zinc-800" aria-live="polite">
          <span aria-hidden="true" className={clsx('size-2 rounded-full', streamDot[stream], stream === 'live' && 'shadow-[0_0_0_3px] shadow-emerald-500/20')} />
          {t(`phone.status.${stream}`)}
        </dd>
        <dt className="text-zinc-500">{t('phone.status.window')}</dt>
        <dd className={clsx('font-medium', serviceWindow?.open ? 'text-zinc-800' : 'text-zinc-500')}>{windowText}</dd>
      </dl>
      <ul className="mt-4 flex list-disc flex-col gap-1.5 pl-5 text-sm leading-relaxed text-zinc-600 marker:text-zinc-300">
        <li>{t('phone.about.tipButtons')}</li>
        <li>{t('phone.about.tipRead')}</li>
        <li>{t('phone.about.tipWindow')}</li>
      </ul>
    </Card>
  );
}
