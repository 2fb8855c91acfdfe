import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Item, type Reply } from '../../api';

export type Operator = Reply<'/operator/me'>['operator'];
export type OperatorCorp = Item<Reply<'/operator/corps'>['items']>;

export const operatorQueryKey = ['/operator/me'] as const;
export const OPERATOR_CORPS_PATH = '/operator/corps';

/** The signed-in platform operator. A 401 means no operator is signed in. */
export function useOperatorQuery() {
  return useQuery({
    queryKey: operatorQueryKey,
    queryFn: () => api.get('/operator/me'),
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
    await api.put('/operator/corps/{corpId}/certification', { params: { path: { corpId } }, body: { certifiedUntil } });
    await queryClient.invalidateQueries({ queryKey: [OPERATOR_CORPS_PATH] });
  };
}
