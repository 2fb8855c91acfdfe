import { useQuery } from '@tanstack/react-query';
import { api, type Item, type Reply } from '../../api';

export type AuditAction = Item<Reply<'/audit/actions'>['items']>;

/** Every kind of action the log records, with its names; they change only with the server version. */
export function useAuditActions() {
  return useQuery({
    queryKey: ['/audit/actions'],
    queryFn: () => api.get('/audit/actions'),
    select: (data) => new Map(data.items.map((item) => [item.action, item])),
    staleTime: Infinity,
  });
}
