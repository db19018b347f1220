import { MessagesSquare, Users, Workflow } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../layout/LanguageSwitcher';
import { Logo } from '../ui/Logo';

/** Brand panel on wide screens, the form alone on phones. */
export function AuthLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const points = [
    { icon: MessagesSquare, text: t('auth.hero.point1') },
    { icon: Workflow, text: t('auth.hero.point2') },
    { icon: Users, text: t('auth.hero.point3') },
  ];
  return (
    <div className="flex min-h-dvh bg-white">
      <aside className="relative hidden w-[44%] max-w-xl flex-col justify-between overflow-hidden bg-gradient-to-br from-emerald-600 via-emerald-700 to-teal-800 p-12 text-white lg:flex">
        <div aria-hidden="true" className="absolute -top-24 -right-24 size-80 rounded-full bg-white/10 blur-2xl" />
        <div aria-hidden="true" className="absolute -bottom-32 -left-16 size-96 rounded-full bg-teal-400/20 blur-3xl" />
        <Logo inverted className="relative" />
        <div className="relative">
          <h2 className="max-w-md text-3xl leading-tight font-semibold tracking-tight">{t('auth.hero.title')}</h2>
          <p className="mt-4 max-w-md text-emerald-50/90">{t('auth.hero.text')}</p>
          <ul className="mt-10 space-y-4">
            {points.map(({ icon: Icon, text }) => (
              <li key={text} className="flex items-center gap-3 text-sm text-emerald-50">
                <span className="flex size-9 items-center justify-center rounded-lg bg-white/15 ring-1 ring-white/20">
                  <Icon aria-hidden="true" className="size-4.5" />
                </span>
                {text}
              </li>
            ))}
          </ul>
        </div>
        <p className="relative text-xs text-emerald-100/70">{t('auth.hero.footer')}</p>
      </aside>
      <main className="flex flex-1 flex-col">
        <div className="flex items-center justify-between p-6">
          <Logo className="lg:invisible" />
          <LanguageSwitcher compact />
        </div>
        <div className="flex flex-1 items-center justify-center px-6 pb-16">
          <div className="w-full max-w-sm">{children}</div>
        </div>
      </main>
    </div>
  );
}
