import { ArrowLeft } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { Logo } from '../ui/Logo';

export default function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('errors.notFoundTitle'));
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-zinc-50 px-6 text-center">
      <Logo className="mb-12" />
      <p className="text-sm font-semibold text-emerald-700">404</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight text-zinc-900">{t('errors.notFoundTitle')}</h1>
      <p className="mt-3 max-w-md text-sm text-zinc-500">{t('errors.notFoundText')}</p>
      <Link to="/" className="mt-8 inline-flex h-10 items-center gap-2 rounded-lg bg-emerald-600 px-4 text-sm font-medium text-white shadow-sm hover:bg-emerald-700">
        <ArrowLeft aria-hidden="true" className="size-4" />
        {t('errors.backHome')}
      </Link>
    </main>
  );
}
