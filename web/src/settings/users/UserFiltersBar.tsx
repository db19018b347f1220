import { Search } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { roles } from '../../lib/types';
import { Input } from '../../ui/Input';
import { Select } from '../../ui/Select';
import type { UserFilters } from './useUsers';

interface UserFiltersBarProps {
  filters: UserFilters;
  onChange: (filters: UserFilters) => void;
}

export function UserFiltersBar({ filters, onChange }: UserFiltersBarProps) {
  const { t } = useTranslation();
  return (
    <div role="search" className="flex flex-col gap-3 border-b border-zinc-200 p-4 sm:flex-row sm:items-center">
      <div className="relative flex-1">
        <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400" />
        <Input
          type="search"
          aria-label={t('users.filters.search')}
          placeholder={t('users.filters.searchPlaceholder')}
          value={filters.q}
          onChange={(e) => onChange({ ...filters, q: e.target.value })}
          className="pl-9"
        />
      </div>
      <Select aria-label={t('users.filters.role')} value={filters.role} onChange={(e) => onChange({ ...filters, role: e.target.value as UserFilters['role'] })} className="sm:w-48">
        <option value="">{t('users.filters.allRoles')}</option>
        {roles.map((role) => (
          <option key={role} value={role}>
            {t(`roles.${role}`)}
          </option>
        ))}
      </Select>
      <Select aria-label={t('users.filters.active')} value={filters.active} onChange={(e) => onChange({ ...filters, active: e.target.value as UserFilters['active'] })} className="sm:w-40">
        <option value="true">{t('users.filters.activeOnly')}</option>
        <option value="false">{t('users.filters.inactiveOnly')}</option>
        <option value="">{t('users.filters.everyone')}</option>
      </Select>
    </div>
  );
}
