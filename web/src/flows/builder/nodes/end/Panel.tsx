import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../../ui/Field';
import { Textarea } from '../../../../ui/Textarea';
import type { NodeConfig } from '../../types';
import { emptyToUndefined } from '../shared/DepartmentSelect';
import { errorOf, PanelSection, VariablesHint } from '../shared/fields';
import { useSyncConfig } from '../shared/useSyncConfig';
import { endConfigSchema } from './validity';

export function EndPanel({ id, config }: { id: string; config: NodeConfig<'end'> }) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(endConfigSchema), defaultValues: config, mode: 'onChange' });
  useSyncConfig(id, form);
  return (
    <PanelSection>
      <Field label={t('flows.panel.end.text')} hint={t('flows.panel.optionalText')} error={errorOf(form.formState.errors.text)}>
        {(control) => <Textarea {...control} rows={4} placeholder={t('flows.panel.end.textPlaceholder')} {...form.register('text', { setValueAs: emptyToUndefined })} />}
      </Field>
      <VariablesHint />
    </PanelSection>
  );
}
