import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { answerKinds } from '../../../../../../workflows/flow/schema';
import { Field } from '../../../../ui/Field';
import { Input } from '../../../../ui/Input';
import { Select } from '../../../../ui/Select';
import { Textarea } from '../../../../ui/Textarea';
import type { NodeConfig } from '../../types';
import { emptyToUndefined } from '../shared/DepartmentSelect';
import { errorOf, PanelSection, RetryLimitFields, VariablesHint } from '../shared/fields';
import { TagsInput } from '../shared/TagsInput';
import { useSyncConfig } from '../shared/useSyncConfig';
import { VariableInput } from '../shared/VariableInput';
import { questionDefaults } from './defaults';
import { questionConfigSchema } from './validity';

export function QuestionPanel({ id, config }: { id: string; config: NodeConfig<'question'> }) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(questionConfigSchema), defaultValues: { ...questionDefaults(), ...config }, mode: 'onChange' });
  useSyncConfig(id, form);
  const { errors } = form.formState;
  const kind = form.watch('kind');
  return (
    <div className="space-y-6">
      <PanelSection>
        <Field label={t('flows.panel.question.text')} error={errorOf(errors.text)}>
          {(control) => <Textarea {...control} rows={4} placeholder={t('flows.panel.question.textPlaceholder')} {...form.register('text')} />}
        </Field>
        <VariablesHint />
      </PanelSection>

      <PanelSection title={t('flows.panel.question.answer')}>
        <Field label={t('flows.panel.question.variable')} hint={t('flows.panel.question.variableHint')} error={errorOf(errors.variable)}>
          {(control) => <VariableInput control={control} registration={form.register('variable')} placeholder="cpf" />}
        </Field>
        <Field label={t('flows.panel.question.kind')} hint={t(`flows.panel.question.kindHints.${kind ?? 'text'}`)} error={errorOf(errors.kind)}>
          {(control) => (
            <Select {...control} {...form.register('kind')}>
              {answerKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`flows.nodes.question.kinds.${k}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {kind === 'regex' && (
          <Field label={t('flows.panel.question.pattern')} hint={t('flows.panel.question.patternHint')} error={errorOf(errors.pattern)}>
            {(control) => <Input {...control} className="font-mono" placeholder="^[A-Z]{3}-?\d{4}$" spellCheck={false} {...form.register('pattern', { setValueAs: emptyToUndefined })} />}
          </Field>
        )}
        {kind === 'options' && (
          <Field label={t('flows.panel.question.choices')} hint={t('flows.panel.question.choicesHint')} error={errorOf(errors.choices)}>
            {() => (
              <Controller
                control={form.control}
                name="choices"
                render={({ field }) => <TagsInput value={field.value ?? []} onChange={field.onChange} label={t('flows.panel.question.choices')} placeholder={t('flows.panel.question.choicesPlaceholder')} />}
              />
            )}
          </Field>
        )}
      </PanelSection>

      <PanelSection title={t('flows.panel.question.fallbacks')}>
        <Field label={t('flows.panel.question.errorText')} error={errorOf(errors.errorText)}>
          {(control) => <Textarea {...control} rows={3} {...form.register('errorText')} />}
        </Field>
        <RetryLimitFields form={form} />
      </PanelSection>
    </div>
  );
}
