import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../../ui/Field';
import { Textarea } from '../../../../ui/Textarea';
import type { NodeConfig } from '../../types';
import { DepartmentSelect, emptyToUndefined } from '../shared/DepartmentSelect';
import { errorOf, PanelSection, VariablesHint } from '../shared/fields';
import { useSyncConfig } from '../shared/useSyncConfig';
import { routeConfigSchema } from './validity';

export function RoutePanel({ id, config }: { id: string; config: NodeConfig<'route'> }) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(routeConfigSchema), defaultValues: config, mode: 'onChange' });
  useSyncConfig(id, form);
  const { errors } = form.formState;
  return (
    <PanelSection>
      <Field label={t('flows.panel.route.department')} error={errorOf(errors.departmentId)}>
        {(control) => <DepartmentSelect control={control} registration={form.register('departmentId')} />}
      </Field>
      <Field label={t('flows.panel.route.text')} hint={t('flows.panel.optionalText')} error={errorOf(errors.text)}>
        {(control) => <Textarea {...control} rows={4} placeholder={t('flows.panel.route.textPlaceholder')} {...form.register('text', { setValueAs: emptyToUndefined })} />}
      </Field>
      <VariablesHint />
    </PanelSection>
  );
}
