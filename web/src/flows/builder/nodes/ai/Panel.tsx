import { zodResolver } from '@hookform/resolvers/zod';
import { Info } from 'lucide-react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../../ui/Field';
import { Input } from '../../../../ui/Input';
import { Textarea } from '../../../../ui/Textarea';
import type { NodeConfig } from '../../types';
import { emptyToUndefined } from '../shared/DepartmentSelect';
import { errorOf, PanelSection, toNumber } from '../shared/fields';
import { useSyncConfig } from '../shared/useSyncConfig';
import { VariableInput } from '../shared/VariableInput';
import { aiDefaults } from './defaults';
import { aiConfigSchema } from './validity';

export function AiPanel({ id, config }: { id: string; config: NodeConfig<'ai'> }) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(aiConfigSchema), defaultValues: { ...aiDefaults(), ...config }, mode: 'onChange' });
  useSyncConfig(id, form);
  const { errors } = form.formState;
  return (
    <div className="space-y-6">
      <p className="flex gap-2 rounded-lg border border-purple-200 bg-purple-50 px-3 py-2.5 text-xs leading-relaxed text-purple-900">
        <Info aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
        {t('flows.panel.ai.settingsNote')}
      </p>
      <PanelSection>
        <Field label={t('flows.panel.ai.systemPrompt')} hint={t('flows.panel.ai.systemPromptHint')} error={errorOf(errors.systemPrompt)}>
          {(control) => <Textarea {...control} rows={8} {...form.register('systemPrompt')} />}
        </Field>
        <Field label={t('flows.panel.ai.variable')} hint={t('flows.panel.ai.variableHint')} error={errorOf(errors.variable)}>
          {(control) => <VariableInput control={control} registration={form.register('variable', { setValueAs: emptyToUndefined })} placeholder="resposta_ia" />}
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field label={t('flows.panel.ai.history')} hint={t('flows.panel.ai.historyHint')} error={errorOf(errors.historyMessages)}>
            {(control) => <Input {...control} type="number" min={0} max={50} {...form.register('historyMessages', { setValueAs: toNumber })} />}
          </Field>
          <Field label={t('flows.panel.ai.timeout')} error={errorOf(errors.timeoutSeconds)}>
            {(control) => <Input {...control} type="number" min={1} max={60} {...form.register('timeoutSeconds', { setValueAs: toNumber })} />}
          </Field>
        </div>
      </PanelSection>
    </div>
  );
}
