import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useSessionStore } from '../auth/sessionStore';
import { MustChangePasswordBanner } from './MustChangePasswordBanner';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';

export default function AppShell() {
  const { t } = useTranslation();
  const [sidebarOpen, setSidebarOpen] = useState(false);
  const mustChangePassword = useSessionStore((s) => s.user?.mustChangePassword ?? false);
  return (
    <div className="flex h-dvh overflow-hidden bg-zinc-50">
      <a href="#content" className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2">
        {t('nav.skipToContent')}
      </a>
      <Sidebar open={sidebarOpen} onClose={() => setSidebarOpen(false)} />
      <div className="flex min-w-0 flex-1 flex-col">
        <TopBar onOpenSidebar={() => setSidebarOpen(true)} />
        {mustChangePassword && <MustChangePasswordBanner />}
        {/* No Suspense of its own: a page still loading on first paint waits under the app's loader,
            so React reveals shell and page in one step instead of two throttled ones (300 ms each).
            Later navigations are transitions, which keep the current page until the next is loaded. */}
        <main id="content" className="flex-1 overflow-y-auto">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
