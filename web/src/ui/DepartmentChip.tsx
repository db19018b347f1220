import type { DepartmentRef } from '../lib/types';

export function DepartmentChip({ department }: { department: Pick<DepartmentRef, 'name' | 'color'> }) {
  return (
    <span className="inline-flex max-w-40 items-center gap-1.5 rounded-full border border-zinc-200 bg-white py-0.5 pr-2 pl-1.5 text-xs font-medium text-zinc-700">
      <span aria-hidden="true" className="size-2 shrink-0 rounded-full" style={{ backgroundColor: department.color }} />
      <span className="truncate">{department.name}</span>
    </span>
  );
}
