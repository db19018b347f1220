import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/sessionStore';
import { formatDate } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { Avatar } from '../../ui/Avatar';
import { Card } from '../../ui/Card';
import { DepartmentChip } from '../../ui/DepartmentChip';
import { Page } from '../../ui/Page';
import { PageHeader } from '../../ui/PageHeader';
import { RoleBadge } from '../../ui/RoleBadge';
import { ChangePasswordForm } from './ChangePasswordForm';

export default function ProfilePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('profile.title'));
  const user = useCurrentUser();
  return (
    <Page>
      <PageHeader title={t('profile.title')} description={t('profile.description')} />
      <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
        <Card className="h-fit p-6">
          <div className="flex flex-col items-center text-center">
            <Avatar name={user.name} size="xl" />
            <h2 className="mt-3 text-base font-semibold text-zinc-900">{user.name}</h2>
            <p className="text-sm text-zinc-500">{user.email}</p>
            <div className="mt-2">
              <RoleBadge role={user.role} />
            </div>
          </div>
          <dl className="mt-6 space-y-4 border-t border-zinc-100 pt-5 text-sm">
            <div>
              <dt className="text-xs font-medium text-zinc-500">{t('profile.departments')}</dt>
              <dd className="mt-1.5 flex flex-wrap gap-1">
                {user.departments.length === 0 ? <span className="text-zinc-400">{t('users.noDepartments')}</span> : user.departments.map((d) => <DepartmentChip key={d.id} department={d} />)}
              </dd>
            </div>
            <div>
              <dt className="text-xs font-medium text-zinc-500">{t('users.form.maxConcurrentChats')}</dt>
              <dd className="mt-0.5 text-zinc-800">{user.maxConcurrentChats}</dd>
            </div>
            <div>
              <dt className="text-xs font-medium text-zinc-500">{t('profile.memberSince')}</dt>
              <dd className="mt-0.5 text-zinc-800">{formatDate(user.createdAt)}</dd>
            </div>
          </dl>
        </Card>
        <Card className="p-6">
          <h2 className="text-base font-semibold text-zinc-900">{t('profile.password.title')}</h2>
          <p className="mt-1 mb-6 text-sm text-zinc-500">{user.mustChangePassword ? t('profile.password.forcedText') : t('profile.password.text')}</p>
          <ChangePasswordForm forced={user.mustChangePassword} />
        </Card>
      </div>
    </Page>
  );
}
