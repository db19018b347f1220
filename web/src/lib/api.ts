import { useSessionStore } from '../auth/sessionStore';
import i18n from '../i18n';
import { ApiError } from './apiError';
import type { SessionResponse } from './types';

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Public endpoints (login, password-reset request) must not trigger a token refresh on 401. */
  authenticated?: boolean;
}

const REFRESHABLE_CODES = new Set(['TOKEN_EXPIRED', 'UNAUTHENTICATED']);

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(withQuery(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null;
  const error = body?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(response.status, error.code, error.message, error.details ?? null);
  }
  return new ApiError(response.status, 'HTTP', i18n.t('errors.unexpected'));
}

function postRefresh(): Promise<SessionResponse> {
  return send('/api/auth/refresh', { method: 'POST' }, null).then(async (response) => {
    if (!response.ok) throw await toApiError(response);
    return (await response.json()) as SessionResponse;
  });
}

/**
 * Refresh tokens are single-use and a replayed one revokes the whole login, so two tabs refreshing at
 * once would log each other out: the Web Locks API makes tabs take turns, and the later tab then
 * sends the cookie the earlier one just received.
 */
async function acrossTabs<T>(task: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && navigator.locks) {
    return await navigator.locks.request('orquestra.auth.refresh', task);
  }
  return task();
}

let refreshing: Promise<SessionResponse> | null = null;

/** Single flight: every caller that needs a new access token while one is on its way shares it. */
export function refreshSession(): Promise<SessionResponse> {
  refreshing ??= acrossTabs(postRefresh)
    .then(
      (session) => {
        useSessionStore.getState().setSession(session);
        return session;
      },
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) useSessionStore.getState().clear();
        throw error;
      },
    )
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const authenticated = options.authenticated ?? true;
  const usedToken = authenticated ? useSessionStore.getState().accessToken : null;
  let response = await send(path, options, usedToken);

  if (authenticated && response.status === 401) {
    const error = await toApiError(response);
    if (!REFRESHABLE_CODES.has(error.code)) throw error;
    // Another request may already have renewed the token while this one was in flight.
    const current = useSessionStore.getState().accessToken;
    const token = current && current !== usedToken ? current : (await refreshSession()).accessToken;
    response = await send(path, options, token);
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
