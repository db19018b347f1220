import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import clsx from 'clsx';
import { FileText, RefreshCw, Search } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateView } from '../../../api/templates/schemas';
import { fillBody, templateParts } from '../../../api/templates/templateText';
import { useCurrentUser } from '../auth/sessionStore';
import { errorMessage } from '../lib/errorMessage';
import { queryKeys } from '../lib/queryKeys';
import type { Conversation } from '../lib/types';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { EmptyState } from '../ui/EmptyState';
import { Field } from '../ui/Field';
import { FormAlert } from '../ui/FormAlert';
import { Input } from '../ui/Input';
import { Spinner } from '../ui/Spinner';
import { bumpConversation, upsertMessage } from './conversationCache';
import { listApprovedTemplates, sendTemplateMessage, syncTemplates } from './inboxApi';
import { uuid } from './outbox';

interface TemplateDialogProps {
  conversation: Conversation;
  onClose: () => void;
}

/** A first `{{1}}` or a `{{nome}}` greets the customer: their own name, never the phone shown in its place. */
function prefilled(placeholder: string, index: number, contact: Conversation['contact']): string {
  const name = (contact.name || contact.profileName || '').trim();
  return name && ((index === 0 && placeholder === '1') || /^(nome|name|cliente|customer)/i.test(placeholder)) ? name : '';
}

/**
 * After the 24-hour window only an approved template reaches the customer: the agent picks one of the
 * conversation's number, fills its values while reading the message as it will arrive, and sends.
 */
export function TemplateDialog({ conversation, onClose }: TemplateDialogProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const numberId = conversation.number.id;
  // Opening the dialog is a deliberate act: it asks again, so a sync done meanwhile shows at once.
  const templates = useQuery({ queryKey: queryKeys.approvedTemplates(numberId), queryFn: ({ signal }) => listApprovedTemplates(numberId, signal).then((page) => page.items), staleTime: 0 });
  const [search, setSearch] = useState('');
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [values, setValues] = useState<string[]>([]);
  const [missing, setMissing] = useState(false);
  // A retried request for the same message keeps its id (the server sends it once); any change makes a new message.
  const [clientMessageId, setClientMessageId] = useState(uuid);

  const items = templates.data ?? [];
  const term = search.trim().toLowerCase();
  const shown = term ? items.filter((tpl) => tpl.name.toLowerCase().includes(term) || templateParts(tpl.components).body.toLowerCase().includes(term)) : items;
  const chosen = items.find((tpl) => tpl.id === chosenId) ?? null;
  const parts = chosen ? templateParts(chosen.components) : null;

  const send = useMutation({
    mutationFn: (template: { templateId: string; parameters: string[] }) => sendTemplateMessage(conversation.id, clientMessageId, template),
    onSuccess: (message) => {
      upsertMessage(queryClient, conversation.id, { ...message, senderUserId: message.senderUserId ?? me.id });
      bumpConversation(queryClient, conversation.id, message, conversation.id);
      onClose();
    },
  });
  const sync = useMutation({
    mutationFn: () => syncTemplates(numberId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.approvedTemplates(numberId) }),
  });

  const changed = () => {
    setClientMessageId(uuid());
    send.reset();
  };
  const choose = (template: TemplateView) => {
    setChosenId(template.id);
    setValues(templateParts(template.components).parameters.map((p, i) => prefilled(p, i, conversation.contact)));
    setMissing(false);
    changed();
  };
  const submit = () => {
    if (!chosen || !parts || parts.headerNeedsValue || values.some((v) => !v.trim())) {
      setMissing(true);
      return;
    }
    send.mutate({ templateId: chosen.id, parameters: values.map((v) => v.trim()) });
  };

  const supervisor = me.role === 'ADMIN' || me.role === 'SUPERVISOR';
  const list = (() => {
    if (templates.isPending) {
      return (
        <p role="status" className="flex items-center gap-2 px-1 py-6 text-sm text-zinc-500">
          <Spinner className="size-4" />
          {t('inbox.templates.loading')}
        </p>
      );
    }
    if (templates.isError) {
      return (
        <div role="alert" className="flex flex-col items-start gap-2 px-1 py-4 text-sm text-red-800">
          {t('inbox.templates.failed', { reason: errorMessage(templates.error) })}
          <Button variant="secondary" size="sm" onClick={() => void templates.refetch()} loading={templates.isRefetching}>
            {!templates.isRefetching && <RefreshCw aria-hidden="true" className="size-3.5" />}
            {t('common.retry')}
          </Button>
        </div>
      );
    }
    if (items.length === 0) {
      return (
        <EmptyState
          icon={FileText}
          title={t('inbox.templates.empty')}
          description={supervisor ? t('inbox.templates.emptyHint') : t('inbox.templates.emptyHintAgent')}
          action={
            supervisor && (
              <div className="flex flex-col items-center gap-2">
                <Button variant="secondary" size="sm" onClick={() => sync.mutate()} loading={sync.isPending}>
                  {!sync.isPending && <RefreshCw aria-hidden="true" className="size-3.5" />}
                  {t('inbox.templates.sync')}
                </Button>
                {sync.isError && <FormAlert>{errorMessage(sync.error)}</FormAlert>}
              </div>
            )
          }
        />
      );
    }
    if (shown.length === 0) return <p className="px-1 py-6 text-sm text-zinc-500">{t('inbox.templates.noMatch', { term: search.trim() })}</p>;
    return (
      <div role="radiogroup" aria-label={t('inbox.templates.list')} className="flex flex-col gap-1.5">
        {shown.map((template) => {
          const body = templateParts(template.components).body;
          const checked = template.id === chosenId;
          return (
            <label
              key={template.id}
              className={clsx(
                'flex cursor-pointer flex-col gap-0.5 rounded-lg border px-3 py-2 text-left has-focus-visible:outline-2 has-focus-visible:outline-emerald-600',
                checked ? 'border-emerald-600 bg-emerald-50' : 'border-zinc-200 hover:bg-zinc-50',
              )}
            >
              <input type="radio" name="template" className="sr-only" checked={checked} onChange={() => choose(template)} />
              <span className="flex items-center gap-2">
                <span className="truncate font-mono text-[13px] font-semibold text-zinc-900">{template.name}</span>
                <span className="ml-auto shrink-0 text-[11px] text-zinc-500">
                  {template.language} · {t(`inbox.templates.category.${template.category}`, { defaultValue: template.category })}
                </span>
              </span>
              <span className="line-clamp-2 text-xs text-zinc-600">{body}</span>
            </label>
          );
        })}
      </div>
    );
  })();

  return (
    <Dialog
      title={t('inbox.templates.title')}
      description={t('inbox.templates.description', { number: conversation.number.name || conversation.number.displayPhoneNumber })}
      size="lg"
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={send.isPending} disabled={items.length === 0}>
            {t('inbox.templates.submit')}
          </Button>
        </>
      }
    >
      <div className="grid gap-5 md:grid-cols-2">
        <div className="flex min-w-0 flex-col gap-3">
          <div className="relative">
            <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400" />
            <Input
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder={t('inbox.templates.search')}
              aria-label={t('inbox.templates.search')}
              className="pl-9"
              data-autofocus
              // Enter in the search picks nothing and must not send a half-filled template.
              onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
            />
          </div>
          <div className="max-h-80 overflow-y-auto pr-1">{list}</div>
          {missing && !chosen && <p className="text-xs font-medium text-red-600">{t('inbox.templates.required')}</p>}
        </div>
        <div className="flex min-w-0 flex-col gap-4">
          {!chosen || !parts ? (
            <p className="rounded-lg border border-dashed border-zinc-300 px-4 py-8 text-center text-sm text-zinc-500">{t('inbox.templates.choose')}</p>
          ) : (
            <>
              {parts.headerNeedsValue && <FormAlert>{t('inbox.templates.unsupported')}</FormAlert>}
              {parts.parameters.length === 0 ? (
                <p className="text-sm text-zinc-600">{t('inbox.templates.noParameters')}</p>
              ) : (
                parts.parameters.map((placeholder, index) => {
                  const value = values[index] ?? '';
                  return (
                    <Field
                      key={`${chosen.id}-${placeholder}`}
                      label={t('inbox.templates.parameter', { name: `{{${placeholder}}}` })}
                      error={missing && !value.trim() ? t('inbox.templates.parameterRequired') : null}
                      hint={value && value === prefilled(placeholder, index, conversation.contact) ? t('inbox.templates.prefilled') : undefined}
                    >
                      {(control) => (
                        <Input
                          {...control}
                          value={value}
                          maxLength={1024}
                          onChange={(e) => {
                            // WhatsApp refuses line breaks and tabs in a template's values.
                            const next = e.target.value.replace(/[\n\t]/g, ' ');
                            setValues((current) => current.map((v, i) => (i === index ? next : v)));
                            changed();
                          }}
                        />
                      )}
                    </Field>
                  );
                })
              )}
              <div>
                <p className="mb-1.5 text-xs font-semibold tracking-wide text-zinc-500 uppercase">{t('inbox.templates.preview')}</p>
                <div className="rounded-xl bg-[#efeae2] p-3">
                  <div data-testid="template-preview" className="ml-auto max-w-[95%] rounded-lg rounded-tr-none bg-[#d9fdd3] px-3 py-2 text-[14px] leading-5 text-[#111b21] shadow-xs">
                    {parts.header && <p className="mb-1 font-semibold">{parts.header}</p>}
                    <p className="break-words whitespace-pre-wrap">{fillBody(parts, values.map((v) => v.trim()))}</p>
                    {parts.footer && <p className="mt-1 text-xs text-[#667781]">{parts.footer}</p>}
                  </div>
                </div>
              </div>
            </>
          )}
          {send.isError && <FormAlert>{errorMessage(send.error)}</FormAlert>}
        </div>
      </div>
    </Dialog>
  );
}
