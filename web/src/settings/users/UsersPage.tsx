import { Plus, SearchX, UsersRound } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canManageUsers } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/sessionStore';
import { errorMessage } from '../../lib/errorMessage';
import type { User } from '../../lib/types';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
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
import { UserFiltersBar } from './UserFiltersBar';
import { UserFormDialog } from './UserFormDialog';
import { UserRow } from './UserRow';
import { UserRowSkeleton } from './UserRowSkeleton';
import { UsersTable } from './UsersTable';
import { useDeactivateUser, useSaveUser, useUserList, type UserFilters } from './useUsers';

type Editing = { user: User | null } | null;

const NO_FILTERS: UserFilters = { q: '', role: '', active: 'true' };

export default function UsersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('users.title'));
  const me = useCurrentUser();
  const canManage = canManageUsers(me.role);

  const [filters, setFilters] = useState<UserFilters>(NO_FILTERS);
  const debouncedQ = useDebouncedValue(filters.q);
  const list = useUserList({ ...filters, q: debouncedQ });
  const users = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = filters.q !== '' || filters.role !== '' || filters.active !== NO_FILTERS.active;

  const [editing, setEditing] = useState<Editing>(null);
  const [deactivating, setDeactivating] = useState<User | null>(null);
  const deactivate = useDeactivateUser();
  const reactivate = useSaveUser();

  const confirmDeactivate = () => {
    if (!deactivating) return;
    deactivate.mutate(deactivating.id, {
      onSuccess: (user) => {
        toast(t('users.toast.deactivated', { name: user.name }));
        setDeactivating(null);
      },
    });
  };

  const handleReactivate = (user: User) =>
    reactivate.mutate(
      { id: user.id, changes: { active: true } },
      { onSuccess: (saved) => toast(t('users.toast.reactivated', { name: saved.name })), onError: (error) => toast(errorMessage(error), 'error') },
    );

  return (
    <Page>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          canManage ? (
            <Button onClick={() => setEditing({ user: null })}>
              <Plus aria-hidden="true" className="size-4" />
              {t('users.new')}
            </Button>
          ) : (
            <Badge>{t('common.readOnly')}</Badge>
          )
        }
      />

      <Card className="overflow-hidden">
        <UserFiltersBar filters={filters} onChange={setFilters} />
        {list.isError && !list.data ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isRefetching} />
        ) : list.isPending ? (
          <UsersTable canManage={canManage}>
            {Array.from({ length: 6 }, (_, i) => (
              <UserRowSkeleton key={i} canManage={canManage} />
            ))}
          </UsersTable>
        ) : users.length === 0 ? (
          filtered ? (
            <EmptyState
              icon={SearchX}
              title={t('users.empty.filteredTitle')}
              description={t('users.empty.filteredText')}
              action={
                <Button variant="secondary" onClick={() => setFilters(NO_FILTERS)}>
                  {t('users.empty.clearFilters')}
                </Button>
              }
            />
          ) : (
            <EmptyState icon={UsersRound} title={t('users.empty.title')} description={t('users.empty.text')} />
          )
        ) : (
          <div className="overflow-x-auto" aria-busy={list.isFetching}>
            <UsersTable canManage={canManage}>
              {users.map((user) => (
                <UserRow key={user.id} user={user} isSelf={user.id === me.id} canManage={canManage} onEdit={(u) => setEditing({ user: u })} onDeactivate={setDeactivating} onReactivate={handleReactivate} />
              ))}
            </UsersTable>
          </div>
        )}
        {list.hasNextPage && (
          <div className="flex flex-col items-center gap-2 border-t border-zinc-200 p-4">
            {list.isFetchNextPageError && <p className="text-sm text-red-700">{errorMessage(list.error)}</p>}
            <Button variant="secondary" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('users.loadMore')}
            </Button>
          </div>
        )}
      </Card>

      {editing && <UserFormDialog user={editing.user} onClose={() => setEditing(null)} />}
      {deactivating && (
        <ConfirmMutationDialog
          title={t('users.deactivateDialog.title')}
          message={t('users.deactivateDialog.message', { name: deactivating.name })}
          confirmLabel={t('users.deactivate')}
          mutation={deactivate}
          onConfirm={confirmDeactivate}
          onClose={() => setDeactivating(null)}
        />
      )}
    </Page>
  );
}
