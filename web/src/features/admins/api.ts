import { useQuery } from '@tanstack/react-query';
import { api, type Item, type Reply } from '../../api';

export type AdminOverview = Reply<'/admins'>;
export type Grantable = Reply<'/admins/grantable'>;
export type Rights = AdminOverview['groups'][number]['rights'];
export type AppLevel = Item<Rights['apps']>['level'];

export const adminsQueryKey = ['/admins'] as const;

export function useAdminOverview() {
  return useQuery({ queryKey: adminsQueryKey, queryFn: () => api.get('/admins') });
}

/** What the acting admin may give: the rights editors offer only this. */
export function useGrantable() {
  return useQuery({ queryKey: [...adminsQueryKey, 'grantable'], queryFn: () => api.get('/admins/grantable') });
}

export function searchMembers(q: string) {
  return api.get('/contacts/members', { params: { query: { q: q || undefined, limit: 20, status: 'active' } } });
}
