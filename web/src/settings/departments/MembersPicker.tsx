import { Search } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { RoleBadge } from '../../ui/RoleBadge';
import { Skeleton } from '../../ui/Skeleton';
import { useActiveUsers } from '../users/useUsers';

interface MembersPickerProps {
  selected: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}

export function MembersPicker({ selected, onChange, error }: MembersPickerProps) {
  const { t } = useTranslation();
  const users = useActiveUsers();
  const [query, setQuery] = useState('');
  const needle = query.trim().toLowerCase();
  const visible = (users.data?.items ?? []).filter((u) => !needle || u.name.toLowerCase().includes(needle) || u.email.toLowerCase().includes(needle));
  const toggle = (id: string) => onChange(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id]);

  return (
    <fieldset>
      <div className="mb-2 flex items-baseline justify-between">
        <legend className="text-sm font-medium text-zinc-800">{t('departments.form.members')}</legend>
        <span className="text-xs text-zinc-500">{t('departments.form.selectedCount', { count: selected.length })}</span>
      </div>
      <div className="rounded-lg border border-zinc-200">
        <div className="relative border-b border-zinc-200">
          <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400" />
          <input
            type="search"
            aria-label={t('departments.form.searchMembers')}
            placeholder={t('departments.form.searchMembers')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            className="h-10 w-full rounded-t-lg bg-transparent pr-3 pl-9 text-sm text-zinc-900 placeholder:text-zinc-400 focus:outline-none focus-visible:bg-emerald-50/40"
          />
        </div>
        <ul className="max-h-56 overflow-y-auto p-1">
          {users.isPending &&
            Array.from({ length: 3 }, (_, i) => (
              <li key={i} className="flex items-center gap-3 px-2 py-2">
                <Skeleton className="size-4" />
                <Skeleton className="size-6 rounded-full" />
                <Skeleton className="h-3.5 w-40" />
              </li>
            ))}
          {users.isError && (
            <li className="flex items-center justify-between gap-2 px-2 py-2 text-sm text-red-700">
              {t('errors.loadFailed')}
              <Button variant="ghost" size="sm" onClick={() => void users.refetch()}>
                {t('common.retry')}
              </Button>
            </li>
          )}
          {users.data && visible.length === 0 && <li className="px-2 py-3 text-center text-sm text-zinc-500">{t('departments.form.noMembersFound')}</li>}
          {visible.map((user) => (
            <li key={user.id}>
              <label className="flex cursor-pointer items-center gap-3 rounded-md px-2 py-1.5 hover:bg-zinc-50 has-checked:bg-emerald-50/50">
                <input type="checkbox" checked={selected.includes(user.id)} onChange={() => toggle(user.id)} className="size-4 rounded border-zinc-300 accent-emerald-600" />
                <Avatar name={user.name} size="sm" />
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-sm text-zinc-900">{user.name}</span>
                  <span className="block truncate text-xs text-zinc-500">{user.email}</span>
                </span>
                <RoleBadge role={user.role} />
              </label>
            </li>
          ))}
        </ul>
      </div>
      {error && <p className="mt-1.5 text-xs font-medium text-red-600">{error}</p>}
    </fieldset>
  );
}
