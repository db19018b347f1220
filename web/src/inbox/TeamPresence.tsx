import clsx from 'clsx';
import { UsersRound } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Presence } from '../lib/types';
import { Avatar } from '../ui/Avatar';
import { Button } from '../ui/Button';
import { PresenceDot } from '../ui/PresenceDot';
import { Spinner } from '../ui/Spinner';
import { useUserDirectory } from '../lib/directory';

const order: Record<Presence, number> = { ONLINE: 0, AWAY: 1, OFFLINE: 2 };

/** For supervisors: who is available and how many conversations each person holds against their limit. */
export function TeamPresence() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const users = useUserDirectory({ live: open });
  const { refetch } = users;

  // The directory counts each person's open conversations; opening the panel asks for today's numbers.
  useEffect(() => {
    if (open) void refetch();
  }, [open, refetch]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  const team = (users.data ?? []).filter((u) => u.role !== 'VIEWER').sort((a, b) => order[a.status] - order[b.status] || a.name.localeCompare(b.name));
  const online = team.filter((u) => u.status === 'ONLINE').length;

  return (
    // Positioned against the list's header (not this button), so the panel spans the list instead of overflowing it.
    <div ref={container}>
      <Button variant={open ? 'accentGhost' : 'ghost'} size="sm" title={t('inbox.team.title')} aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)} className="h-8 gap-1.5 px-2 text-xs">
        <UsersRound aria-hidden="true" className="size-4" />
        <span className="tabular-nums" aria-label={t('inbox.team.online', { count: online })}>
          {online}
        </span>
      </Button>
      {open && (
        <div id={panelId} className="absolute inset-x-3 top-full z-30 -mt-1 rounded-xl border border-zinc-200 bg-white shadow-xl">
          <p className="border-b border-zinc-100 px-4 py-2.5 text-xs font-semibold text-zinc-500">{t('inbox.team.title')}</p>
          {users.isPending ? (
            <p className="flex items-center gap-2 px-4 py-3 text-sm text-zinc-500">
              <Spinner className="size-4" />
              {t('common.loading')}
            </p>
          ) : users.isError ? (
            <p role="alert" className="px-4 py-3 text-sm text-red-700">
              {t('inbox.team.failed')}
            </p>
          ) : (
            <ul className="max-h-80 overflow-y-auto py-1">
              {team.map((u) => {
                const count = u.openConversations;
                const full = count >= u.maxConcurrentChats;
                return (
                  <li key={u.id} className="flex items-center gap-3 px-4 py-1.5">
                    <span className="relative">
                      <Avatar name={u.name} size="sm" />
                      <PresenceDot status={u.status} className="absolute -right-0.5 -bottom-0.5 size-2! ring-2 ring-white" />
                    </span>
                    <span className="min-w-0 flex-1">
                      <span className="block truncate text-sm text-zinc-800">{u.name}</span>
                      <span className="block text-[11px] text-zinc-500">{t(`presence.${u.status}`)}</span>
                    </span>
                    <span
                      title={t('inbox.team.load', { count, max: u.maxConcurrentChats })}
                      className={clsx('rounded-md px-1.5 py-0.5 text-xs font-semibold tabular-nums', full ? 'bg-red-50 text-red-700' : count > 0 ? 'bg-emerald-50 text-emerald-700' : 'bg-zinc-100 text-zinc-500')}
                    >
                      {`${count}/${u.maxConcurrentChats}`}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
