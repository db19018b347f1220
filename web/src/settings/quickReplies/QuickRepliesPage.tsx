import { MessageSquareText, Pencil, Plus, Search, SearchX, Trash } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canManageQuickReplies } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/sessionStore';
import { useDepartmentDirectory } from '../../lib/directory';
import type { QuickReply } from '../../lib/types';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ConfirmMutationDialog } from '../../ui/ConfirmMutationDialog';
import { DepartmentChip } from '../../ui/DepartmentChip';
import { EmptyState } from '../../ui/EmptyState';
import { Input } from '../../ui/Input';
import { Page } from '../../ui/Page';
import { PageHeader } from '../../ui/PageHeader';
import { QueryList } from '../../ui/QueryList';
import { Select } from '../../ui/Select';
import { Skeleton } from '../../ui/Skeleton';
import { toast } from '../../ui/toastStore';
import { QuickReplyFormDialog } from './QuickReplyFormDialog';
import { useDeleteQuickReply, useQuickReplyList, type QuickReplyFilters } from './useQuickReplyAdmin';

type Editing = { reply: QuickReply | null } | null;

const NO_FILTERS: QuickReplyFilters = { q: '', departmentId: '' };

/** The texts agents insert by typing "/" and a shortcut in the inbox composer. */
export default function QuickRepliesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('quickReplies.title'));
  const me = useCurrentUser();
  const canManage = canManageQuickReplies(me.role);
  const [filters, setFilters] = useState<QuickReplyFilters>(NO_FILTERS);
  const q = useDebouncedValue(filters.q);
  const list = useQuickReplyList({ ...filters, q });
  const departments = useDepartmentDirectory();
  const departmentsById = new Map((departments.data ?? []).map((d) => [d.id, d]));
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<QuickReply | null>(null);
  const remove = useDeleteQuickReply();
  const filtered = filters.q !== '' || filters.departmentId !== '';

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => {
        toast(t('quickReplies.toast.deleted', { shortcut: deleting.shortcut }));
        setDeleting(null);
      },
    });
  };

  const createButton = canManage && (
    <Button onClick={() => setEditing({ reply: null })}>
      <Plus aria-hidden="true" className="size-4" />
      {t('quickReplies.new')}
    </Button>
  );

  return (
    <Page>
      <PageHeader title={t('quickReplies.title')} description={t('quickReplies.description')} actions={canManage ? createButton : <Badge>{t('common.readOnly')}</Badge>} />

      <Card className="overflow-hidden">
        <div role="search" className="flex flex-col gap-3 border-b border-zinc-200 p-4 sm:flex-row sm:items-center">
          <div className="relative flex-1">
            <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400" />
            <Input type="search" aria-label={t('quickReplies.search')} placeholder={t('quickReplies.searchPlaceholder')} value={filters.q} onChange={(e) => setFilters({ ...filters, q: e.target.value })} className="pl-9" />
          </div>
          <Select aria-label={t('quickReplies.filterDepartment')} value={filters.departmentId} onChange={(e) => setFilters({ ...filters, departmentId: e.target.value })} className="sm:w-60">
            <option value="">{t('quickReplies.anyDepartment')}</option>
            {(departments.data ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </Select>
        </div>

        <QueryList
          query={list}
          skeleton={
            <>
              <Skeleton className="h-6 w-24 rounded-md" />
              <div className="flex-1 space-y-2">
                <Skeleton className="h-3.5 w-48" />
                <Skeleton className="h-3 w-4/5" />
              </div>
            </>
          }
          skeletonRows={4}
          skeletonAlign="start"
          empty={
            filtered ? (
              <EmptyState
                icon={SearchX}
                title={t('quickReplies.empty.filteredTitle')}
                description={t('quickReplies.empty.filteredText')}
                action={
                  <Button variant="secondary" onClick={() => setFilters(NO_FILTERS)}>
                    {t('quickReplies.empty.clearFilters')}
                  </Button>
                }
              />
            ) : (
              <EmptyState icon={MessageSquareText} title={t('quickReplies.empty.title')} description={t('quickReplies.empty.text')} action={createButton || undefined} />
            )
          }
        >
          {(replies) => (
            <ul aria-label={t('quickReplies.title')} aria-busy={list.isFetching} className="divide-y divide-zinc-100">
              {replies.map((reply) => {
                const department = reply.departmentId ? departmentsById.get(reply.departmentId) : undefined;
                return (
                  <li key={reply.id} data-quick-reply={reply.shortcut} className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-start">
                    <code className="w-fit shrink-0 rounded-md bg-emerald-50 px-2 py-1 font-mono text-xs font-semibold text-emerald-800 sm:w-36 sm:truncate">/{reply.shortcut}</code>
                    <div className="min-w-0 flex-1">
                      <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-zinc-900">
                        {reply.title}
                        {department ? <DepartmentChip department={department} /> : reply.departmentId ? null : <span className="text-xs font-normal text-zinc-400">{t('quickReplies.allDepartments')}</span>}
                      </p>
                      <p className="mt-1 line-clamp-2 text-sm whitespace-pre-line text-zinc-600">{reply.body}</p>
                    </div>
                    {canManage && (
                      <div className="-mr-2 flex shrink-0 self-end sm:self-start">
                        <Button variant="ghost" size="icon" onClick={() => setEditing({ reply })} aria-label={t('quickReplies.actions.edit', { shortcut: reply.shortcut })} title={t('common.edit')}>
                          <Pencil aria-hidden="true" className="size-4" />
                        </Button>
                        <Button variant="dangerGhost" size="icon" onClick={() => setDeleting(reply)} aria-label={t('quickReplies.actions.delete', { shortcut: reply.shortcut })} title={t('common.delete')}>
                          <Trash aria-hidden="true" className="size-4" />
                        </Button>
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </QueryList>
      </Card>

      {editing && <QuickReplyFormDialog reply={editing.reply} departments={departments.data ?? []} onClose={() => setEditing(null)} />}
      {deleting && (
        <ConfirmMutationDialog
          title={t('quickReplies.deleteDialog.title')}
          message={t('quickReplies.deleteDialog.message', { shortcut: deleting.shortcut })}
          confirmLabel={t('common.delete')}
          mutation={remove}
          onConfirm={confirmDelete}
          onClose={() => setDeleting(null)}
        />
      )}
    </Page>
  );
}
