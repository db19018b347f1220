import clsx from 'clsx';
import { Network, UserRound } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/sessionStore';
import { errorMessage } from '../lib/errorMessage';
import type { Conversation } from '../lib/types';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { FormAlert } from '../ui/FormAlert';
import { PresenceDot } from '../ui/PresenceDot';
import { Select } from '../ui/Select';
import { Textarea } from '../ui/Textarea';
import type { TransferInput } from './inboxApi';
import { useDepartmentDirectory, useUserDirectory } from '../lib/directory';

interface TransferDialogProps {
  conversation: Conversation;
  onClose: () => void;
  onTransfer: (input: TransferInput) => Promise<unknown>;
  pending: boolean;
}

type Target = 'department' | 'agent';

const presenceOrder = { ONLINE: 0, AWAY: 1, OFFLINE: 2 } as const;

export function TransferDialog({ conversation, onClose, onTransfer, pending }: TransferDialogProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const directory = useDepartmentDirectory();
  const users = useUserDirectory();
  const [target, setTarget] = useState<Target>('department');
  const [departmentId, setDepartmentId] = useState('');
  // An agent is usually found in the conversation's own department, so the agent choice starts there.
  const [agentDepartmentId, setAgentDepartmentId] = useState(conversation.departmentId ?? '');
  const [agentId, setAgentId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);

  const allDepartments = directory.data ?? [];
  const offeredDepartments = allDepartments.filter((d) => d.id !== conversation.departmentId);
  // Supervisors and admins may hold a conversation of any department; agents only of their own.
  const agents = (users.data ?? [])
    .filter((u) => u.id !== me.id && u.role !== 'VIEWER')
    .filter((u) => !agentDepartmentId || u.role === 'ADMIN' || u.role === 'SUPERVISOR' || u.departmentIds.includes(agentDepartmentId))
    .sort((a, b) => presenceOrder[a.status] - presenceOrder[b.status] || a.name.localeCompare(b.name));
  const chosenAgent = agents.find((a) => a.id === agentId);

  const submit = async () => {
    if (target === 'department' ? !departmentId : !agentId) {
      setMissing(true);
      return;
    }
    const input: TransferInput = target === 'department' ? { departmentId } : { agentId, departmentId: agentDepartmentId || undefined };
    if (note.trim()) input.note = note.trim();
    setError(null);
    try {
      await onTransfer(input);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Dialog
      title={t('inbox.transfer.title')}
      description={t('inbox.transfer.description')}
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {t('inbox.transfer.submit')}
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-4">
        <div role="radiogroup" aria-label={t('inbox.transfer.to')} className="grid grid-cols-2 gap-2">
          {(['department', 'agent'] as const).map((kind) => {
            const Icon = kind === 'department' ? Network : UserRound;
            return (
              <label
                key={kind}
                className={clsx(
                  'flex cursor-pointer items-center gap-2.5 rounded-lg border px-3 py-2.5 text-sm font-medium has-focus-visible:outline-2 has-focus-visible:outline-emerald-600',
                  target === kind ? 'border-emerald-600 bg-emerald-50 text-emerald-900' : 'border-zinc-200 text-zinc-700 hover:bg-zinc-50',
                )}
              >
                <input type="radio" name="transfer-target" className="sr-only" checked={target === kind} onChange={() => (setTarget(kind), setMissing(false))} data-autofocus={kind === 'department' ? true : undefined} />
                <Icon aria-hidden="true" className="size-4" />
                {t(`inbox.transfer.${kind === 'department' ? 'toDepartment' : 'toAgent'}`)}
              </label>
            );
          })}
        </div>
        {target === 'department' ? (
          <Field label={t('inbox.transfer.department')} error={missing ? t('inbox.transfer.required') : directory.isError ? errorMessage(directory.error) : null}>
            {(control) => (
              <Select {...control} value={departmentId} onChange={(e) => (setDepartmentId(e.target.value), setMissing(false))}>
                <option value="">{directory.isPending ? t('common.loading') : t('inbox.transfer.chooseDepartment')}</option>
                {offeredDepartments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        ) : (
          <>
            <Field label={t('inbox.transfer.agentDepartment')} hint={t('inbox.transfer.agentDepartmentHint')}>
              {(control) => (
                <Select {...control} value={agentDepartmentId} onChange={(e) => (setAgentDepartmentId(e.target.value), setAgentId(''))}>
                  <option value="">{t('inbox.transfer.keepDepartment')}</option>
                  {allDepartments.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field
              label={t('inbox.transfer.agent')}
              error={missing ? t('inbox.transfer.required') : users.isError ? errorMessage(users.error) : null}
              hint={users.data && agents.length === 0 ? t('inbox.transfer.noAgents') : undefined}
            >
              {(control) => (
                <div className="flex flex-col gap-1.5">
                  <Select {...control} value={agentId} onChange={(e) => (setAgentId(e.target.value), setMissing(false))}>
                    <option value="">{users.isPending ? t('common.loading') : t('inbox.transfer.chooseAgent')}</option>
                    {agents.map((a) => (
                      <option key={a.id} value={a.id}>
                        {`${a.name} · ${t(`presence.${a.status}`)} · ${a.openConversations}/${a.maxConcurrentChats}`}
                      </option>
                    ))}
                  </Select>
                  {chosenAgent && (
                    <p className="flex items-center gap-1.5 text-xs text-zinc-500">
                      <PresenceDot status={chosenAgent.status} />
                      {t(`presence.${chosenAgent.status}`)} · {t('inbox.team.load', { count: chosenAgent.openConversations, max: chosenAgent.maxConcurrentChats })}
                    </p>
                  )}
                </div>
              )}
            </Field>
          </>
        )}
        <Field label={t('inbox.transfer.note')} hint={t('inbox.transfer.noteHint')}>
          {(control) => <Textarea {...control} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} placeholder={t('inbox.transfer.notePlaceholder')} className="min-h-20" />}
        </Field>
        {error && <FormAlert>{error}</FormAlert>}
      </div>
    </Dialog>
  );
}
