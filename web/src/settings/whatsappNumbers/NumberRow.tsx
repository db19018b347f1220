import clsx from 'clsx';
import { ChevronRight, Gauge, MessagesSquare, Pencil, Phone, Trash, Workflow, type LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowSummary } from '../../flows/flowsApi';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Switch } from '../../ui/Switch';
import { numberFlowLabel } from './flowLabels';
import type { WhatsAppNumber } from './useWhatsAppNumbers';
import { WebhookSetup } from './WebhookSetup';

interface NumberRowProps {
  number: WhatsAppNumber;
  flows: FlowSummary[];
  canManage: boolean;
  toggling: boolean;
  onToggle: (number: WhatsAppNumber, active: boolean) => void;
  onEdit: (number: WhatsAppNumber) => void;
  onDelete: (number: WhatsAppNumber) => void;
}

/** One fact of the number, named by its icon (and, for screen readers, by its label). */
function IconFact({ icon: Icon, label, className, children }: { icon: LucideIcon; label: string; className?: string; children: ReactNode }) {
  return (
    <div className="flex items-center gap-1.5">
      <dt>
        <Icon aria-hidden="true" className="size-3.5 text-zinc-400" />
        <span className="sr-only">{label}</span>
      </dt>
      <dd className={className}>{children}</dd>
    </div>
  );
}

export function NumberRow({ number, flows, canManage, toggling, onToggle, onEdit, onDelete }: NumberRowProps) {
  const { t } = useTranslation();
  const inUse = number.conversationCount > 0;

  return (
    <li data-number={number.phoneNumberId} className={clsx('px-5 py-4', !number.active && 'bg-zinc-50/70')}>
      <div className="flex items-start gap-4">
        <span aria-hidden="true" className={clsx('flex size-10 shrink-0 items-center justify-center rounded-full', number.active ? 'bg-emerald-50 text-emerald-600' : 'bg-zinc-100 text-zinc-400')}>
          <Phone className="size-5" />
        </span>
        <div className="min-w-0 flex-1">
          <h3 className="flex flex-wrap items-center gap-2 text-sm font-semibold text-zinc-900">
            <span className="truncate">{number.name}</span>
            <Badge tone={number.provider === 'META' ? 'sky' : 'violet'}>{t(`whatsappNumbers.providers.${number.provider}.short`)}</Badge>
            {!number.active && <Badge>{t('whatsappNumbers.inactive')}</Badge>}
          </h3>
          <p className="mt-0.5 text-sm text-zinc-700 tabular-nums">{number.displayPhoneNumber}</p>
          <dl className="mt-2 flex flex-wrap gap-x-5 gap-y-1.5 text-xs text-zinc-500">
            <div className="flex items-center gap-1.5">
              <dt>{t(number.provider === 'WAHA' ? 'whatsappNumbers.session' : 'whatsappNumbers.phoneNumberId')}</dt>
              <dd className="font-mono text-zinc-700">{number.phoneNumberId}</dd>
            </div>
            {number.wabaId && (
              <div className="flex items-center gap-1.5">
                <dt>WABA</dt>
                <dd className="font-mono text-zinc-700">{number.wabaId}</dd>
              </div>
            )}
            <IconFact icon={Workflow} label={t('whatsappNumbers.form.flow')} className="text-zinc-700">
              {numberFlowLabel(number.flowId, flows)}
            </IconFact>
            <IconFact icon={Gauge} label={t('whatsappNumbers.form.throughput')}>
              {t('whatsappNumbers.throughput', { count: number.throughputPerSecond })}
            </IconFact>
            <IconFact icon={MessagesSquare} label={t('whatsappNumbers.conversationsLabel')}>
              {t('whatsappNumbers.conversations', { count: number.conversationCount })}
            </IconFact>
          </dl>
        </div>
        {canManage && (
          <div className="-mr-2 flex shrink-0 items-center gap-1">
            <label className="mr-2 flex items-center gap-2 text-xs text-zinc-500">
              <span aria-hidden="true">{t(number.active ? 'whatsappNumbers.activeShort' : 'whatsappNumbers.inactiveShort')}</span>
              <Switch checked={number.active} disabled={toggling} onChange={(active) => onToggle(number, active)} label={t('whatsappNumbers.actions.toggle', { name: number.name })} />
            </label>
            <Button variant="ghost" size="icon" onClick={() => onEdit(number)} aria-label={t('whatsappNumbers.actions.edit', { name: number.name })} title={t('common.edit')}>
              <Pencil aria-hidden="true" className="size-4" />
            </Button>
            <Button
              variant="dangerGhost"
              size="icon"
              disabled={inUse}
              onClick={() => onDelete(number)}
              aria-label={t('whatsappNumbers.actions.delete', { name: number.name })}
              title={inUse ? t('whatsappNumbers.cannotDelete') : t('common.delete')}
            >
              <Trash aria-hidden="true" className="size-4" />
            </Button>
          </div>
        )}
      </div>
      <details className="group mt-3 ml-14">
        <summary className="inline-flex cursor-pointer list-none items-center gap-1 rounded text-xs font-medium text-emerald-700 hover:text-emerald-800 [&::-webkit-details-marker]:hidden">
          <ChevronRight aria-hidden="true" className="size-3.5 transition-transform group-open:rotate-90" />
          {t('whatsappNumbers.webhook.toggle')}
        </summary>
        <div className="mt-2">
          <WebhookSetup provider={number.provider} phoneNumberId={number.phoneNumberId} />
        </div>
      </details>
    </li>
  );
}
