import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

export interface Overview {
  served: number;
  todayNew: number;
  limit: number;
  freeQuota: number;
  certified: boolean;
  tier: { size: number; endsAt: string } | null;
}
export interface Quota {
  tiers: { size: number; priceFen: number }[];
  limit: number;
  certified: boolean;
  tier: { size: number; endsAt: string } | null;
}
export interface Quote {
  kind: 'new' | 'upgrade';
  size: number;
  priceFen: number;
  endsAt: string;
}
export interface Friend {
  id: string;
  name: string;
  externalId: string;
  state: 'mutual' | 'one_way';
  oneWayReason: 'not_added_back' | 'deleted_by_customer' | null;
  addedAt: string;
}
export interface Group {
  id: string;
  name: string;
  customers: number;
  createdAt: string;
  dissolvedAt: string | null;
}
export interface MemberOption {
  id: string;
  name: string;
}

export function useActiveMembers() {
  return useQuery({
    queryKey: ['/contacts/members', 'active'],
    queryFn: () => api.get<{ items: MemberOption[] }>('/contacts/members', { status: 'active', limit: 200 }),
    select: (data) => data.items.map((m) => ({ value: m.id, label: m.name })),
  });
}

/** A fresh key per purchase attempt, so a retried click never pays twice. */
export function newIdempotencyKey(): string {
  return `web-${crypto.randomUUID()}`;
}

export function yuan(fen: number): string {
  return `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
