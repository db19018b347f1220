import { Navigate, Outlet, useLocation } from 'react-router';
import { useSessionStore } from './sessionStore';

const PROFILE_PATH = '/settings/profile';

/** Signed-out visitors go to /login (and come back after); a user with a temporary password goes to the profile page until it is changed. */
export function RequireAuth() {
  const location = useLocation();
  const status = useSessionStore((s) => s.status);
  const mustChangePassword = useSessionStore((s) => s.user?.mustChangePassword ?? false);

  if (status !== 'authenticated') return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (mustChangePassword && location.pathname !== PROFILE_PATH) return <Navigate to={PROFILE_PATH} replace />;
  return <Outlet />;
}
