import { Plus, Star, Trash, Workflow } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../lib/errorMessage';
import { formatRelative } from '../lib/format';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { Card } from '../ui/Card';
import { ConfirmMutationDialog } from '../ui/ConfirmMutationDialog';
import { Dialog } from '../ui/Dialog';
import { FormDialogFooter } from '../ui/FormDialogFooter';
import { EmptyState } from '../ui/EmptyState';
import { Field } from '../ui/Field';
import { FormAlert } from '../ui/FormAlert';
import { Input } from '../ui/Input';
import { Page } from '../ui/Page';
import { PageHeader } from '../ui/PageHeader';
import { QueryList } from '../ui/QueryList';
import { Skeleton } from '../ui/Skeleton';
import { toast } from '../ui/toastStore';
import { useCreateFlow, useDeleteFlow, useFlowList, useSetDefaultFlow, type FlowSummary } from './flowsApi';

/** The company's bots: which one answers by default, which version is live, and a way into the builder. */
export default function FlowsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('nav.flows'));
  const list = useFlowList();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<FlowSummary | null>(null);
  const remove = useDeleteFlow();
  const setDefault = useSetDefaultFlow();

  const createButton = (
    <Button onClick={() => setCreating(true)}>
      <Plus aria-hidden="true" className="size-4" />
      {t('flows.list.new')}
    </Button>
  );

  return (
    <Page>
      <PageHeader title={t('nav.flows')} description={t('flows.list.description')} actions={createButton} />
      <Card className="overflow-hidden">
        <QueryList
          query={list}
          skeleton={
            <>
              <Skeleton className="size-10 rounded-lg" />
              <div className="flex-1 space-y-2">
                <Skeleton className="h-3.5 w-48" />
                <Skeleton className="h-3 w-32" />
              </div>
            </>
          }
          empty={<EmptyState icon={Workflow} title={t('flows.list.emptyTitle')} description={t('flows.list.emptyText')} action={createButton} />}
        >
          {(flows) => (
            <ul aria-label={t('nav.flows')} className="divide-y divide-zinc-100">
              {flows.map((flow) => (
                <li key={flow.id} data-flow={flow.name} className="flex flex-wrap items-center gap-4 px-5 py-4 hover:bg-zinc-50/60">
                  <div className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-emerald-50 text-emerald-700 ring-1 ring-emerald-600/15">
                    <Workflow aria-hidden="true" className="size-5" />
                  </div>
                  <div className="min-w-0 flex-1">
                    <p className="flex flex-wrap items-center gap-2">
                      <Link to={`/flows/${flow.id}`} className="truncate text-sm font-semibold text-zinc-900 hover:text-emerald-700 hover:underline">
                        {flow.name}
                      </Link>
                      {flow.isDefault && (
                        <Badge tone="violet">
                          <Star aria-hidden="true" className="size-3" />
                          {t('flows.list.default')}
                        </Badge>
                      )}
                      {flow.published ? <Badge tone="emerald">{t('flows.list.publishedVersion', { version: flow.published.version })}</Badge> : <Badge>{t('flows.list.notPublished')}</Badge>}
                    </p>
                    <p className="mt-1 text-xs text-zinc-500">{t('flows.list.updated', { when: formatRelative(flow.updatedAt) })}</p>
                  </div>
                  <div className="flex shrink-0 items-center gap-1">
                    {!flow.isDefault && (
                      <Button variant="ghost" size="sm" loading={setDefault.isPending && setDefault.variables === flow.id} onClick={() => setDefault.mutate(flow.id, { onSuccess: () => toast(t('flows.list.defaultSet', { name: flow.name })), onError: (e) => toast(errorMessage(e), 'error') })}>
                        {t('flows.list.makeDefault')}
                      </Button>
                    )}
                    <Link to={`/flows/${flow.id}`} className="inline-flex h-8 items-center rounded-lg border border-zinc-300 bg-white px-3 text-sm font-medium text-zinc-800 shadow-xs hover:bg-zinc-50">
                      {t('flows.list.open')}
                    </Link>
                    <Button variant="dangerGhost" size="icon" disabled={flow.isDefault} onClick={() => setDeleting(flow)} aria-label={t('flows.list.delete', { name: flow.name })} title={flow.isDefault ? t('flows.list.cannotDeleteDefault') : t('common.delete')}>
                      <Trash aria-hidden="true" className="size-4" />
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </QueryList>
      </Card>

      {creating && <CreateFlowDialog first={list.data?.length === 0} onClose={() => setCreating(false)} />}
      {deleting && (
        <ConfirmMutationDialog
          title={t('flows.list.deleteTitle')}
          message={t('flows.list.deleteMessage', { name: deleting.name })}
          confirmLabel={t('common.delete')}
          mutation={remove}
          onClose={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(deleting.id, {
              onSuccess: () => {
                toast(t('flows.list.deleted', { name: deleting.name }));
                setDeleting(null);
              },
            })
          }
        />
      )}
    </Page>
  );
}

function CreateFlowDialog({ first, onClose }: { first: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateFlow();
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const invalid = name.trim().length < 2;
  const submit = () => {
    setTouched(true);
    if (invalid) return;
    create.mutate({ name: name.trim(), isDefault: first }, { onSuccess: (flow) => navigate(`/flows/${flow.id}`) });
  };
  return (
    <Dialog
      title={t('flows.list.createTitle')}
      description={t('flows.list.createDescription')}
      size="sm"
      onClose={onClose}
      onSubmit={submit}
      footer={<FormDialogFooter onCancel={onClose} submitLabel={t('flows.list.create')} pending={create.isPending} />}
    >
      <div className="space-y-4">
        <Field label={t('flows.list.name')} error={touched && invalid ? t('flows.list.nameTooShort') : null}>
          {(control) => <Input {...control} data-autofocus value={name} maxLength={80} onChange={(e) => setName(e.target.value)} placeholder={t('flows.list.namePlaceholder')} />}
        </Field>
        {create.error && <FormAlert>{errorMessage(create.error)}</FormAlert>}
      </div>
    </Dialog>
  );
}
