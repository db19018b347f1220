import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { changePassword } from '../../auth/session';
import { useFormErrors } from '../../lib/useFormErrors';
import * as rules from '../../lib/validation';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { PasswordInput } from '../../ui/PasswordInput';
import { toast } from '../../ui/toastStore';

const FIELDS = ['currentPassword', 'newPassword', 'confirmation'] as const;
const EMPTY = { currentPassword: '', newPassword: '', confirmation: '' };

export function ChangePasswordForm({ forced }: { forced: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState(EMPTY);
  const errors = useFormErrors(FIELDS);

  const mutation = useMutation({
    // `forced` travels with the call: the new session clears the flag before onSuccess runs.
    mutationFn: async (wasForced: boolean) => {
      await changePassword(values.currentPassword, values.newPassword);
      return wasForced;
    },
    onSuccess: (wasForced) => {
      setValues(EMPTY);
      toast(t('profile.password.changed'));
      if (wasForced) navigate('/inbox', { replace: true });
    },
    onError: errors.fromServer,
  });

  const set = (key: keyof typeof EMPTY, value: string) => setValues((v) => ({ ...v, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = rules.collect({
      currentPassword: values.currentPassword ? null : t('validation.required'),
      newPassword: rules.password(values.newPassword) ?? (values.newPassword === values.currentPassword ? t('validation.sameAsCurrent') : null),
      confirmation: values.confirmation === values.newPassword ? null : t('validation.passwordsDiffer'),
    });
    if (errors.check(found)) mutation.mutate(forced);
  };

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-5">
      {errors.form && <FormAlert>{errors.form}</FormAlert>}
      <Field label={t('profile.password.current')} error={errors.fields.currentPassword}>
        {(control) => <PasswordInput {...control} autoComplete="current-password" autoFocus={forced} value={values.currentPassword} onChange={(e) => set('currentPassword', e.target.value)} />}
      </Field>
      <Field label={t('profile.password.new')} error={errors.fields.newPassword} hint={t('profile.password.newHint')}>
        {(control) => <PasswordInput {...control} autoComplete="new-password" value={values.newPassword} onChange={(e) => set('newPassword', e.target.value)} />}
      </Field>
      <Field label={t('profile.password.confirm')} error={errors.fields.confirmation}>
        {(control) => <PasswordInput {...control} autoComplete="new-password" value={values.confirmation} onChange={(e) => set('confirmation', e.target.value)} />}
      </Field>
      <div className="flex items-center justify-between gap-4 pt-1">
        <p className="text-xs text-zinc-500">{t('profile.password.sessionsNote')}</p>
        <Button type="submit" loading={mutation.isPending}>
          {t('profile.password.submit')}
        </Button>
      </div>
    </form>
  );
}
