import clsx from 'clsx';
import { Hand, Repeat, Scale, type LucideIcon } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useDepartmentDirectory } from '../../lib/directory';
import type { FieldErrors } from '../../lib/formErrors';
import { assignmentStrategies, type AssignmentStrategy } from '../../lib/types';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';
import { Select } from '../../ui/Select';
import type { DepartmentFormValues } from './departmentForm';

type RoutingValues = Pick<DepartmentFormValues, 'responseTimeoutMinutes' | 'assignmentStrategy' | 'escalationDepartmentId' | 'maxEscalations'>;

interface RoutingSectionProps {
  /** The department being edited (null while creating): it cannot escalate to itself. */
  departmentId: string | null;
  values: RoutingValues;
  onChange: <K extends keyof RoutingValues>(key: K, value: DepartmentFormValues[K]) => void;
  errors: FieldErrors;
}

const strategyIcons: Record<AssignmentStrategy, LucideIcon> = { MANUAL: Hand, ROUND_ROBIN: Repeat, LEAST_BUSY: Scale };

/** Who gets a queued conversation, how long it may wait, and where it goes when nobody answers. */
export function RoutingSection({ departmentId, values, onChange, errors }: RoutingSectionProps) {
  const { t } = useTranslation();
  const directory = useDepartmentDirectory();
  const targets = (directory.data ?? []).filter((d) => d.id !== departmentId);
  const escalating = values.escalationDepartmentId !== '';

  return (
    <fieldset className="flex flex-col gap-5 rounded-xl border border-zinc-200 p-4">
      <legend className="px-1 text-sm font-semibold text-zinc-900">{t('departments.routing.title')}</legend>
      <p className="-mt-2 text-xs text-zinc-500">{t('departments.routing.description')}</p>

      <div role="radiogroup" aria-label={t('departments.routing.strategy')} className="flex flex-col gap-2">
        <span className="text-sm font-medium text-zinc-800">{t('departments.routing.strategy')}</span>
        <div className="grid gap-2 sm:grid-cols-3">
          {assignmentStrategies.map((strategy) => {
            const Icon = strategyIcons[strategy];
            const checked = values.assignmentStrategy === strategy;
            return (
              <label
                key={strategy}
                className={clsx(
                  'flex cursor-pointer flex-col gap-1 rounded-lg border px-3 py-2.5 has-focus-visible:outline-2 has-focus-visible:outline-emerald-600',
                  checked ? 'border-emerald-600 bg-emerald-50' : 'border-zinc-200 hover:bg-zinc-50',
                )}
              >
                <span className="flex items-center gap-2 text-sm font-medium text-zinc-900">
                  <input type="radio" name="assignment-strategy" className="sr-only" checked={checked} onChange={() => onChange('assignmentStrategy', strategy)} />
                  <Icon aria-hidden="true" className={clsx('size-4', checked ? 'text-emerald-700' : 'text-zinc-400')} />
                  {t(`departments.strategies.${strategy}.name`)}
                </span>
                <span className="text-xs leading-snug text-zinc-500">{t(`departments.strategies.${strategy}.text`)}</span>
              </label>
            );
          })}
        </div>
        {errors.assignmentStrategy && <p className="text-xs font-medium text-red-600">{errors.assignmentStrategy}</p>}
      </div>

      <div className="grid gap-5 sm:grid-cols-2">
        <Field label={t('departments.form.responseTimeout')} error={errors.responseTimeoutMinutes} hint={t('departments.form.responseTimeoutHint')}>
          {(control) => (
            <div className="relative">
              <Input {...control} type="number" inputMode="numeric" min={1} max={1440} value={values.responseTimeoutMinutes} onChange={(e) => onChange('responseTimeoutMinutes', e.target.value)} className="pr-14" />
              <span aria-hidden="true" className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-sm text-zinc-400">
                {t('departments.minutesUnit')}
              </span>
            </div>
          )}
        </Field>
        <Field label={t('departments.routing.maxEscalations')} error={errors.maxEscalations} hint={t(escalating ? 'departments.routing.maxEscalationsHintMove' : 'departments.routing.maxEscalationsHint')}>
          {(control) => (
            <div className="relative">
              <Input {...control} type="number" inputMode="numeric" min={1} max={20} value={values.maxEscalations} onChange={(e) => onChange('maxEscalations', e.target.value)} className="pr-16" />
              <span aria-hidden="true" className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-sm text-zinc-400">
                {t('departments.routing.alertsUnit')}
              </span>
            </div>
          )}
        </Field>
      </div>

      <Field label={t('departments.routing.escalation')} error={errors.escalationDepartmentId} hint={t(escalating ? 'departments.routing.escalationHintMove' : 'departments.routing.escalationHintStay')}>
        {(control) => (
          <Select {...control} value={values.escalationDepartmentId} onChange={(e) => onChange('escalationDepartmentId', e.target.value)}>
            <option value="">{t('departments.routing.noEscalation')}</option>
            {targets.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
    </fieldset>
  );
}
