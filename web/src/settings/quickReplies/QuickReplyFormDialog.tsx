import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryDepartment, QuickReply } from '../../lib/types';
import { useFormErrors } from '../../lib/useFormErrors';
import { Dialog } from '../../ui/Dialog';
import { FormDialogFooter } from '../../ui/FormDialogFooter';
import { Field } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { Input } from '../../ui/Input';
import { Select } from '../../ui/Select';
import { Textarea } from '../../ui/Textarea';
import { toast } from '../../ui/toastStore';
import { BODY_MAX, QUICK_REPLY_FIELDS, initialValues, normaliseShortcut, toChanges, validate, type QuickReplyFormValues } from './quickReplyForm';
import { useSaveQuickReply } from './useQuickReplyAdmin';

interface QuickReplyFormDialogProps {
  /** null creates a new reply. */
  reply: QuickReply | null;
  departments: DirectoryDepartment[];
  onClose: () => void;
}

export function QuickReplyFormDialog({ reply, departments, onClose }: QuickReplyFormDialogProps) {
  const { t } = useTranslation();
  const creating = reply === null;
  const [values, setValues] = useState<QuickReplyFormValues>(() => initialValues(reply));
  const errors = useFormErrors(QUICK_REPLY_FIELDS);
  const save = useSaveQuickReply();

  const set = <K extends keyof QuickReplyFormValues>(key: K, value: QuickReplyFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    errors.clear(key);
  };

  const submit = () => {
    if (!errors.check(validate(values))) return;
    const changes = toChanges(values, reply);
    if (!creating && Object.keys(changes).length === 0) return onClose();
    save.mutate(
      { id: reply?.id ?? null, changes },
      {
        onSuccess: (saved) => {
          toast(t(creating ? 'quickReplies.toast.created' : 'quickReplies.toast.updated', { shortcut: saved.shortcut }));
          onClose();
        },
        onError: errors.fromServer,
      },
    );
  };

  const shortcut = normaliseShortcut(values.shortcut);

  return (
    <Dialog
      title={creating ? t('quickReplies.form.createTitle') : t('quickReplies.form.editTitle')}
      description={t('quickReplies.form.description')}
      size="lg"
      onClose={onClose}
      onSubmit={submit}
      footer={<FormDialogFooter onCancel={onClose} submitLabel={creating ? t('quickReplies.form.create') : t('common.save')} pending={save.isPending} />}
    >
      <div className="grid gap-5 sm:grid-cols-2">
        {errors.form && <FormAlert className="sm:col-span-2">{errors.form}</FormAlert>}
        <Field label={t('quickReplies.form.shortcut')} error={errors.fields.shortcut} hint={t('quickReplies.form.shortcutHint', { shortcut: shortcut || 'boleto' })}>
          {(control) => (
            <div className="relative">
              <span aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 font-mono text-sm text-zinc-400">
                /
              </span>
              <Input
                {...control}
                data-autofocus
                autoComplete="off"
                spellCheck={false}
                maxLength={33}
                placeholder="boleto"
                value={values.shortcut}
                onChange={(e) => set('shortcut', e.target.value.replace(/^\/+/, '').toLowerCase())}
                className="pl-6 font-mono"
              />
            </div>
          )}
        </Field>
        <Field label={t('quickReplies.form.title')} error={errors.fields.title}>
          {(control) => <Input {...control} maxLength={80} placeholder={t('quickReplies.form.titlePlaceholder')} value={values.title} onChange={(e) => set('title', e.target.value)} />}
        </Field>
        <div className="sm:col-span-2">
          <Field label={t('quickReplies.form.body')} error={errors.fields.body} hint={t('quickReplies.form.bodyHint', { count: values.body.length, max: BODY_MAX })}>
            {(control) => <Textarea {...control} rows={6} maxLength={BODY_MAX} placeholder={t('quickReplies.form.bodyPlaceholder')} value={values.body} onChange={(e) => set('body', e.target.value)} />}
          </Field>
        </div>
        <div className="sm:col-span-2">
          <Field label={t('quickReplies.form.department')} error={errors.fields.departmentId} hint={t('quickReplies.form.departmentHint')}>
            {(control) => (
              <Select {...control} value={values.departmentId} onChange={(e) => set('departmentId', e.target.value)}>
                <option value="">{t('quickReplies.allDepartments')}</option>
                {departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
      </div>
    </Dialog>
  );
}
