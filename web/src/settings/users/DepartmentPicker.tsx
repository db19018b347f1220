import clsx from 'clsx';
import { Check } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { Skeleton } from '../../ui/Skeleton';
import { useDepartments } from '../departments/useDepartments';

interface DepartmentPickerProps {
  selected: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}

export function DepartmentPicker({ selected, onChange, error }: DepartmentPickerProps) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const toggle = (id: string) => onChange(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id]);

  return (
    <fieldset>
      <legend className="mb-1.5 text-sm font-medium text-zinc-800">{t('users.form.departments')}</legend>
      {departments.isPending && (
        <div className="flex gap-2">
          <Skeleton className="h-7 w-24 rounded-full" />
          <Skeleton className="h-7 w-28 rounded-full" />
          <Skeleton className="h-7 w-20 rounded-full" />
        </div>
      )}
      {departments.isError && (
        <p className="flex items-center gap-2 text-sm text-red-700">
          {t('errors.loadFailed')}
          <Button variant="ghost" size="sm" onClick={() => void departments.refetch()}>
            {t('common.retry')}
          </Button>
        </p>
      )}
      {departments.data?.length === 0 && <p className="text-sm text-zinc-500">{t('users.form.noDepartments')}</p>}
      {departments.data && departments.data.length > 0 && (
        <div className="flex flex-wrap gap-2">
          {departments.data.map((department) => {
            const on = selected.includes(department.id);
            return (
              <button
                key={department.id}
                type="button"
                aria-pressed={on}
                onClick={() => toggle(department.id)}
                className={clsx(
                  'inline-flex h-7 items-center gap-1.5 rounded-full border px-3 text-xs font-medium transition-colors',
                  on ? 'border-emerald-600 bg-emerald-50 text-emerald-800' : 'border-zinc-300 bg-white text-zinc-700 hover:border-zinc-400',
                )}
              >
                {on ? <Check aria-hidden="true" className="size-3.5" /> : <span aria-hidden="true" className="size-2 rounded-full" style={{ backgroundColor: department.color }} />}
                {department.name}
              </button>
            );
          })}
        </div>
      )}
      {error && <p className="mt-1.5 text-xs font-medium text-red-600">{error}</p>}
    </fieldset>
  );
}
