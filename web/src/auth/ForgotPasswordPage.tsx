import { useMutation } from '@tanstack/react-query';
import { ArrowLeft, MailCheck } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../i18n';
import { api } from '../lib/api';
import { useFormErrors } from '../lib/useFormErrors';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import * as rules from '../lib/validation';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { FormAlert } from '../ui/FormAlert';
import { Input } from '../ui/Input';
import { AuthLayout } from './AuthLayout';

const FIELDS = ['email'] as const;

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.forgot.title'));
  const [email, setEmail] = useState('');
  const errors = useFormErrors(FIELDS);

  const mutation = useMutation({
    mutationFn: () => api<{ message: string }>('/api/auth/password-reset-requests', { method: 'POST', body: { email: email.trim() }, authenticated: false }),
    onError: errors.fromServer,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const error = rules.email(email);
    if (errors.check(error ? { email: error } : {})) mutation.mutate();
  };

  const backLink = (
    <Link to="/login" className="inline-flex items-center gap-1.5 text-sm font-medium text-emerald-700 hover:text-emerald-800 hover:underline">
      <ArrowLeft aria-hidden="true" className="size-4" />
      {t('auth.forgot.back')}
    </Link>
  );

  if (mutation.isSuccess) {
    return (
      <AuthLayout>
        <div role="status" className="flex flex-col items-start">
          <span className="mb-5 flex size-12 items-center justify-center rounded-full bg-emerald-50 text-emerald-600">
            <MailCheck aria-hidden="true" className="size-6" />
          </span>
          <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">{t('auth.forgot.sentTitle')}</h1>
          <p className="mt-2 text-sm leading-relaxed text-zinc-600">{currentLanguage() === 'pt-BR' ? mutation.data.message : t('auth.forgot.sentText')}</p>
          <p className="mt-2 text-sm leading-relaxed text-zinc-500">{t('auth.forgot.nextSteps')}</p>
          <div className="mt-8">{backLink}</div>
        </div>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout>
      <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">{t('auth.forgot.title')}</h1>
      <p className="mt-1.5 text-sm leading-relaxed text-zinc-500">{t('auth.forgot.subtitle')}</p>
      <form onSubmit={submit} noValidate className="mt-8 flex flex-col gap-5">
        {errors.form && <FormAlert>{errors.form}</FormAlert>}
        <Field label={t('auth.forgot.email')} error={errors.fields.email}>
          {(control) => <Input {...control} type="email" autoComplete="email" autoFocus placeholder={t('auth.login.emailPlaceholder')} value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Button type="submit" loading={mutation.isPending} className="w-full">
          {t('auth.forgot.submit')}
        </Button>
      </form>
      <div className="mt-8">{backLink}</div>
    </AuthLayout>
  );
}
