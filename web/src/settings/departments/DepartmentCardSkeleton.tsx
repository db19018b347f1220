import { Card } from '../../ui/Card';
import { Skeleton } from '../../ui/Skeleton';

export function DepartmentCardSkeleton() {
  return (
    <Card className="p-5">
      <div className="flex items-center gap-3">
        <Skeleton className="size-10 rounded-lg" />
        <div className="space-y-1.5">
          <Skeleton className="h-3.5 w-32" />
          <Skeleton className="h-3 w-20" />
        </div>
      </div>
      <Skeleton className="mt-5 h-3.5 w-full" />
      <Skeleton className="mt-2 h-3.5 w-2/3" />
      <Skeleton className="mt-5 h-6 w-full" />
      <Skeleton className="mt-5 h-6 w-28 rounded-full" />
    </Card>
  );
}
