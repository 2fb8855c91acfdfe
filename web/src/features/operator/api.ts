import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import type { CorpProfile } from '../corp/api';

export interface Operator {
  id: string;
  name: string;
  loginName: string;
}

export interface OperatorCorp extends CorpProfile {
  createdAt: string;
}

export const operatorQueryKey = ['/operator/me'] as const;
export const OPERATOR_CORPS_PATH = '/operator/corps';

/** The signed-in platform operator. A 401 means no operator is signed in. */
export function useOperatorQuery() {
  return useQuery({
    queryKey: operatorQueryKey,
    queryFn: () => api.get<{ operator: Operator }>('/operator/me'),
    select: (data) => data.operator,
    meta: { session: true },
  });
}

/** The signed-in operator, for components rendered under `<RequireOperator>`. */
export function useOperator(): Operator {
  const { data } = useOperatorQuery();
  if (!data) throw new Error('useOperator() is only available under <RequireOperator>');
  return data;
}

/** Sets `certifiedUntil`; `null` clears the certification. */
export function useSetCertification() {
  const queryClient = useQueryClient();
  return async (corpId: string, certifiedUntil: string | null) => {
    await api.put(`${OPERATOR_CORPS_PATH}/${encodeURIComponent(corpId)}/certification`, { certifiedUntil });
    await queryClient.invalidateQueries({ queryKey: [OPERATOR_CORPS_PATH] });
  };
}
