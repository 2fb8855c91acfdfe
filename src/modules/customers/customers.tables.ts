import { preparedFor } from '../../platform/db/prepared.ts';
import { tableAccess } from '../../platform/db/tables.ts';

export type FriendshipState = 'mutual' | 'one_way';
/** Why a friendship is one-way (单向客户 / 单向学员): added without verification and never added back, or deleted by the customer. */
export type OneWayReason = 'not_added_back' | 'deleted_by_customer';

/** 家长 of a student: father, mother, another guardian, or someone else who looks after them. */
export type ParentRelation = 'father' | 'mother' | 'guardian' | 'other';

export interface CustomerTables {
  customers: {
    corp_id: string;
    id: string;
    /** The customer's identity outside the enterprise (their WeChat id); one customer per enterprise. */
    external_id: string;
    name: string;
    /** Friendships plus group memberships that hold this customer; counted in 已服务 while > 0. */
    holders: number;
    /** When the customer last started being counted (today's new customers); null while released. */
    counted_since: number | null;
    created_at: number;
  };
  friendships: {
    corp_id: string;
    member_id: string;
    customer_id: string;
    state: FriendshipState;
    one_way_reason: OneWayReason | null;
    source: 'manual' | 'link';
    link_id: string | null;
    added_at: number;
  };
  customer_groups: { corp_id: string; id: string; name: string; owner_member_id: string; created_at: number; dissolved_at: number | null };
  group_customers: { corp_id: string; group_id: string; customer_id: string; joined_at: number };
  /** 已服务 X 位 kept as a counter, changed by compare-and-set in the transaction of each add or release. */
  customer_counters: { corp_id: string; served: number; updated_at: number };
  /** Bought 外部联系人规模 tiers: each lasts a year; an upgrade is a new row keeping the original end. */
  quota_tiers: {
    corp_id: string;
    id: string;
    size: number;
    price_fen: number;
    paid_fen: number;
    starts_at: number;
    ends_at: number;
    upgraded_from: number | null;
    order_id: string | null;
    created_at: number;
  };
  /** 家长: contacts linked to a student (a customer of an education enterprise); they take no quota place. */
  student_parents: { corp_id: string; id: string; student_id: string; name: string; relation: ParentRelation; phone: string | null; created_at: number };
}

export const tables = tableAccess<CustomerTables>();
export const prepared = preparedFor<CustomerTables>();
