import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, setCsrfToken } from '../api/client.ts';
import { SESSION_KEY } from './session.ts';

function onError(error: unknown): void {
  // Any 401 means the session is gone: clearing it makes RequireAuth send the user to /login.
  if (error instanceof ApiError && error.status === 401) {
    setCsrfToken(null);
    queryClient.setQueryData(SESSION_KEY, null);
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (query.queryKey[0] !== SESSION_KEY[0]) onError(error);
    },
  }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      retry: (failureCount, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) &&
        failureCount < 2,
      refetchOnWindowFocus: false,
    },
  },
});
