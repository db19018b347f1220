import { Sparkles } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { workspaceNav, type NavKey } from '../layout/navItems';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { Page } from '../ui/Page';
import { PageHeader } from '../ui/PageHeader';

export type UpcomingFeature = Extract<NavKey, 'inbox' | 'flows' | 'campaigns' | 'contacts' | 'funnels' | 'reports'>;

export default function ComingSoonPage({ feature }: { feature: UpcomingFeature }) {
  const { t } = useTranslation();
  useDocumentTitle(t(`nav.${feature}`));
  const Icon = workspaceNav.find((item) => item.key === feature)?.icon ?? Sparkles;
  return (
    <Page>
      <PageHeader title={t(`nav.${feature}`)} />
      <section className="relative flex flex-col items-center overflow-hidden rounded-2xl border border-dashed border-zinc-300 bg-white px-6 py-20 text-center">
        <div aria-hidden="true" className="absolute inset-x-0 top-0 h-40 bg-gradient-to-b from-emerald-50/80 to-transparent" />
        <div className="relative flex size-16 items-center justify-center rounded-2xl bg-gradient-to-br from-emerald-500 to-teal-600 text-white shadow-lg shadow-emerald-600/20">
          <Icon aria-hidden="true" className="size-8" />
        </div>
        <span className="relative mt-6 inline-flex items-center gap-1.5 rounded-full bg-emerald-50 px-3 py-1 text-xs font-semibold text-emerald-700 ring-1 ring-emerald-600/20">
          <Sparkles aria-hidden="true" className="size-3.5" />
          {t('comingSoon.badge')}
        </span>
        <h2 className="relative mt-4 text-lg font-semibold text-zinc-900">{t(`comingSoon.${feature}.title`)}</h2>
        <p className="relative mt-2 max-w-lg text-sm leading-relaxed text-zinc-500">{t(`comingSoon.${feature}.description`)}</p>
      </section>
    </Page>
  );
}
