import { Pencil, UserCheck, UserX } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { formatRelative } from '../../lib/format';
import type { User } from '../../lib/types';
import { Avatar } from '../../ui/Avatar';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { DepartmentChip } from '../../ui/DepartmentChip';
import { PresenceDot } from '../../ui/PresenceDot';
import { RoleBadge } from '../../ui/RoleBadge';

interface UserRowProps {
  user: User;
  isSelf: boolean;
  canManage: boolean;
  onEdit: (user: User) => void;
  onDeactivate: (user: User) => void;
  onReactivate: (user: User) => void;
}

const MAX_CHIPS = 3;

export function UserRow({ user, isSelf, canManage, onEdit, onDeactivate, onReactivate }: UserRowProps) {
  const { t } = useTranslation();
  const shown = user.departments.slice(0, MAX_CHIPS);
  const hidden = user.departments.length - shown.length;
  return (
    <tr className={user.active ? 'hover:bg-zinc-50/70' : 'bg-zinc-50/50 text-zinc-500'}>
      <td className="py-3 pr-3 pl-5">
        <div className="flex items-center gap-3">
          <Avatar name={user.name} className={user.active ? undefined : 'opacity-60'} />
          <div className="min-w-0">
            <p className="truncate text-sm font-medium text-zinc-900">
              {user.name}
              {isSelf && <span className="ml-1.5 text-xs font-normal text-zinc-500">{t('users.you')}</span>}
            </p>
            <p className="truncate text-xs text-zinc-500">{user.email}</p>
          </div>
        </div>
      </td>
      <td className="px-3 py-3">
        <RoleBadge role={user.role} />
      </td>
      <td className="hidden px-3 py-3 lg:table-cell">
        {user.departments.length === 0 ? (
          <span className="text-xs text-zinc-400">{t('users.noDepartments')}</span>
        ) : (
          <div className="flex flex-wrap gap-1">
            {shown.map((department) => (
              <DepartmentChip key={department.id} department={department} />
            ))}
            {hidden > 0 && <span className="px-1 text-xs text-zinc-500">{t('users.moreDepartments', { count: hidden })}</span>}
          </div>
        )}
      </td>
      <td className="px-3 py-3">
        {user.active ? (
          <span className="inline-flex items-center gap-2 text-sm text-zinc-700">
            <PresenceDot status={user.status} />
            {t(`presence.${user.status}`)}
          </span>
        ) : (
          <Badge>{t('users.inactive')}</Badge>
        )}
      </td>
      <td className="hidden px-3 py-3 text-sm whitespace-nowrap text-zinc-500 md:table-cell">
        {user.lastLoginAt ? formatRelative(user.lastLoginAt) : <span className="text-zinc-400">{t('users.neverLoggedIn')}</span>}
      </td>
      {canManage && (
        <td className="py-3 pr-5 pl-3">
          <div className="flex justify-end gap-1">
            <Button variant="ghost" size="icon" onClick={() => onEdit(user)} aria-label={t('users.actions.edit', { name: user.name })} title={t('common.edit')}>
              <Pencil aria-hidden="true" className="size-4" />
            </Button>
            {user.active && !isSelf && (
              <Button variant="dangerGhost" size="icon" onClick={() => onDeactivate(user)} aria-label={t('users.actions.deactivate', { name: user.name })} title={t('users.deactivate')}>
                <UserX aria-hidden="true" className="size-4" />
              </Button>
            )}
            {!user.active && (
              <Button variant="accentGhost" size="icon" onClick={() => onReactivate(user)} aria-label={t('users.actions.reactivate', { name: user.name })} title={t('users.reactivate')}>
                <UserCheck aria-hidden="true" className="size-4" />
              </Button>
            )}
          </div>
        </td>
      )}
    </tr>
  );
}
