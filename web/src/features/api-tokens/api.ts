import { useQuery } from '@tanstack/react-query';
import { api, type Item, type Reply } from '../../api';

export type ApiToken = Item<Reply<'/api-tokens'>['items']>;

export const apiTokensQueryKey = ['/api-tokens'] as const;

export function useApiTokens() {
  return useQuery({
    queryKey: apiTokensQueryKey,
    queryFn: () => api.get('/api-tokens'),
    select: (data) => data.items,
  });
}

/** The rights a token can be given; they change only with the server version. */
export function useApiRights() {
  return useQuery({
    queryKey: ['/api-tokens/rights'],
    queryFn: () => api.get('/api-tokens/rights'),
    select: (data) => data.items,
    staleTime: Infinity,
  });
}
