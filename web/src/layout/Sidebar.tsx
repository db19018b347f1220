import clsx from 'clsx';
import { X } from 'lucide-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { canReviewPasswordResets } from '../auth/permissions';
import { useCurrentUser } from '../auth/sessionStore';
import { usePendingResetCount } from '../settings/passwordResets/usePasswordResets';
import { Logo } from '../ui/Logo';
import { NavEntry } from './NavEntry';
import { settingsNav, workspaceNav } from './navItems';

interface SidebarProps {
  open: boolean;
  onClose: () => void;
}

/** Fixed on large screens; below that a drawer the top bar opens. */
export function Sidebar({ open, onClose }: SidebarProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const pendingResets = usePendingResetCount(canReviewPasswordResets(user.role));
  const visible = settingsNav.filter((item) => !item.visibleTo || item.visibleTo(user.role));

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open, onClose]);

  return (
    <>
      {open && <button type="button" aria-label={t('nav.closeMenu')} onClick={onClose} className="fixed inset-0 z-30 bg-zinc-950/30 lg:hidden" />}
      <aside
        className={clsx(
          'fixed inset-y-0 left-0 z-40 flex w-64 shrink-0 flex-col border-r border-zinc-200 bg-white transition-[translate,visibility] duration-200 lg:visible lg:static lg:translate-x-0',
          // Hidden, not just moved off-screen, so a closed drawer's links are out of the tab order.
          open ? 'visible translate-x-0 shadow-xl' : 'invisible -translate-x-full',
        )}
      >
        <div className="flex h-14 shrink-0 items-center justify-between border-b border-zinc-200 px-5">
          <Logo />
          <button type="button" onClick={onClose} aria-label={t('nav.closeMenu')} className="rounded-md p-1 text-zinc-500 hover:bg-zinc-100 lg:hidden">
            <X aria-hidden="true" className="size-5" />
          </button>
        </div>
        <nav aria-label={t('nav.ariaLabel')} className="flex-1 overflow-y-auto px-3 pt-3 pb-6">
          <ul className="flex flex-col gap-0.5">
            {workspaceNav.map((item) => (
              <NavEntry key={item.key} item={item} onNavigate={onClose} />
            ))}
          </ul>
          <h2 className="mt-7 mb-2 px-3 text-[11px] font-semibold tracking-wider text-zinc-400 uppercase">{t('nav.settings')}</h2>
          <ul className="flex flex-col gap-0.5">
            {visible.map((item) => (
              <NavEntry key={item.key} item={item} onNavigate={onClose} count={item.key === 'passwordResets' ? pendingResets : undefined} />
            ))}
          </ul>
        </nav>
      </aside>
    </>
  );
}
