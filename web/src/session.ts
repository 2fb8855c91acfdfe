import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from './api';

export interface CorpSummary {
  id: string;
  name: string;
  shortName: string;
  isCreator: boolean;
}

export interface CurrentCorp {
  id: string;
  name: string;
  shortName: string;
  industry: string;
  certifiedUntil: string | null;
}

export interface Me {
  account: { id: string; name: string; loginName: string; phone: string | null };
  corps: CorpSummary[];
  currentCorp: CurrentCorp | null;
  member: { id: string; name: string } | null;
  roles: { creator: boolean; superAdmin: boolean; hierarchicalAdmin: boolean };
}

export const meQueryKey = ['/me'] as const;

/** The signed-in account. A 401 means nobody is signed in. */
export function useMeQuery() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async () => (await api.get<{ me: Me }>('/me')).me,
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
