import { zodResolver } from '@hookform/resolvers/zod';
import { ArrowDown, ArrowUp, Plus, Trash } from 'lucide-react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ConditionRule } from '../../../../../../workflows/flow/schema';
import { Button } from '../../../../ui/Button';
import { Field } from '../../../../ui/Field';
import { Input } from '../../../../ui/Input';
import { Select } from '../../../../ui/Select';
import type { NodeConfig } from '../../types';
import { errorOf, PanelSection } from '../shared/fields';
import { useSyncConfig } from '../shared/useSyncConfig';
import { emptyRule, newBranch } from './defaults';
import { RuleFields } from './RuleFields';
import { conditionConfigSchema } from './validity';

const MAX_BRANCHES = 10;
const ruleKinds = ['variable', 'keyword', 'businessHours', 'agentsOnline', 'tag'] as const satisfies readonly ConditionRule['kind'][];

export function ConditionPanel({ id, config }: { id: string; config: NodeConfig<'condition'> }) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(conditionConfigSchema), defaultValues: config, mode: 'onChange' });
  useSyncConfig(id, form);
  // The branch's own `id` names its handle, so the field array keeps its React key elsewhere.
  const branches = useFieldArray({ control: form.control, name: 'branches', keyName: 'key' });
  const { errors } = form.formState;
  const kinds = (form.watch('branches') ?? []).map((b) => b.rule?.kind ?? 'keyword');
  const branchesError = errors.branches?.root?.message ?? errors.branches?.message;
  return (
    <div className="space-y-6">
      <p className="text-xs leading-relaxed text-zinc-500">{t('flows.panel.condition.intro')}</p>
      <PanelSection title={t('flows.panel.condition.branches')}>
        <ol className="space-y-3">
          {branches.fields.map((field, index) => (
            <li key={field.key} className="space-y-3 rounded-lg border border-zinc-200 bg-zinc-50/60 p-3" data-branch-index={index}>
              <div className="flex items-end gap-1">
                <div className="min-w-0 flex-1">
                  <Field label={t('flows.panel.condition.label', { n: index + 1 })} error={errorOf(errors.branches?.[index]?.label)}>
                    {(control) => <Input {...control} compact maxLength={40} {...form.register(`branches.${index}.label`)} />}
                  </Field>
                </div>
                <Button variant="ghost" size="icon" disabled={index === 0} onClick={() => branches.move(index, index - 1)} aria-label={t('flows.panel.condition.moveUp', { n: index + 1 })} title={t('flows.panel.condition.moveUp', { n: index + 1 })}>
                  <ArrowUp aria-hidden="true" className="size-4" />
                </Button>
                <Button variant="ghost" size="icon" disabled={index === branches.fields.length - 1} onClick={() => branches.move(index, index + 1)} aria-label={t('flows.panel.condition.moveDown', { n: index + 1 })} title={t('flows.panel.condition.moveDown', { n: index + 1 })}>
                  <ArrowDown aria-hidden="true" className="size-4" />
                </Button>
                <Button variant="dangerGhost" size="icon" disabled={branches.fields.length <= 1} onClick={() => branches.remove(index)} aria-label={t('flows.panel.condition.remove', { n: index + 1 })} title={t('common.delete')}>
                  <Trash aria-hidden="true" className="size-4" />
                </Button>
              </div>
              <Field label={t('flows.panel.condition.kind')}>
                {(control) => (
                  <Select {...control} value={kinds[index]} onChange={(e) => form.setValue(`branches.${index}.rule`, emptyRule(e.target.value as ConditionRule['kind']), { shouldValidate: true, shouldDirty: true })}>
                    {ruleKinds.map((k) => (
                      <option key={k} value={k}>
                        {t(`flows.nodes.condition.kinds.${k}`)}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <RuleFields form={form} index={index} kind={kinds[index] ?? 'keyword'} />
            </li>
          ))}
        </ol>
        {branchesError && <p className="text-xs font-medium text-red-600">{branchesError}</p>}
        <Button variant="secondary" size="sm" disabled={branches.fields.length >= MAX_BRANCHES} onClick={() => branches.append(newBranch(branches.fields.length + 1))}>
          <Plus aria-hidden="true" className="size-4" />
          {t('flows.panel.condition.add')}
        </Button>
        <p className="text-xs text-zinc-500">{t('flows.panel.condition.elseHint')}</p>
      </PanelSection>
    </div>
  );
}
