import clsx from 'clsx';
import { Clock, Pencil, Shuffle, Trash, UsersRound } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { weekdays, type Department } from '../../lib/types';
import { Avatar } from '../../ui/Avatar';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';

interface DepartmentCardProps {
  department: Department;
  canManage: boolean;
  onEdit: (department: Department) => void;
  onDelete: (department: Department) => void;
}

const SHOWN_MEMBERS = 5;

export function DepartmentCard({ department, canManage, onEdit, onDelete }: DepartmentCardProps) {
  const { t } = useTranslation();
  const members = department.members.filter((m) => m.active);
  const alwaysOpen = weekdays.every((day) => (department.businessHours.days[day] ?? []).length === 0);
  return (
    <Card className={clsx('flex flex-col overflow-hidden', !department.active && 'opacity-75')}>
      <div className="h-1" style={{ backgroundColor: department.color }} />
      <div className="flex flex-1 flex-col p-5">
        <div className="flex items-start gap-3">
          <span aria-hidden="true" className="flex size-10 shrink-0 items-center justify-center rounded-lg text-sm font-semibold text-white" style={{ backgroundColor: department.color }}>
            {department.name.slice(0, 1).toUpperCase()}
          </span>
          <div className="min-w-0 flex-1">
            <h3 className="flex items-center gap-2 text-sm font-semibold text-zinc-900">
              <span className="truncate">{department.name}</span>
              {!department.active && <Badge>{t('departments.inactive')}</Badge>}
            </h3>
            <p className="truncate font-mono text-xs text-zinc-400">{department.slug}</p>
          </div>
          {canManage && (
            <div className="-mt-1 -mr-2 flex">
              <Button variant="ghost" size="icon" onClick={() => onEdit(department)} aria-label={t('departments.actions.edit', { name: department.name })} title={t('common.edit')}>
                <Pencil aria-hidden="true" className="size-4" />
              </Button>
              <Button variant="dangerGhost" size="icon" onClick={() => onDelete(department)} aria-label={t('departments.actions.delete', { name: department.name })} title={t('common.delete')}>
                <Trash aria-hidden="true" className="size-4" />
              </Button>
            </div>
          )}
        </div>

        <p className={clsx('mt-4 line-clamp-2 min-h-10 text-sm leading-5', department.greeting ? 'text-zinc-600' : 'text-zinc-400 italic')}>
          {department.greeting || t('departments.noGreeting')}
        </p>

        <dl className="mt-4 flex flex-wrap gap-x-5 gap-y-2 text-xs text-zinc-600">
          <div className="flex items-center gap-1.5">
            <dt>
              <Clock aria-hidden="true" className="size-3.5 text-zinc-400" />
              <span className="sr-only">{t('departments.form.responseTimeout')}</span>
            </dt>
            <dd>{t('departments.timeout', { count: department.responseTimeoutMinutes })}</dd>
          </div>
          <div className="flex items-center gap-1.5">
            <dt>
              <UsersRound aria-hidden="true" className="size-3.5 text-zinc-400" />
              <span className="sr-only">{t('departments.form.members')}</span>
            </dt>
            <dd>{t('departments.memberCount', { count: members.length })}</dd>
          </div>
          <div className="flex items-center gap-1.5">
            <dt>
              <Shuffle aria-hidden="true" className="size-3.5 text-zinc-400" />
              <span className="sr-only">{t('departments.routing.strategy')}</span>
            </dt>
            <dd>{t(`departments.strategies.${department.assignmentStrategy}.name`)}</dd>
          </div>
        </dl>

        {alwaysOpen ? (
          <p className="mt-4 flex h-6 items-center justify-center rounded bg-emerald-50 text-[11px] font-medium text-emerald-700">{t('departments.alwaysOpen')}</p>
        ) : (
        <ul aria-label={t('departments.form.businessHours')} className="mt-4 flex gap-1">
          {weekdays.map((day) => {
            const intervals = department.businessHours.days[day] ?? [];
            const open = intervals.length > 0;
            const hours = intervals.map((i) => `${i.start}–${i.end}`).join(', ');
            return (
              <li
                key={day}
                title={`${t(`weekdays.${day}`)}: ${open ? hours : t('departments.closed')}`}
                className={clsx('flex h-6 flex-1 items-center justify-center rounded text-[11px] font-medium', open ? 'bg-emerald-50 text-emerald-700' : 'bg-zinc-100 text-zinc-400')}
              >
                <span aria-hidden="true">{t(`weekdaysShort.${day}`)}</span>
                <span className="sr-only">
                  {t(`weekdays.${day}`)}: {open ? hours : t('departments.closed')}
                </span>
              </li>
            );
          })}
        </ul>
        )}

        <div className="mt-auto flex items-center pt-5">
          {members.length === 0 ? (
            <span className="text-xs text-zinc-400">{t('departments.noMembers')}</span>
          ) : (
            <div className="flex -space-x-1">
              {members.slice(0, SHOWN_MEMBERS).map((member) => (
                <span key={member.id} title={member.name}>
                  <Avatar name={member.name} size="sm" className="ring-2 ring-white" />
                </span>
              ))}
              {members.length > SHOWN_MEMBERS && (
                <span className="inline-flex size-6 items-center justify-center rounded-full bg-zinc-100 text-[10px] font-semibold text-zinc-600 ring-2 ring-white">+{members.length - SHOWN_MEMBERS}</span>
              )}
            </div>
          )}
        </div>
      </div>
    </Card>
  );
}
