import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './apiError';

/** A 4xx will answer the same on a second try; only transport failures and 5xx are worth retrying. */
const shouldRetry = (failureCount: number, error: unknown) =>
  failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500);

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
    mutations: { retry: false },
  },
});
