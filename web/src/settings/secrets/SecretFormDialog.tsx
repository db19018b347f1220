import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../lib/useFormErrors';
import { Dialog } from '../../ui/Dialog';
import { FormDialogFooter } from '../../ui/FormDialogFooter';
import { Field } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { Input } from '../../ui/Input';
import { PasswordInput } from '../../ui/PasswordInput';
import { toast } from '../../ui/toastStore';
import { SECRET_FIELDS, VALUE_MAX, validate, type SecretFormValues } from './secretForm';
import { usePutSecret } from './useSecrets';

/** A new secret, or a new value for an existing one (`name` given): the old value is never shown. */
export function SecretFormDialog({ name, onClose }: { name: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const replacing = name !== null;
  const [values, setValues] = useState<SecretFormValues>({ name: name ?? '', value: '' });
  const errors = useFormErrors(SECRET_FIELDS);
  const save = usePutSecret();

  const set = (key: keyof SecretFormValues, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    errors.clear(key);
  };

  const submit = () => {
    if (!errors.check(validate(values))) return;
    save.mutate(values, {
      onSuccess: (saved) => {
        toast(t(replacing ? 'secrets.toast.replaced' : 'secrets.toast.created', { name: saved.name }));
        onClose();
      },
      onError: errors.fromServer,
    });
  };

  return (
    <Dialog
      title={replacing ? t('secrets.form.replaceTitle', { name }) : t('secrets.form.createTitle')}
      description={t('secrets.form.description')}
      onClose={onClose}
      onSubmit={submit}
      footer={<FormDialogFooter onCancel={onClose} submitLabel={replacing ? t('secrets.form.replace') : t('secrets.form.create')} pending={save.isPending} />}
    >
      <div className="space-y-5">
        {errors.form && <FormAlert>{errors.form}</FormAlert>}
        {!replacing && (
          <Field label={t('secrets.form.name')} error={errors.fields.name} hint={t('secrets.form.nameHint', { token: `{{secrets.${values.name || 'CRM_TOKEN'}}}` })}>
            {(control) => <Input {...control} value={values.name} maxLength={64} autoComplete="off" spellCheck={false} className="font-mono" onChange={(e) => set('name', e.target.value.trim())} />}
          </Field>
        )}
        <Field label={t('secrets.form.value')} error={errors.fields.value} hint={t('secrets.form.valueHint')}>
          {(control) => <PasswordInput {...control} value={values.value} maxLength={VALUE_MAX} autoComplete="new-password" onChange={(e) => set('value', e.target.value)} />}
        </Field>
      </div>
    </Dialog>
  );
}
