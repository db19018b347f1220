import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useUserDirectory } from '../../../../lib/directory';
import { Field } from '../../../../ui/Field';
import { Select } from '../../../../ui/Select';
import { Textarea } from '../../../../ui/Textarea';
import type { NodeConfig } from '../../types';
import { DepartmentSelect, emptyToUndefined } from '../shared/DepartmentSelect';
import { errorOf, PanelSection, VariablesHint } from '../shared/fields';
import { useSyncConfig } from '../shared/useSyncConfig';
import { handoffConfigSchema } from './validity';

export function HandoffPanel({ id, config }: { id: string; config: NodeConfig<'handoff'> }) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(handoffConfigSchema), defaultValues: config, mode: 'onChange' });
  useSyncConfig(id, form);
  const { errors } = form.formState;
  const departmentId = form.watch('departmentId');
  const users = useUserDirectory();
  const agents = (users.data ?? []).filter((u) => u.role !== 'VIEWER' && (!departmentId || u.departmentIds.includes(departmentId)));
  return (
    <PanelSection>
      <Field label={t('flows.panel.route.department')} error={errorOf(errors.departmentId)}>
        {(control) => <DepartmentSelect control={control} registration={form.register('departmentId')} />}
      </Field>
      <Field label={t('flows.panel.handoff.agent')} hint={t('flows.panel.handoff.agentHint')} error={errorOf(errors.agentId)}>
        {(control) => (
          <Select {...control} {...form.register('agentId', { setValueAs: emptyToUndefined })}>
            <option value="">{t('flows.nodes.handoff.anyAgent')}</option>
            {agents.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t('flows.panel.route.text')} hint={t('flows.panel.optionalText')} error={errorOf(errors.text)}>
        {(control) => <Textarea {...control} rows={4} placeholder={t('flows.panel.route.textPlaceholder')} {...form.register('text', { setValueAs: emptyToUndefined })} />}
      </Field>
      <VariablesHint />
    </PanelSection>
  );
}
