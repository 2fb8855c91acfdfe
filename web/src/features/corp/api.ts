import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import type { CorpValues } from './CorpFields';

export interface CorpProfile extends CorpValues {
  id: string;
  certifiedUntil: string | null;
}

export const corpQueryKey = ['/corp'] as const;

export function useCorpProfile() {
  return useQuery({ queryKey: corpQueryKey, queryFn: () => api.get<CorpProfile>('/corp') });
}
