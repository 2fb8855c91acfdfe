import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, type Item, type Reply } from './api';

export type Me = Reply<'/me'>['me'];
export type CorpSummary = Item<Me['corps']>;
export type CurrentCorp = NonNullable<Me['currentCorp']>;

export const meQueryKey = ['/me'] as const;

/** The signed-in account. A 401 means nobody is signed in. */
export function useMeQuery() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async () => (await api.get('/me')).me,
    meta: { session: true },
  });
}

/** The signed-in account, for components rendered under `<RequireMe>`. */
export function useMe(): Me {
  const { data } = useMeQuery();
  if (!data) throw new Error('useMe() is only available under <RequireMe>');
  return data;
}

/**
 * Stores the `me` returned by sign-in, registration or an enterprise switch and
 * reloads every other query, since they may belong to another enterprise now.
 */
export function useApplyMe(): (me: Me) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(
    async (me: Me) => {
      queryClient.setQueryData(meQueryKey, me);
      await queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    },
    [queryClient],
  );
}

/** The enterprise being administered, for components rendered under `<RequireMe>`. */
export function useCurrentCorp(): CurrentCorp {
  const { currentCorp } = useMe();
  if (!currentCorp) throw new Error('useCurrentCorp() is only available under <RequireMe>');
  return currentCorp;
}
