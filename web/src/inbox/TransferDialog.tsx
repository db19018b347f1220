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
import { usePeople } from './usePeople';

interface TransferDialogProps {
  conversation: Conversation;
  onClose: () => void;
  onTransfer: (input: TransferInput) => Promise<unknown>;
  pending: boolean;
}

type Target = 'department' | 'agent';

export function TransferDialog({ conversation, onClose, onTransfer, pending }: TransferDialogProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { departments } = usePeople();
  const [target, setTarget] = useState<Target>('department');
  const [departmentId, setDepartmentId] = useState('');
  const [agentId, setAgentId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);

  // Agents are offered per department, with their presence, so the choice is informed.
  const agentDepartments = departments
    .map((d) => ({ department: d, members: d.members.filter((m) => m.active && m.id !== me.id && m.role !== 'VIEWER') }))
    .filter((g) => g.members.length > 0);
  const offeredDepartments = departments.filter((d) => d.active && d.id !== conversation.departmentId);

  const submit = async () => {
    const input: TransferInput = target === 'department' ? { departmentId } : { agentId, departmentId: departmentOfAgent(agentId) };
    if (target === 'department' ? !departmentId : !agentId) {
      setMissing(true);
      return;
    }
    if (note.trim()) input.note = note.trim();
    setError(null);
    try {
      await onTransfer(input);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const departmentOfAgent = (id: string) => agentDepartments.find((g) => g.members.some((m) => m.id === id))?.department.id;

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
          <Field label={t('inbox.transfer.department')} error={missing ? t('inbox.transfer.required') : null}>
            {(control) => (
              <Select {...control} value={departmentId} onChange={(e) => (setDepartmentId(e.target.value), setMissing(false))}>
                <option value="">{t('inbox.transfer.chooseDepartment')}</option>
                {offeredDepartments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        ) : (
          <Field label={t('inbox.transfer.agent')} error={missing ? t('inbox.transfer.required') : null} hint={agentDepartments.length === 0 ? t('inbox.transfer.noAgents') : undefined}>
            {(control) => (
              <div className="flex flex-col gap-1.5">
                <Select {...control} value={agentId} onChange={(e) => (setAgentId(e.target.value), setMissing(false))}>
                  <option value="">{t('inbox.transfer.chooseAgent')}</option>
                  {agentDepartments.map((group) => (
                    <optgroup key={group.department.id} label={group.department.name}>
                      {group.members.map((m) => (
                        <option key={`${group.department.id}:${m.id}`} value={m.id}>
                          {`${m.name} · ${t(`presence.${m.status}`)}`}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </Select>
                {agentId && (
                  <p className="flex items-center gap-1.5 text-xs text-zinc-500">
                    <PresenceDot status={agentDepartments.flatMap((g) => g.members).find((m) => m.id === agentId)?.status ?? 'OFFLINE'} />
                    {t(`presence.${agentDepartments.flatMap((g) => g.members).find((m) => m.id === agentId)?.status ?? 'OFFLINE'}`)}
                  </p>
                )}
              </div>
            )}
          </Field>
        )}
        <Field label={t('inbox.transfer.note')} hint={t('inbox.transfer.noteHint')}>
          {(control) => <Textarea {...control} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} placeholder={t('inbox.transfer.notePlaceholder')} className="min-h-20" />}
        </Field>
        {error && <FormAlert>{error}</FormAlert>}
      </div>
    </Dialog>
  );
}
