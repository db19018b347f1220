import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type User } from '../../lib/types';
import { useFormErrors } from '../../lib/useFormErrors';
import { Dialog } from '../../ui/Dialog';
import { FormDialogFooter } from '../../ui/FormDialogFooter';
import { Field } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { Input } from '../../ui/Input';
import { PasswordInput } from '../../ui/PasswordInput';
import { Select } from '../../ui/Select';
import { toast } from '../../ui/toastStore';
import { DepartmentPicker } from './DepartmentPicker';
import { USER_FIELDS, initialValues, toChanges, validate, type UserFormValues } from './userForm';
import { useSaveUser } from './useUsers';

interface UserFormDialogProps {
  /** null creates a new user. */
  user: User | null;
  onClose: () => void;
}

export function UserFormDialog({ user, onClose }: UserFormDialogProps) {
  const { t } = useTranslation();
  const creating = user === null;
  const [values, setValues] = useState<UserFormValues>(() => initialValues(user));
  const errors = useFormErrors(USER_FIELDS);
  const save = useSaveUser();

  const set = <K extends keyof UserFormValues>(key: K, value: UserFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    errors.clear(key);
  };

  const submit = () => {
    if (!errors.check(validate(values, creating))) return;
    const changes = toChanges(values, user);
    if (!creating && Object.keys(changes).length === 0) return onClose();
    save.mutate(
      { id: user?.id ?? null, changes },
      {
        onSuccess: (saved) => {
          toast(t(creating ? 'users.toast.created' : 'users.toast.updated', { name: saved.name }));
          onClose();
        },
        onError: errors.fromServer,
      },
    );
  };

  return (
    <Dialog
      title={creating ? t('users.form.createTitle') : t('users.form.editTitle')}
      description={creating ? t('users.form.createDescription') : user.email}
      size="lg"
      onClose={onClose}
      onSubmit={submit}
      footer={<FormDialogFooter onCancel={onClose} submitLabel={creating ? t('users.form.create') : t('common.save')} pending={save.isPending} />}
    >
      <div className="grid gap-5 sm:grid-cols-2">
        {errors.form && <FormAlert className="sm:col-span-2">{errors.form}</FormAlert>}
        <Field label={t('users.form.name')} error={errors.fields.name}>
          {(control) => <Input {...control} data-autofocus autoComplete="off" value={values.name} onChange={(e) => set('name', e.target.value)} />}
        </Field>
        <Field label={t('users.form.email')} error={errors.fields.email}>
          {(control) => <Input {...control} type="email" autoComplete="off" value={values.email} onChange={(e) => set('email', e.target.value)} />}
        </Field>
        <Field label={t('users.form.role')} error={errors.fields.role} hint={t(`users.roleHints.${values.role}`)}>
          {(control) => (
            <Select {...control} value={values.role} onChange={(e) => set('role', e.target.value as UserFormValues['role'])}>
              {roles.map((role) => (
                <option key={role} value={role}>
                  {t(`roles.${role}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t('users.form.maxConcurrentChats')} error={errors.fields.maxConcurrentChats} hint={t('users.form.maxConcurrentChatsHint')}>
          {(control) => <Input {...control} type="number" inputMode="numeric" min={1} max={100} value={values.maxConcurrentChats} onChange={(e) => set('maxConcurrentChats', e.target.value)} />}
        </Field>
        <div className="sm:col-span-2">
          <Field
            label={creating ? t('users.form.password') : t('users.form.newPassword')}
            error={errors.fields.password}
            hint={creating ? t('users.form.passwordHint') : t('users.form.newPasswordHint')}
          >
            {(control) => <PasswordInput {...control} autoComplete="new-password" value={values.password} onChange={(e) => set('password', e.target.value)} />}
          </Field>
        </div>
        <div className="sm:col-span-2">
          <DepartmentPicker selected={values.departmentIds} onChange={(ids) => set('departmentIds', ids)} error={errors.fields.departmentIds} />
        </div>
      </div>
    </Dialog>
  );
}
