import clsx from 'clsx';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { NavItem } from './navItems';

export function NavEntry({ item, count, onNavigate }: { item: NavItem; count?: number; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const Icon = item.icon;
  return (
    <li>
      <NavLink
        to={item.to}
        onClick={onNavigate}
        className={({ isActive }) =>
          clsx(
            'group flex h-9 items-center gap-3 rounded-lg px-3 text-sm font-medium transition-colors',
            isActive ? 'bg-emerald-50 text-emerald-800' : 'text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900',
          )
        }
      >
        {({ isActive }) => (
          <>
            <Icon aria-hidden="true" className={clsx('size-4.5 shrink-0', isActive ? 'text-emerald-600' : 'text-zinc-400 group-hover:text-zinc-600')} />
            <span className="flex-1 truncate">{t(`nav.${item.key}`)}</span>
            {count ? (
              <span className="rounded-full bg-emerald-600 px-1.5 py-px text-[11px] leading-4 font-semibold text-white" aria-label={t('nav.pendingCount', { count })}>
                {count}
              </span>
            ) : null}
          </>
        )}
      </NavLink>
    </li>
  );
}
