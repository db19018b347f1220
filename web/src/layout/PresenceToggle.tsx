import { useMutation } from '@tanstack/react-query';
import clsx from 'clsx';
import { useTranslation } from 'react-i18next';
import { setPresence } from '../auth/session';
import { useCurrentUser, useSessionStore } from '../auth/sessionStore';
import { errorMessage } from '../lib/errorMessage';
import { presences, type Presence } from '../lib/types';
import { PresenceDot } from '../ui/PresenceDot';
import { toast } from '../ui/toastStore';

/** Always in sight, because it decides whether the queue hands this person new conversations. */
export function PresenceToggle() {
  const { t } = useTranslation();
  const user = useCurrentUser();
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
  if (user.role === 'VIEWER') return null;
  return (
    <div role="radiogroup" aria-label={t('inbox.presence.label')} className="hidden items-center rounded-lg bg-zinc-100 p-0.5 md:flex">
      {presences.map((status) => {
        const active = user.status === status;
        return (
          <button
            key={status}
            type="button"
            role="radio"
            aria-checked={active}
            onClick={() => !active && presence.mutate(status)}
            className={clsx(
              'flex h-7 items-center gap-1.5 rounded-md px-2.5 text-xs font-medium transition-colors',
              active ? 'bg-white text-zinc-900 shadow-xs' : 'text-zinc-500 hover:text-zinc-800',
            )}
          >
            <PresenceDot status={status} className="size-2" />
            {t(`presence.${status}`)}
          </button>
        );
      })}
    </div>
  );
}
