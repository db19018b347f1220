import { useMutation } from '@tanstack/react-query';
import clsx from 'clsx';
import { ChevronDown, CircleUser, LogOut } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { logout, setPresence } from '../auth/session';
import { useCurrentUser, useSessionStore } from '../auth/sessionStore';
import { errorMessage } from '../lib/errorMessage';
import { presences, type Presence } from '../lib/types';
import { Avatar } from '../ui/Avatar';
import { PresenceDot } from '../ui/PresenceDot';
import { RoleBadge } from '../ui/RoleBadge';
import { toast } from '../ui/toastStore';
import { LanguageSwitcher } from './LanguageSwitcher';

/** A disclosure panel rather than an ARIA menu: it holds radios and a select, which a menu role cannot. */
export function UserMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [open, setOpen] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  const presence = useMutation({
    mutationFn: setPresence,
    onMutate: (status: Presence) => {
      const previous = useSessionStore.getState().user;
      if (previous) useSessionStore.getState().setUser({ ...previous, status });
      return previous;
    },
    onError: (error, _status, previous) => {
      if (previous) useSessionStore.getState().setUser(previous);
      toast(errorMessage(error), 'error');
    },
  });

  const signOut = useMutation({
    mutationFn: logout,
    onSettled: () => navigate('/login', { replace: true }),
  });

  return (
    <div ref={containerRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-label={t('userMenu.open', { name: user.name })}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-2.5 rounded-lg py-1 pr-2 pl-1 hover:bg-zinc-100"
      >
        <span className="relative">
          <Avatar name={user.name} />
          <PresenceDot status={user.status} className="absolute -right-0.5 -bottom-0.5 ring-2 ring-white" />
        </span>
        <span className="hidden text-left sm:block">
          <span className="block max-w-40 truncate text-sm leading-tight font-medium text-zinc-900">{user.name}</span>
          <span className="block text-xs leading-tight text-zinc-500">{t(`presence.${user.status}`)}</span>
        </span>
        <ChevronDown aria-hidden="true" className={clsx('size-4 text-zinc-400 transition-transform', open && 'rotate-180')} />
      </button>

      {open && (
        <div id={panelId} className="absolute top-full right-0 z-30 mt-2 w-72 origin-top-right rounded-xl border border-zinc-200 bg-white shadow-xl">
          <div className="flex items-start gap-3 border-b border-zinc-100 p-4">
            <Avatar name={user.name} size="lg" />
            <div className="min-w-0">
              <p className="truncate text-sm font-semibold text-zinc-900">{user.name}</p>
              <p className="truncate text-xs text-zinc-500">{user.email}</p>
              <div className="mt-1.5">
                <RoleBadge role={user.role} />
              </div>
            </div>
          </div>

          <fieldset className="border-b border-zinc-100 p-2">
            <legend className="px-2 pt-2 pb-1 text-[11px] font-semibold tracking-wider text-zinc-400 uppercase">{t('userMenu.presence')}</legend>
            {presences.map((status) => (
              <label key={status} className="flex cursor-pointer items-center gap-3 rounded-lg px-2 py-1.5 text-sm text-zinc-700 hover:bg-zinc-50 has-focus-visible:outline-2 has-focus-visible:outline-emerald-600">
                <input type="radio" name="presence" value={status} checked={user.status === status} onChange={() => presence.mutate(status)} className="sr-only" />
                <PresenceDot status={status} />
                <span className="flex-1">{t(`presence.${status}`)}</span>
                {user.status === status && <span className="text-xs text-emerald-700">{t('userMenu.current')}</span>}
              </label>
            ))}
          </fieldset>

          <div className="border-b border-zinc-100 px-4 py-3">
            <LanguageSwitcher />
          </div>

          <div className="p-2">
            <Link to="/settings/profile" onClick={() => setOpen(false)} className="flex items-center gap-3 rounded-lg px-2 py-2 text-sm text-zinc-700 hover:bg-zinc-50">
              <CircleUser aria-hidden="true" className="size-4 text-zinc-500" />
              {t('nav.profile')}
            </Link>
            <button type="button" onClick={() => signOut.mutate()} disabled={signOut.isPending} className="flex w-full items-center gap-3 rounded-lg px-2 py-2 text-sm text-red-700 hover:bg-red-50">
              <LogOut aria-hidden="true" className="size-4" />
              {t('userMenu.logout')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
