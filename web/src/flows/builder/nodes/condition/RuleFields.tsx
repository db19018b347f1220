import { Controller, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ConditionRule } from '../../../../../../workflows/flow/schema';
import { Field } from '../../../../ui/Field';
import { Input } from '../../../../ui/Input';
import { Select } from '../../../../ui/Select';
import { DepartmentSelect } from '../shared/DepartmentSelect';
import { errorOf } from '../shared/fields';
import { TagsInput } from '../shared/TagsInput';
import { VariableInput } from '../shared/VariableInput';
import type { conditionConfigSchema } from './validity';

type Form = UseFormReturn<z.input<typeof conditionConfigSchema>, unknown, z.output<typeof conditionConfigSchema>>;

const comparisons = ['equals', 'notEquals', 'contains', 'greaterThan', 'lessThan', 'isSet', 'isEmpty'] as const;

/** The fields of one branch's rule; which ones depends on the rule's kind. */
export function RuleFields({ form, index, kind }: { form: Form; index: number; kind: ConditionRule['kind'] }) {
  const { t } = useTranslation();
  const errors = form.formState.errors.branches?.[index]?.rule as Partial<Record<string, { message?: string }>> | undefined;
  const prefix = `branches.${index}.rule` as const;
  switch (kind) {
    case 'variable': {
      const comparison = form.watch(`${prefix}.comparison`);
      return (
        <>
          <Field label={t('flows.panel.condition.variable')} error={errorOf(errors?.variable)}>
            {(control) => <VariableInput control={control} registration={form.register(`${prefix}.variable`)} placeholder="cpf" />}
          </Field>
          <div className="grid grid-cols-2 gap-2">
            <Field label={t('flows.panel.condition.comparison')}>
              {(control) => (
                <Select {...control} {...form.register(`${prefix}.comparison`)}>
                  {comparisons.map((c) => (
                    <option key={c} value={c}>
                      {t(`flows.nodes.condition.comparisons.${c}`)}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            {comparison !== 'isSet' && comparison !== 'isEmpty' && (
              <Field label={t('flows.panel.condition.value')} error={errorOf(errors?.value)}>
                {(control) => <Input {...control} maxLength={200} {...form.register(`${prefix}.value`)} />}
              </Field>
            )}
          </div>
        </>
      );
    }
    case 'keyword':
      return (
        <Field label={t('flows.panel.condition.keywords')} hint={t('flows.panel.condition.keywordsHint')} error={errorOf(errors?.keywords)}>
          {() => (
            <Controller
              control={form.control}
              name={`${prefix}.keywords`}
              render={({ field }) => <TagsInput value={field.value ?? []} onChange={field.onChange} label={t('flows.panel.condition.keywordsOf', { n: index + 1 })} placeholder={t('flows.panel.condition.keywordsPlaceholder')} />}
            />
          )}
        </Field>
      );
    case 'businessHours':
    case 'agentsOnline':
      return (
        <Field label={t('flows.panel.route.department')} error={errorOf(errors?.departmentId)}>
          {(control) => <DepartmentSelect control={control} registration={form.register(`${prefix}.departmentId`)} />}
        </Field>
      );
    case 'tag':
      return (
        <Field label={t('flows.panel.condition.tag')} error={errorOf(errors?.tag)}>
          {(control) => <Input {...control} maxLength={40} placeholder={t('flows.panel.condition.tagPlaceholder')} {...form.register(`${prefix}.tag`)} />}
        </Field>
      );
  }
}
