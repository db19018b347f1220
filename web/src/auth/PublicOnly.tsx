import { Navigate, Outlet, useLocation } from 'react-router';
import { useSessionStore } from './sessionStore';

export function PublicOnly() {
  const location = useLocation();
  const status = useSessionStore((s) => s.status);
  if (status === 'authenticated') {
    const from = (location.state as { from?: unknown } | null)?.from;
    return <Navigate to={typeof from === 'string' ? from : '/inbox'} replace />;
  }
  return <Outlet />;
}
