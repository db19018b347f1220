import { Building, Menu } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/useMe';
import { Skeleton } from '../ui/Skeleton';
import { PresenceToggle } from './PresenceToggle';
import { UserMenu } from './UserMenu';

export function TopBar({ onOpenSidebar }: { onOpenSidebar: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <header className="flex h-14 shrink-0 items-center gap-3 border-b border-zinc-200 bg-white px-4 sm:px-6">
      <button type="button" onClick={onOpenSidebar} aria-label={t('nav.openMenu')} className="-ml-1 rounded-md p-1.5 text-zinc-600 hover:bg-zinc-100 lg:hidden">
        <Menu aria-hidden="true" className="size-5" />
      </button>
      <div className="flex min-w-0 items-center gap-2">
        <span className="flex size-7 items-center justify-center rounded-md bg-zinc-100 text-zinc-500">
          <Building aria-hidden="true" className="size-4" />
        </span>
        {me.data ? (
          <span data-testid="company-name" className="truncate text-sm font-semibold text-zinc-900">
            {me.data.company.name}
          </span>
        ) : (
          <Skeleton className="h-4 w-36" />
        )}
      </div>
      <div className="ml-auto flex items-center gap-3">
        <PresenceToggle />
        <UserMenu />
      </div>
    </header>
  );
}
