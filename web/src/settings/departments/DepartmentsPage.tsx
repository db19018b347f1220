import { Network, Plus } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canManageDepartments } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/sessionStore';
import type { Department } from '../../lib/types';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ConfirmMutationDialog } from '../../ui/ConfirmMutationDialog';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { Page } from '../../ui/Page';
import { PageHeader } from '../../ui/PageHeader';
import { toast } from '../../ui/toastStore';
import { DepartmentCard } from './DepartmentCard';
import { DepartmentCardSkeleton } from './DepartmentCardSkeleton';
import { DepartmentFormDialog } from './DepartmentFormDialog';
import { useDeleteDepartment, useDepartments } from './useDepartments';

type Editing = { department: Department | null } | null;

export default function DepartmentsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('departments.title'));
  const me = useCurrentUser();
  const canManage = canManageDepartments(me.role);
  const departments = useDepartments();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Department | null>(null);
  const remove = useDeleteDepartment();

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => {
        toast(t('departments.toast.deleted', { name: deleting.name }));
        setDeleting(null);
      },
    });
  };

  const createButton = canManage && (
    <Button onClick={() => setEditing({ department: null })}>
      <Plus aria-hidden="true" className="size-4" />
      {t('departments.new')}
    </Button>
  );

  return (
    <Page>
      <PageHeader title={t('departments.title')} description={t('departments.description')} actions={canManage ? createButton : <Badge>{t('common.readOnly')}</Badge>} />

      {departments.isPending ? (
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-busy="true">
          {Array.from({ length: 3 }, (_, i) => (
            <DepartmentCardSkeleton key={i} />
          ))}
        </div>
      ) : departments.isError ? (
        <Card>
          <ErrorState error={departments.error} onRetry={() => void departments.refetch()} retrying={departments.isRefetching} />
        </Card>
      ) : departments.data.length === 0 ? (
        <Card>
          <EmptyState icon={Network} title={t('departments.empty.title')} description={t(canManage ? 'departments.empty.textAdmin' : 'departments.empty.text')} action={createButton || undefined} />
        </Card>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {departments.data.map((department) => (
            <DepartmentCard key={department.id} department={department} canManage={canManage} onEdit={(d) => setEditing({ department: d })} onDelete={setDeleting} />
          ))}
        </div>
      )}

      {editing && <DepartmentFormDialog department={editing.department} onClose={() => setEditing(null)} />}
      {deleting && (
        <ConfirmMutationDialog
          title={t('departments.deleteDialog.title')}
          message={t('departments.deleteDialog.message', { name: deleting.name })}
          confirmLabel={t('common.delete')}
          mutation={remove}
          onConfirm={confirmDelete}
          onClose={() => setDeleting(null)}
        />
      )}
    </Page>
  );
}
