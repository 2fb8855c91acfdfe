import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

export type AppLevel = 'send' | 'manage';

export interface Rights {
  departmentIds: string[];
  apps: { appId: string; level: AppLevel }[];
  deviceBind: boolean;
  deviceIds: string[];
}

export interface AdminOverview {
  creator: { accountId: string; name: string; memberId: string | null };
  superAdmins: { accountId: string; name: string; loginName: string; kind: 'internal' | 'external'; memberId: string | null }[];
  superGroup: { name: string; accountIds: string[] };
  groups: { id: string; name: string; rights: Rights; memberIds: string[] }[];
  admins: { memberId: string; name: string; groupId: string | null; rights: Rights; effective: Rights }[];
}

export interface Grantable {
  all: boolean;
  canGrant: boolean;
  departments: { id: string; name: string; parentId: string | null; path: string }[];
  apps: { appId: string; name: string; level: AppLevel }[];
  deviceBind: boolean;
  devices: { id: string; name: string }[];
}

export const adminsQueryKey = ['/admins'] as const;

export function useAdminOverview() {
  return useQuery({ queryKey: adminsQueryKey, queryFn: () => api.get<AdminOverview>('/admins') });
}

/** What the acting admin may give: the rights editors offer only this. */
export function useGrantable() {
  return useQuery({ queryKey: [...adminsQueryKey, 'grantable'], queryFn: () => api.get<Grantable>('/admins/grantable') });
}

export interface MemberOption {
  id: string;
  name: string;
  userid: string;
}

export function searchMembers(q: string) {
  return api.get<{ items: MemberOption[] }>('/contacts/members', { q: q || undefined, limit: 20, status: 'active' });
}
