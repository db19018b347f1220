import type { QueryClient } from '@tanstack/react-query';
import { api, refreshSession } from '../lib/api';
import type { Presence, SessionResponse, User } from '../lib/types';
import { useSessionStore } from './sessionStore';

export async function restoreSession(): Promise<void> {
  try {
    await refreshSession();
  } catch {
    // No cookie, an expired one, or the API unreachable: the user signs in again either way.
    useSessionStore.getState().clear();
  }
}

export async function login(email: string, password: string): Promise<void> {
  const session = await api<SessionResponse>('/api/auth/login', { method: 'POST', body: { email, password }, authenticated: false });
  useSessionStore.getState().setSession(session);
}

export async function logout(): Promise<void> {
  try {
    await api<void>('/api/auth/logout', { method: 'POST', authenticated: false });
  } finally {
    useSessionStore.getState().clear();
  }
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  const session = await api<SessionResponse>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
  useSessionStore.getState().setSession(session);
}

export async function setPresence(status: Presence): Promise<User> {
  const user = await api<User>('/api/users/me/status', { method: 'PUT', body: { status } });
  useSessionStore.getState().setUser(user);
  return user;
}

/** Cached server data belongs to the signed-in user; drop it the moment the session ends. */
export function clearCacheOnSignOut(queryClient: QueryClient): void {
  useSessionStore.subscribe((state, previous) => {
    if (previous.status === 'authenticated' && state.status !== 'authenticated') queryClient.clear();
  });
}
