import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { canManageFlows, canManageQuickReplies, canManageSecrets, canReviewPasswordResets, canViewCompanySettings, canViewUsers, canViewWhatsAppNumbers } from './auth/permissions';
import { PublicOnly } from './auth/PublicOnly';
import { RequireAuth } from './auth/RequireAuth';
import { RequireRole } from './auth/RequireRole';
import { useSessionStore } from './auth/sessionStore';
import type { UpcomingFeature } from './comingSoon/ComingSoonPage';
import InboxPage from './inbox/InboxPage';
import AppShell from './layout/AppShell';
import { FullPageLoader } from './ui/FullPageLoader';
import { Toaster } from './ui/Toaster';

// The shell and the inbox, where almost every visit lands, are in the entry chunk: a lazy boundary
// there held their first paint back (React delays each Suspense reveal by up to 300 ms).
const LoginPage = lazy(() => import('./auth/LoginPage'));
const ForgotPasswordPage = lazy(() => import('./auth/ForgotPasswordPage'));
const ComingSoonPage = lazy(() => import('./comingSoon/ComingSoonPage'));
const UsersPage = lazy(() => import('./settings/users/UsersPage'));
const DepartmentsPage = lazy(() => import('./settings/departments/DepartmentsPage'));
const WhatsAppNumbersPage = lazy(() => import('./settings/whatsappNumbers/WhatsAppNumbersPage'));
const PasswordResetsPage = lazy(() => import('./settings/passwordResets/PasswordResetsPage'));
const QuickRepliesPage = lazy(() => import('./settings/quickReplies/QuickRepliesPage'));
const CompanySettingsPage = lazy(() => import('./settings/company/CompanySettingsPage'));
const SecretsPage = lazy(() => import('./settings/secrets/SecretsPage'));
const ProfilePage = lazy(() => import('./settings/profile/ProfilePage'));
const PhonePage = lazy(() => import('./phone/PhonePage'));
const FlowsPage = lazy(() => import('./flows/FlowsPage'));
// The builder (React Flow, dagre, zod forms) is its own chunk so the inbox does not download it.
const FlowBuilderPage = lazy(() => import('./flows/FlowBuilderPage'));
const NotFoundPage = lazy(() => import('./errors/NotFoundPage'));

const upcoming: UpcomingFeature[] = ['campaigns', 'contacts', 'funnels', 'reports'];

export function App() {
  const status = useSessionStore((s) => s.status);
  if (status === 'restoring') return <FullPageLoader />;
  return (
    <>
    <Suspense fallback={<FullPageLoader />}>
      <Routes>
        <Route element={<PublicOnly />}>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/esqueci-senha" element={<ForgotPasswordPage />} />
        </Route>
        <Route element={<RequireAuth />}>
          <Route element={<AppShell />}>
            <Route index element={<Navigate to="/inbox" replace />} />
            {upcoming.map((feature) => (
              <Route key={feature} path={feature} element={<ComingSoonPage feature={feature} />} />
            ))}
            <Route path="inbox" element={<InboxPage />} />
            <Route path="inbox/:conversationId" element={<InboxPage />} />
            <Route
              path="flows"
              element={
                <RequireRole allow={canManageFlows}>
                  <FlowsPage />
                </RequireRole>
              }
            />
            <Route
              path="flows/:flowId"
              element={
                <RequireRole allow={canManageFlows}>
                  <FlowBuilderPage />
                </RequireRole>
              }
            />
            <Route path="phone" element={<PhonePage />} />
            <Route path="settings">
              <Route index element={<Navigate to="/settings/profile" replace />} />
              <Route
                path="users"
                element={
                  <RequireRole allow={canViewUsers}>
                    <UsersPage />
                  </RequireRole>
                }
              />
              <Route path="departments" element={<DepartmentsPage />} />
              <Route
                path="whatsapp-numbers"
                element={
                  <RequireRole allow={canViewWhatsAppNumbers}>
                    <WhatsAppNumbersPage />
                  </RequireRole>
                }
              />
              <Route
                path="quick-replies"
                element={
                  <RequireRole allow={canManageQuickReplies}>
                    <QuickRepliesPage />
                  </RequireRole>
                }
              />
              <Route
                path="company"
                element={
                  <RequireRole allow={canViewCompanySettings}>
                    <CompanySettingsPage />
                  </RequireRole>
                }
              />
              <Route
                path="secrets"
                element={
                  <RequireRole allow={canManageSecrets}>
                    <SecretsPage />
                  </RequireRole>
                }
              />
              <Route
                path="password-resets"
                element={
                  <RequireRole allow={canReviewPasswordResets}>
                    <PasswordResetsPage />
                  </RequireRole>
                }
              />
              <Route path="profile" element={<ProfilePage />} />
            </Route>
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
    <Toaster />
    </>
  );
}
