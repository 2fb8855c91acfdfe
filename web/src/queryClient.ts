import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isUnauthorized } from './api';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
    /** `session: true` marks the query that decides whether someone is signed in. */
    queryMeta: { session?: boolean };
  }
}

export const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failureCount, error) => error.status >= 500 && failureCount < 2,
      refetchOnWindowFocus: false,
    },
  },
  // A 401 from any request means the session ended: recheck the session query so its guard redirects to sign-in.
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (isUnauthorized(error) && !query.meta?.session) void recheckSession();
    },
  }),
  mutationCache: new MutationCache({
    onError: (error) => {
      if (isUnauthorized(error)) void recheckSession();
    },
  }),
});

function recheckSession(): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (query) => query.meta?.session === true });
}
