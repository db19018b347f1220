import { Page } from '../ui/Page';
import { Skeleton } from '../ui/Skeleton';

export function PageSkeleton() {
  return (
    <Page>
      <Skeleton className="h-6 w-48" />
      <Skeleton className="mt-3 h-4 w-80" />
      <Skeleton className="mt-8 h-64 w-full rounded-xl" />
    </Page>
  );
}
