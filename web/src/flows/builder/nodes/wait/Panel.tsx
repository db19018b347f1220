import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../../ui/Field';
import { Input } from '../../../../ui/Input';
import { Select } from '../../../../ui/Select';
import type { NodeConfig } from '../../types';
import { errorOf, PanelSection, toNumber } from '../shared/fields';
import { useSyncConfig } from '../shared/useSyncConfig';
import { waitDefaults } from './defaults';
import { waitConfigSchema } from './validity';

export function WaitPanel({ id, config }: { id: string; config: NodeConfig<'wait'> }) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(waitConfigSchema), defaultValues: { ...waitDefaults, ...config }, mode: 'onChange' });
  useSyncConfig(id, form);
  const { errors } = form.formState;
  return (
    <PanelSection>
      <div className="grid grid-cols-2 gap-3">
        <Field label={t('flows.panel.wait.amount')} error={errorOf(errors.amount)}>
          {(control) => <Input {...control} type="number" min={1} max={10080} {...form.register('amount', { setValueAs: toNumber })} />}
        </Field>
        <Field label={t('flows.panel.wait.unit')}>
          {(control) => (
            <Select {...control} {...form.register('unit')}>
              {(['minutes', 'hours', 'days'] as const).map((u) => (
                <option key={u} value={u}>
                  {t(`flows.panel.wait.units.${u}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <Field label={t('flows.panel.wait.onReply')} hint={t('flows.panel.wait.onReplyHint')}>
        {(control) => (
          <Select {...control} {...form.register('onReply')}>
            {(['continue', 'interrupt'] as const).map((o) => (
              <option key={o} value={o}>
                {t(`flows.panel.wait.onReplyOptions.${o}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
    </PanelSection>
  );
}
