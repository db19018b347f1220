import { useTranslation } from 'react-i18next';
import { useDepartmentDirectory } from '../../../../lib/directory';
import { DepartmentChip } from '../../../../ui/DepartmentChip';

export function DepartmentLine({ departmentId, label }: { departmentId: string | undefined; label: string }) {
  const { t } = useTranslation();
  const departments = useDepartmentDirectory();
  const department = departments.data?.find((d) => d.id === departmentId);
  return (
    <div className="flex items-center justify-between gap-2 text-[12px] text-zinc-500">
      <span>{label}</span>
      {department ? <DepartmentChip department={department} /> : <span className="text-zinc-400 italic">{t('flows.nodes.route.noDepartment')}</span>}
    </div>
  );
}
