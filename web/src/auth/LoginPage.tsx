import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormErrors } from '../lib/useFormErrors';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import * as rules from '../lib/validation';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { FormAlert } from '../ui/FormAlert';
import { Input } from '../ui/Input';
import { PasswordInput } from '../ui/PasswordInput';
import { AuthLayout } from './AuthLayout';
import { login } from './session';

const FIELDS = ['email', 'password'] as const;

export default function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.login.title'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = useFormErrors(FIELDS);

  const mutation = useMutation({
    mutationFn: () => login(email.trim(), password),
    onError: errors.fromServer,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (errors.check(rules.collect({ email: rules.email(email), password: password ? null : t('validation.required') }))) mutation.mutate();
  };

  return (
    <AuthLayout>
      <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">{t('auth.login.title')}</h1>
      <p className="mt-1.5 text-sm text-zinc-500">{t('auth.login.subtitle')}</p>
      <form onSubmit={submit} noValidate className="mt-8 flex flex-col gap-5">
        {errors.form && <FormAlert>{errors.form}</FormAlert>}
        <Field label={t('auth.login.email')} error={errors.fields.email}>
          {(control) => (
            <Input {...control} type="email" autoComplete="username" autoFocus placeholder={t('auth.login.emailPlaceholder')} value={email} onChange={(e) => setEmail(e.target.value)} />
          )}
        </Field>
        <Field
          label={t('auth.login.password')}
          error={errors.fields.password}
          aside={
            <Link to="/esqueci-senha" className="text-sm font-medium text-emerald-700 hover:text-emerald-800 hover:underline">
              {t('auth.login.forgot')}
            </Link>
          }
        >
          {(control) => <PasswordInput {...control} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <Button type="submit" loading={mutation.isPending} className="mt-1 w-full">
          {t('auth.login.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
