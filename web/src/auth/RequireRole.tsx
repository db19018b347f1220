import type { ReactNode } from 'react';
import { ForbiddenPage } from '../errors/ForbiddenPage';
import type { Role } from '../lib/types';
import { useCurrentUser } from './sessionStore';

export function RequireRole({ allow, children }: { allow: (role: Role) => boolean; children: ReactNode }) {
  const user = useCurrentUser();
  return allow(user.role) ? children : <ForbiddenPage />;
}
