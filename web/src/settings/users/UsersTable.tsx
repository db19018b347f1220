import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The table frame; rows (or skeleton rows) come as children so all states share the same columns. */
export function UsersTable({ canManage, children }: { canManage: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const th = 'px-3 py-2.5 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase';
  return (
    <table className="w-full">
      <caption className="sr-only">{t('users.title')}</caption>
      <thead className="border-b border-zinc-200 bg-zinc-50/80">
        <tr>
          <th scope="col" className={`${th} pl-5`}>
            {t('users.columns.user')}
          </th>
          <th scope="col" className={th}>
            {t('users.columns.role')}
          </th>
          <th scope="col" className={`${th} hidden lg:table-cell`}>
            {t('users.columns.departments')}
          </th>
          <th scope="col" className={th}>
            {t('users.columns.status')}
          </th>
          <th scope="col" className={`${th} hidden md:table-cell`}>
            {t('users.columns.lastLogin')}
          </th>
          {canManage && (
            <th scope="col" className={`${th} pr-5 text-right`}>
              <span className="sr-only">{t('users.columns.actions')}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100">{children}</tbody>
    </table>
  );
}
