import { create } from 'zustand';
import type { SessionResponse, User } from '../lib/types';

type SessionStatus = 'restoring' | 'authenticated' | 'anonymous';

interface SessionState {
  status: SessionStatus;
  /** Kept in memory only: a page reload restores it through the httpOnly refresh cookie. */
  accessToken: string | null;
  user: User | null;
  setSession: (session: SessionResponse) => void;
  setUser: (user: User) => void;
  clear: () => void;
}

export const useSessionStore = create<SessionState>()((set) => ({
  status: 'restoring',
  accessToken: null,
  user: null,
  setSession: ({ accessToken, user }) => set({ status: 'authenticated', accessToken, user }),
  setUser: (user) => set({ user }),
  clear: () => set({ status: 'anonymous', accessToken: null, user: null }),
}));

/** For components under RequireAuth, where a user always exists. */
export function useCurrentUser(): User {
  const user = useSessionStore((s) => s.user);
  if (!user) throw new Error('useCurrentUser called outside an authenticated route');
  return user;
}
