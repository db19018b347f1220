import clsx from 'clsx';
import { KeyRound } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errorMessage';
import type { PasswordResetRequest, PasswordResetStatus } from '../../lib/types';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { Card } from '../../ui/Card';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { Page } from '../../ui/Page';
import { PageHeader } from '../../ui/PageHeader';
import { Skeleton } from '../../ui/Skeleton';
import { toast } from '../../ui/toastStore';
import { PasswordResetRow } from './PasswordResetRow';
import { TemporaryPasswordDialog } from './TemporaryPasswordDialog';
import { useDecidePasswordReset, usePasswordResets } from './usePasswordResets';

type Decision = { request: PasswordResetRequest; approve: boolean } | null;
type Issued = { name: string; password: string } | null;

const filters: { value: PasswordResetStatus | ''; key: 'pending' | 'all' }[] = [
  { value: 'PENDING', key: 'pending' },
  { value: '', key: 'all' },
];

export default function PasswordResetsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('passwordResets.title'));
  const [status, setStatus] = useState<PasswordResetStatus | ''>('PENDING');
  const resets = usePasswordResets(status);
  const decide = useDecidePasswordReset();
  const [deciding, setDeciding] = useState<Decision>(null);
  const [issued, setIssued] = useState<Issued>(null);

  const confirm = () => {
    if (!deciding) return;
    const { request, approve } = deciding;
    decide.mutate(
      { id: request.id, approve },
      {
        onSuccess: (result) => {
          setDeciding(null);
          if (result.temporaryPassword) setIssued({ name: request.user.name, password: result.temporaryPassword });
          else toast(t('passwordResets.toast.rejected', { name: request.user.name }));
        },
      },
    );
  };

  const closeDecision = () => {
    setDeciding(null);
    decide.reset();
  };

  const th = 'px-3 py-2.5 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase';

  return (
    <Page>
      <PageHeader title={t('passwordResets.title')} description={t('passwordResets.description')} />
      <Card className="overflow-hidden">
        <div className="flex items-center border-b border-zinc-200 p-4">
          <div role="group" aria-label={t('passwordResets.filterLabel')} className="inline-flex rounded-lg bg-zinc-100 p-0.5">
            {filters.map((filter) => (
              <button
                key={filter.key}
                type="button"
                aria-pressed={status === filter.value}
                onClick={() => setStatus(filter.value)}
                className={clsx('h-8 rounded-md px-3 text-sm font-medium transition-colors', status === filter.value ? 'bg-white text-zinc-900 shadow-xs' : 'text-zinc-600 hover:text-zinc-900')}
              >
                {t(`passwordResets.filters.${filter.key}`)}
              </button>
            ))}
          </div>
        </div>

        {resets.isError ? (
          <ErrorState error={resets.error} onRetry={() => void resets.refetch()} retrying={resets.isRefetching} />
        ) : resets.data?.length === 0 ? (
          <EmptyState icon={KeyRound} title={t(status === 'PENDING' ? 'passwordResets.empty.pendingTitle' : 'passwordResets.empty.allTitle')} description={t('passwordResets.empty.text')} />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full">
              <caption className="sr-only">{t('passwordResets.title')}</caption>
              <thead className="border-b border-zinc-200 bg-zinc-50/80">
                <tr>
                  <th scope="col" className={`${th} pl-5`}>
                    {t('passwordResets.columns.user')}
                  </th>
                  <th scope="col" className={`${th} hidden sm:table-cell`}>
                    {t('passwordResets.columns.role')}
                  </th>
                  <th scope="col" className={th}>
                    {t('passwordResets.columns.requestedAt')}
                  </th>
                  <th scope="col" className={th}>
                    {t('passwordResets.columns.status')}
                  </th>
                  <th scope="col" className={`${th} pr-5`}>
                    <span className="sr-only">{t('passwordResets.columns.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {resets.data
                  ? resets.data.map((request) => (
                      <PasswordResetRow key={request.id} request={request} onApprove={(r) => setDeciding({ request: r, approve: true })} onReject={(r) => setDeciding({ request: r, approve: false })} />
                    ))
                  : Array.from({ length: 3 }, (_, i) => (
                      <tr key={i}>
                        <td className="py-3 pr-3 pl-5" colSpan={5}>
                          <Skeleton className="h-8 w-full" />
                        </td>
                      </tr>
                    ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      {deciding && (
        <ConfirmDialog
          title={t(deciding.approve ? 'passwordResets.approveDialog.title' : 'passwordResets.rejectDialog.title')}
          message={t(deciding.approve ? 'passwordResets.approveDialog.message' : 'passwordResets.rejectDialog.message', { name: deciding.request.user.name })}
          confirmLabel={t(deciding.approve ? 'passwordResets.actions.approve' : 'passwordResets.actions.reject')}
          tone={deciding.approve ? 'primary' : 'danger'}
          onConfirm={confirm}
          onClose={closeDecision}
          pending={decide.isPending}
          error={decide.isError ? errorMessage(decide.error) : null}
        />
      )}
      {issued && <TemporaryPasswordDialog name={issued.name} password={issued.password} onClose={() => setIssued(null)} />}
    </Page>
  );
}
