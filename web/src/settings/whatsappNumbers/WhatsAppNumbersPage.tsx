import { Phone, Plus } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canManageWhatsAppNumbers } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/sessionStore';
import { useFlowList } from '../../flows/flowsApi';
import { errorMessage } from '../../lib/errorMessage';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ConfirmMutationDialog } from '../../ui/ConfirmMutationDialog';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { PageHeader } from '../../ui/PageHeader';
import { QueryList } from '../../ui/QueryList';
import { Skeleton } from '../../ui/Skeleton';
import { toast } from '../../ui/toastStore';
import { NumberFormDialog } from './NumberFormDialog';
import { NumberRow } from './NumberRow';
import { useDeleteNumber, useSaveNumber, useWhatsAppNumbers, type WhatsAppNumber } from './useWhatsAppNumbers';

/** The numbers customers write to: what webhooks name, what sends go out from, and which flow answers each. */
export default function WhatsAppNumbersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('whatsappNumbers.title'));
  const canManage = canManageWhatsAppNumbers(useCurrentUser().role);
  const list = useWhatsAppNumbers();
  const flows = useFlowList();
  const [editing, setEditing] = useState<{ number: WhatsAppNumber | null } | null>(null);
  const [deleting, setDeleting] = useState<WhatsAppNumber | null>(null);
  const toggle = useSaveNumber();
  const remove = useDeleteNumber();

  const setActive = (number: WhatsAppNumber, active: boolean) =>
    toggle.mutate(
      { id: number.id, changes: { active } },
      {
        onSuccess: () => toast(t(active ? 'whatsappNumbers.toast.activated' : 'whatsappNumbers.toast.deactivated', { name: number.name })),
        onError: (error) => toast(errorMessage(error), 'error'),
      },
    );

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => {
        toast(t('whatsappNumbers.toast.deleted', { name: deleting.name }));
        setDeleting(null);
      },
    });
  };

  const createButton = canManage && (
    <Button onClick={() => setEditing({ number: null })}>
      <Plus aria-hidden="true" className="size-4" />
      {t('whatsappNumbers.new')}
    </Button>
  );

  return (
    <Page className="max-w-5xl">
      <PageHeader title={t('whatsappNumbers.title')} description={t('whatsappNumbers.description')} actions={canManage ? createButton : <Badge>{t('common.readOnly')}</Badge>} />
      <Card className="overflow-hidden">
        <QueryList
          query={list}
          skeleton={
            <>
              <Skeleton className="size-10 rounded-full" />
              <div className="flex-1 space-y-2">
                <Skeleton className="h-4 w-40" />
                <Skeleton className="h-3.5 w-64" />
              </div>
            </>
          }
          empty={<EmptyState icon={Phone} title={t('whatsappNumbers.empty.title')} description={t(canManage ? 'whatsappNumbers.empty.textAdmin' : 'whatsappNumbers.empty.text')} action={createButton || undefined} />}
        >
          {(numbers) => (
            <ul aria-label={t('whatsappNumbers.title')} className="divide-y divide-zinc-100">
              {numbers.map((number) => (
                <NumberRow
                  key={number.id}
                  number={number}
                  flows={flows.data ?? []}
                  canManage={canManage}
                  toggling={toggle.isPending && toggle.variables?.id === number.id}
                  onToggle={setActive}
                  onEdit={(n) => setEditing({ number: n })}
                  onDelete={setDeleting}
                />
              ))}
            </ul>
          )}
        </QueryList>
      </Card>

      {editing && <NumberFormDialog number={editing.number} flows={flows.data ?? []} onClose={() => setEditing(null)} />}
      {deleting && (
        <ConfirmMutationDialog
          title={t('whatsappNumbers.deleteDialog.title')}
          message={t('whatsappNumbers.deleteDialog.message', { name: deleting.name, phone: deleting.displayPhoneNumber })}
          confirmLabel={t('common.delete')}
          mutation={remove}
          onConfirm={confirmDelete}
          onClose={() => setDeleting(null)}
        />
      )}
    </Page>
  );
}
