import { Skeleton } from '../../ui/Skeleton';

export function UserRowSkeleton({ canManage }: { canManage: boolean }) {
  return (
    <tr>
      <td className="py-3 pr-3 pl-5">
        <div className="flex items-center gap-3">
          <Skeleton className="size-8 rounded-full" />
          <div className="space-y-1.5">
            <Skeleton className="h-3.5 w-32" />
            <Skeleton className="h-3 w-44" />
          </div>
        </div>
      </td>
      <td className="px-3 py-3">
        <Skeleton className="h-5 w-20" />
      </td>
      <td className="hidden px-3 py-3 lg:table-cell">
        <Skeleton className="h-5 w-28 rounded-full" />
      </td>
      <td className="px-3 py-3">
        <Skeleton className="h-4 w-16" />
      </td>
      <td className="hidden px-3 py-3 md:table-cell">
        <Skeleton className="h-4 w-20" />
      </td>
      {canManage && <td className="py-3 pr-5 pl-3" />}
    </tr>
  );
}
