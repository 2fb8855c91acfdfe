import { useQuery } from '@tanstack/react-query';
import { api, type Item, type Reply } from '../../api';

export type Overview = Reply<'/customers/overview'>;
export type Quota = Reply<'/customers/quota'>;
export type Quote = Reply<'/customers/quota/quote'>;
export type Friend = Item<Reply<'/customers/friends'>['items']>;
export type Parent = Item<Reply<'/customers/friends/{customerId}'>['parents']>;
export type Group = Item<Reply<'/customer-groups'>['items']>;

export function useActiveMembers() {
  return useQuery({
    queryKey: ['/contacts/members', 'active'],
    queryFn: () => api.get('/contacts/members', { params: { query: { status: 'active', limit: 200 } } }),
    select: (data) => data.items.map((m) => ({ value: m.id, label: m.name })),
  });
}

export { yuan } from '../../format';
