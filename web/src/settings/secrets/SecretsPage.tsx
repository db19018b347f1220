import { KeyRound, Plus, RefreshCw, Trash } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ConfirmMutationDialog } from '../../ui/ConfirmMutationDialog';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { PageHeader } from '../../ui/PageHeader';
import { QueryList } from '../../ui/QueryList';
import { Skeleton } from '../../ui/Skeleton';
import { toast } from '../../ui/toastStore';
import { SecretFormDialog } from './SecretFormDialog';
import { useDeleteSecret, useSecrets } from './useSecrets';

/** API keys and tokens that flows use as {{secrets.NAME}} and the AI settings name; values stay on the server. */
export default function SecretsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('secrets.title'));
  const list = useSecrets();
  const [editing, setEditing] = useState<{ name: string | null } | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const remove = useDeleteSecret();

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting, {
      onSuccess: () => {
        toast(t('secrets.toast.deleted', { name: deleting }));
        setDeleting(null);
      },
    });
  };

  const createButton = (
    <Button onClick={() => setEditing({ name: null })}>
      <Plus aria-hidden="true" className="size-4" />
      {t('secrets.new')}
    </Button>
  );

  return (
    <Page className="max-w-4xl">
      <PageHeader title={t('secrets.title')} description={t('secrets.description', { token: `{{secrets.${t('secrets.placeholderName')}}}` })} actions={createButton} />
      <Card className="overflow-hidden">
        <QueryList
          query={list}
          skeleton={
            <>
              <Skeleton className="h-6 w-40 rounded-md" />
              <Skeleton className="ml-auto h-3.5 w-32" />
            </>
          }
          empty={<EmptyState icon={KeyRound} title={t('secrets.empty.title')} description={t('secrets.empty.text')} action={createButton} />}
        >
          {(secrets) => (
            <ul aria-label={t('secrets.title')} className="divide-y divide-zinc-100">
              {secrets.map((secret) => (
                <li key={secret.name} data-secret={secret.name} className="flex flex-col gap-2 px-5 py-3.5 sm:flex-row sm:items-center sm:gap-4">
                  <div className="min-w-0 flex-1">
                    <code className="rounded-md bg-zinc-100 px-2 py-1 font-mono text-xs font-semibold text-zinc-800">{secret.name}</code>
                    <p className="mt-1.5 text-xs text-zinc-500">
                      <span aria-hidden="true" className="mr-2 font-mono tracking-widest text-zinc-400">
                        ••••••••
                      </span>
                      {t('secrets.updatedAt', { date: formatDateTime(secret.updatedAt) })}
                    </p>
                  </div>
                  <code className="hidden shrink-0 font-mono text-[11px] text-zinc-400 md:block">{`{{secrets.${secret.name}}}`}</code>
                  <div className="-mr-2 flex shrink-0 self-end sm:self-center">
                    <Button variant="ghost" size="sm" onClick={() => setEditing({ name: secret.name })} aria-label={t('secrets.actions.replace', { name: secret.name })}>
                      <RefreshCw aria-hidden="true" className="size-3.5" />
                      {t('secrets.replace')}
                    </Button>
                    <Button variant="dangerGhost" size="icon" onClick={() => setDeleting(secret.name)} aria-label={t('secrets.actions.delete', { name: secret.name })} title={t('common.delete')}>
                      <Trash aria-hidden="true" className="size-4" />
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </QueryList>
      </Card>

      {editing && <SecretFormDialog name={editing.name} onClose={() => setEditing(null)} />}
      {deleting && (
        <ConfirmMutationDialog
          title={t('secrets.deleteDialog.title')}
          message={t('secrets.deleteDialog.message', { name: deleting })}
          confirmLabel={t('common.delete')}
          mutation={remove}
          onConfirm={confirmDelete}
          onClose={() => setDeleting(null)}
        />
      )}
    </Page>
  );
}
