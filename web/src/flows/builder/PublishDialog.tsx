import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { FormDialogFooter } from '../../ui/FormDialogFooter';
import { Field } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { Textarea } from '../../ui/Textarea';
import type { Problem } from '../flowsApi';
import { ProblemsList } from './ProblemsList';

interface PublishDialogProps {
  nextVersion: number;
  pending: boolean;
  refused: Problem[] | null;
  error: string | null;
  onPublish: (note: string) => void;
  onClose: () => void;
}

export function PublishDialog({ nextVersion, pending, refused, error, onPublish, onClose }: PublishDialogProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  return (
    <Dialog
      title={t('flows.publish.title', { version: nextVersion })}
      description={t('flows.publish.description')}
      onClose={onClose}
      onSubmit={() => onPublish(note)}
      footer={<FormDialogFooter onCancel={onClose} submitLabel={t('flows.publish.confirm')} pending={pending} />}
    >
      <div className="space-y-4">
        <Field label={t('flows.publish.note')} hint={t('flows.publish.noteHint')}>
          {(control) => <Textarea {...control} data-autofocus rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('flows.publish.notePlaceholder')} />}
        </Field>
        {refused && (
          <div role="alert" className="overflow-hidden rounded-lg border border-red-200">
            <p className="bg-red-50 px-3 py-2 text-sm font-semibold text-red-800">{t('flows.publish.refused', { count: refused.length })}</p>
            <div className="max-h-56 overflow-y-auto bg-white">
              <ProblemsList problems={refused} onPick={onClose} />
            </div>
          </div>
        )}
        {error && <FormAlert>{error}</FormAlert>}
      </div>
    </Dialog>
  );
}
