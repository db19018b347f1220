import clsx from 'clsx';
import { Bot, Copy, History, Phone, Route, Tag, X } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canManageFlows } from '../auth/permissions';
import { useCurrentUser } from '../auth/sessionStore';
import { useConversationFlowPath } from '../flows/conversationFlowPath';
import { formatDateTime } from '../lib/format';
import type { Conversation } from '../lib/types';
import { Avatar } from '../ui/Avatar';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { Skeleton } from '../ui/Skeleton';
import { toast } from '../ui/toastStore';
import { contactName, formatPhone } from './display';
import { useAssignments, useContactHistory, useConversation } from './useInboxQueries';
import { personName, usePeople } from './usePeople';

export function CustomerPanel({ conversationId, onClose }: { conversationId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const conversation = useConversation(conversationId).data;
  if (!conversation) return <aside className="h-full border-l border-zinc-200 bg-white" />;
  const { contact } = conversation;
  const name = contactName(contact);
  const phone = formatPhone(contact.phone || contact.waId);
  const fields = Object.entries(contact.customFields);
  const captured = Object.entries(conversation.variables);

  const copy = (value: string) => {
    void navigator.clipboard?.writeText(value).then(() => toast(t('common.copied')));
  };

  return (
    <aside aria-label={t('inbox.panel.title')} className="flex h-full min-h-0 flex-col border-l border-zinc-200 bg-white">
      <header className="flex h-16 shrink-0 items-center gap-2 border-b border-zinc-200 px-4">
        <h2 className="text-sm font-semibold text-zinc-900">{t('inbox.panel.title')}</h2>
        <Button variant="ghost" size="icon" onClick={onClose} aria-label={t('inbox.panel.close')} className="ml-auto">
          <X aria-hidden="true" className="size-4" />
        </Button>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto">
        <div className="flex flex-col items-center border-b border-zinc-100 px-4 py-5 text-center">
          <Avatar name={name} size="xl" />
          <p className="mt-3 text-base font-semibold text-zinc-900">{name}</p>
          {contact.profileName && contact.profileName !== name && <p className="text-xs text-zinc-500">~{contact.profileName}</p>}
          <button type="button" onClick={() => copy(phone)} className="mt-1 inline-flex items-center gap-1.5 rounded-md px-1.5 py-0.5 text-sm text-zinc-600 hover:bg-zinc-100" title={t('common.copy')}>
            <Phone aria-hidden="true" className="size-3.5" />
            {phone}
            <Copy aria-hidden="true" className="size-3 text-zinc-400" />
          </button>
        </div>

        <PanelSection title={t('inbox.panel.details')}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-sm">
            <dt className="text-zinc-500">{t('inbox.panel.waId')}</dt>
            <dd className="truncate text-zinc-800 tabular-nums">{contact.waId}</dd>
            <dt className="text-zinc-500">{t('inbox.panel.number')}</dt>
            <dd className="truncate text-zinc-800">{conversation.number.name ?? conversation.number.displayPhoneNumber}</dd>
            <dt className="text-zinc-500">{t('inbox.panel.started')}</dt>
            <dd className="text-zinc-800">{formatDateTime(conversation.createdAt)}</dd>
            {fields.map(([key, value]) => (
              <Field key={key} label={key} value={value} />
            ))}
          </dl>
        </PanelSection>

        {captured.length > 0 && (
          <PanelSection title={t('inbox.panel.captured')} icon={<Bot aria-hidden="true" className="size-3.5" />}>
            <dl aria-label={t('inbox.panel.captured')} className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-sm">
              {captured.map(([key, value]) => (
                <Field key={key} label={key} value={value} onCopy={copy} />
              ))}
            </dl>
          </PanelSection>
        )}

        {conversation.status !== 'RESOLVED' && <FlowPathLink conversationId={conversation.id} />}

        <PanelSection title={t('inbox.panel.tags')} icon={<Tag aria-hidden="true" className="size-3.5" />}>
          {contact.tags.length > 0 ? (
            <div className="flex flex-wrap gap-1.5">
              {contact.tags.map((tag) => (
                <Badge key={tag} tone="sky">
                  {tag}
                </Badge>
              ))}
            </div>
          ) : (
            <p className="text-xs text-zinc-400">{t('inbox.panel.noTags')}</p>
          )}
        </PanelSection>

        <AssignmentHistory conversationId={conversation.id} />
        <PreviousConversations conversation={conversation} />
      </div>
    </aside>
  );
}

function Field({ label, value, onCopy }: { label: string; value: string; onCopy?: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <dt className="truncate text-zinc-500" title={label}>
        {label}
      </dt>
      <dd className="min-w-0 text-zinc-800">
        {onCopy ? (
          // What the bot captured (a CPF, an order number) is usually pasted somewhere else next.
          <button type="button" onClick={() => onCopy(value)} title={t('common.copy')} className="group inline-flex max-w-full items-center gap-1.5 rounded px-1 -mx-1 text-left tabular-nums hover:bg-zinc-100">
            <span className="truncate">{value}</span>
            <Copy aria-hidden="true" className="size-3 shrink-0 text-zinc-300 group-hover:text-zinc-500" />
          </button>
        ) : (
          <span className="block truncate" title={value}>
            {value}
          </span>
        )}
      </dd>
    </>
  );
}

function PanelSection({ title, icon, children }: { title: string; icon?: ReactNode; children: ReactNode }) {
  return (
    <section className="border-b border-zinc-100 px-4 py-4">
      <h3 className="mb-2.5 flex items-center gap-1.5 text-[11px] font-semibold tracking-wider text-zinc-400 uppercase">
        {icon}
        {title}
      </h3>
      {children}
    </section>
  );
}

function AssignmentHistory({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const people = usePeople();
  const { departmentsById } = people;
  const history = useAssignments(conversationId);
  return (
    <PanelSection title={t('inbox.panel.history')} icon={<History aria-hidden="true" className="size-3.5" />}>
      {history.isPending ? (
        <Skeleton className="h-10 w-full" />
      ) : history.isError ? (
        <p className="text-xs text-zinc-400">
          {t('inbox.panel.historyFailed')}{' '}
          <button type="button" className="font-medium text-emerald-700 underline" onClick={() => void history.refetch()}>
            {t('common.retry')}
          </button>
        </p>
      ) : history.data.length === 0 ? (
        <p className="text-xs text-zinc-400">{t('inbox.panel.noHistory')}</p>
      ) : (
        <ol className="relative ml-1.5 space-y-3 border-l border-zinc-200 pl-4">
          {history.data.map((a) => (
            <li key={a.id} className="relative text-xs">
              <span aria-hidden="true" className={clsx('absolute top-1 -left-[21px] size-2.5 rounded-full ring-2 ring-white', a.endedAt ? 'bg-zinc-300' : 'bg-emerald-500')} />
              <p className="font-medium text-zinc-800">
                {t(`inbox.reasons.${a.reason}` as 'inbox.reasons.ROUTED', { defaultValue: a.reason })}
                {a.departmentId && departmentsById.get(a.departmentId) ? ` · ${departmentsById.get(a.departmentId)!.name}` : ''}
              </p>
              <p className="text-zinc-500">
                {a.agentId ? personName(people, a.agentId) : t('inbox.panel.queue')} · {formatDateTime(a.startedAt)}
              </p>
              {a.note && <p className="mt-1 rounded bg-amber-50 px-2 py-1 text-amber-900">{a.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </PanelSection>
  );
}

function PreviousConversations({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const people = usePeople();
  const { departmentsById } = people;
  const history = useContactHistory(conversation.contact.id);
  const previous = (history.data ?? []).filter((c) => c.id !== conversation.id);
  return (
    <PanelSection title={t('inbox.panel.previous')}>
      {history.isPending ? (
        <div className="space-y-2">
          <Skeleton className="h-9 w-full" />
          <Skeleton className="h-9 w-full" />
        </div>
      ) : history.isError ? (
        <p className="text-xs text-zinc-400">
          {t('inbox.panel.previousFailed')}{' '}
          <button type="button" className="font-medium text-emerald-700 underline" onClick={() => void history.refetch()}>
            {t('common.retry')}
          </button>
        </p>
      ) : previous.length === 0 ? (
        <p className="text-xs text-zinc-400">{t('inbox.panel.noPrevious')}</p>
      ) : (
        <ul className="-mx-2 space-y-0.5">
          {previous.map((c) => {
            const department = c.departmentId ? departmentsById.get(c.departmentId) : undefined;
            const agentName = c.assigneeId ? personName(people, c.assigneeId) : undefined;
            return (
              <li key={c.id}>
                <Link to={`/inbox/${c.id}`} className="block rounded-md px-2 py-1.5 text-xs hover:bg-zinc-50">
                  <span className="flex items-center gap-2">
                    <span className="font-medium text-zinc-800">{formatDateTime(c.createdAt)}</span>
                    <span className="ml-auto text-zinc-500">{t(`inbox.status.${c.status}`)}</span>
                  </span>
                  <span className="mt-0.5 flex items-center gap-1.5 text-zinc-500">
                    {department && <span aria-hidden="true" className="size-1.5 rounded-full" style={{ backgroundColor: department.color }} />}
                    {[department?.name, agentName].filter(Boolean).join(' · ') || '—'}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </PanelSection>
  );
}

/** For those who edit flows: opens the builder with this conversation's path outlined. */
function FlowPathLink({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const allowed = canManageFlows(useCurrentUser().role);
  const position = useConversationFlowPath(conversationId, { enabled: allowed });
  const flowId = position.data?.flowId;
  if (!allowed || !flowId || position.data!.path.length === 0) return null;
  return (
    <div className="border-b border-zinc-100 px-4 py-3">
      <Link to={`/flows/${flowId}?conversa=${conversationId}`} className="inline-flex items-center gap-1.5 text-sm font-medium text-emerald-700 hover:underline">
        <Route aria-hidden="true" className="size-4" />
        {t('inbox.panel.flowPath')}
      </Link>
    </div>
  );
}
