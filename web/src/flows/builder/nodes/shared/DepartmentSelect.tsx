import { useTranslation } from 'react-i18next';
import { useDepartmentDirectory } from '../../../../lib/directory';
import { Select } from '../../../../ui/Select';
import type { ControlProps } from '../../../../ui/Field';
import type { UseFormRegisterReturn } from 'react-hook-form';

export function DepartmentSelect({ control, registration }: { control: ControlProps; registration: UseFormRegisterReturn }) {
  const { t } = useTranslation();
  const departments = useDepartmentDirectory();
  return (
    <Select {...control} {...registration}>
      <option value="">{departments.isPending ? t('common.loading') : t('flows.panel.route.pickDepartment')}</option>
      {(departments.data ?? []).map((d) => (
        <option key={d.id} value={d.id}>
          {d.name}
        </option>
      ))}
    </Select>
  );
}

/** An empty optional field is left out of the config rather than saved as "" (which the schema refuses). */
export const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
