import { zodResolver } from '@hookform/resolvers/zod';
import { Plus, Trash } from 'lucide-react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../ui/Button';
import { Field } from '../../../../ui/Field';
import { Input } from '../../../../ui/Input';
import { Select } from '../../../../ui/Select';
import { Textarea } from '../../../../ui/Textarea';
import type { NodeConfig } from '../../types';
import { errorOf, PanelSection, RetryLimitFields, VariablesHint } from '../shared/fields';
import { TagsInput } from '../shared/TagsInput';
import { useSyncConfig } from '../shared/useSyncConfig';
import { menuDefaults, newMenuOption } from './defaults';
import { menuConfigSchema } from './validity';

const MAX_OPTIONS = 10;

export function MenuPanel({ id, config }: { id: string; config: NodeConfig<'menu'> }) {
  const { t } = useTranslation();
  // Saved configs may omit fields the schema defaults (the starter flow does); the form shows those defaults.
  const form = useForm({ resolver: zodResolver(menuConfigSchema), defaultValues: { ...menuDefaults(), ...config }, mode: 'onChange' });
  useSyncConfig(id, form);
  // The option's own `id` names its handle, so the field array keeps its React key elsewhere.
  const options = useFieldArray({ control: form.control, name: 'options', keyName: 'key' });
  const { errors } = form.formState;
  const style = form.watch('style');
  const optionsError = errors.options?.root?.message ?? errors.options?.message;
  return (
    <div className="space-y-6">
      <PanelSection>
        <Field label={t('flows.panel.menu.text')} error={errorOf(errors.text)}>
          {(control) => <Textarea {...control} rows={4} placeholder={t('flows.panel.menu.textPlaceholder')} {...form.register('text')} />}
        </Field>
        <VariablesHint />
        <div className="grid grid-cols-2 gap-3">
          <Field label={t('flows.panel.menu.style')}>
            {(control) => (
              <Select {...control} {...form.register('style')}>
                {(['buttons', 'list', 'text'] as const).map((s) => (
                  <option key={s} value={s}>
                    {t(`flows.nodes.menu.style.${s}`)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          {style === 'list' && (
            <Field label={t('flows.panel.menu.buttonLabel')} error={errorOf(errors.buttonLabel)}>
              {(control) => <Input {...control} maxLength={20} {...form.register('buttonLabel')} />}
            </Field>
          )}
        </div>
      </PanelSection>

      <PanelSection title={t('flows.panel.menu.options')}>
        <ol className="space-y-3">
          {options.fields.map((field, index) => (
            <li key={field.key} className="rounded-lg border border-zinc-200 bg-zinc-50/60 p-3" data-option-index={index}>
              <div className="flex items-start gap-2">
                <span className="mt-2.5 flex size-5 shrink-0 items-center justify-center rounded bg-white text-[11px] font-semibold text-zinc-500 ring-1 ring-zinc-200">{index + 1}</span>
                <div className="min-w-0 flex-1 space-y-2">
                  <Field label={t('flows.panel.menu.optionLabel', { n: index + 1 })} error={errorOf(errors.options?.[index]?.label)}>
                    {(control) => <Input {...control} compact maxLength={24} {...form.register(`options.${index}.label`)} />}
                  </Field>
                  <Controller
                    control={form.control}
                    name={`options.${index}.synonyms`}
                    render={({ field: synonyms }) => (
                      <TagsInput value={synonyms.value ?? []} onChange={synonyms.onChange} label={t('flows.panel.menu.synonymsOf', { n: index + 1 })} placeholder={t('flows.panel.menu.synonymsPlaceholder')} />
                    )}
                  />
                </div>
                <Button variant="dangerGhost" size="icon" className="mt-6" disabled={options.fields.length <= 1} onClick={() => options.remove(index)} aria-label={t('flows.panel.menu.removeOption', { n: index + 1 })} title={t('common.delete')}>
                  <Trash aria-hidden="true" className="size-4" />
                </Button>
              </div>
            </li>
          ))}
        </ol>
        {optionsError && <p className="text-xs font-medium text-red-600">{optionsError}</p>}
        <Button variant="secondary" size="sm" disabled={options.fields.length >= MAX_OPTIONS} onClick={() => options.append(newMenuOption())}>
          <Plus aria-hidden="true" className="size-4" />
          {t('flows.panel.menu.addOption')}
        </Button>
      </PanelSection>

      <PanelSection title={t('flows.panel.menu.fallbacks')}>
        <Field label={t('flows.panel.menu.invalidText')} error={errorOf(errors.invalidText)}>
          {(control) => <Textarea {...control} rows={3} {...form.register('invalidText')} />}
        </Field>
        <RetryLimitFields form={form} />
      </PanelSection>
    </div>
  );
}
