import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

export interface ApiToken {
  id: string;
  name: string;
  rights: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ApiRight {
  key: string;
  label: { zh: string; en: string };
}

export const apiTokensQueryKey = ['/api-tokens'] as const;

export function useApiTokens() {
  return useQuery({
    queryKey: apiTokensQueryKey,
    queryFn: () => api.get<{ items: ApiToken[] }>('/api-tokens'),
    select: (data) => data.items,
  });
}

/** The rights a token can be given; they change only with the server version. */
export function useApiRights() {
  return useQuery({
    queryKey: ['/api-tokens/rights'],
    queryFn: () => api.get<{ items: ApiRight[] }>('/api-tokens/rights'),
    select: (data) => data.items,
    staleTime: Infinity,
  });
}
