import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../../ui/Field';
import { Input } from '../../../../ui/Input';
import { Textarea } from '../../../../ui/Textarea';
import type { NodeConfig } from '../../types';
import { errorOf, PanelSection, toNumber, VariablesHint } from '../shared/fields';
import { useSyncConfig } from '../shared/useSyncConfig';
import { messageDefaults } from './defaults';
import { messageConfigSchema } from './validity';

export function MessagePanel({ id, config }: { id: string; config: NodeConfig<'message'> }) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(messageConfigSchema), defaultValues: { ...messageDefaults, ...config }, mode: 'onChange' });
  useSyncConfig(id, form);
  const { errors } = form.formState;
  return (
    <PanelSection>
      <Field label={t('flows.panel.message.text')} error={errorOf(errors.text)}>
        {(control) => <Textarea {...control} rows={6} placeholder={t('flows.panel.message.textPlaceholder')} {...form.register('text')} />}
      </Field>
      <VariablesHint />
      <Field label={t('flows.panel.message.delay')} hint={t('flows.panel.message.delayHint')} error={errorOf(errors.delaySeconds)}>
        {(control) => <Input {...control} type="number" min={0} max={300} {...form.register('delaySeconds', { setValueAs: toNumber })} />}
      </Field>
    </PanelSection>
  );
}
