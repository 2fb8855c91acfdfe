import { useQuery } from '@tanstack/react-query';
import { api, type Reply } from '../../api';

export type CorpProfile = Reply<'/corp'>;

export const corpQueryKey = ['/corp'] as const;

export function useCorpProfile() {
  return useQuery({ queryKey: corpQueryKey, queryFn: () => api.get('/corp') });
}
