import { preparedFor } from '../../platform/db/prepared.ts';
import { tableAccess } from '../../platform/db/tables.ts';

export type PaidBy = 'pack' | 'wallet';

export interface AcquisitionTables {
  /** 获客链接: a customer clicking it adds one of its members in one step. */
  acquisition_links: { corp_id: string; id: string; code: string; name: string; created_by_name: string; created_at: number; deleted_at: number | null };
  /** A link's public code → its enterprise: the public endpoint knows only the code. */
  acquisition_link_codes: { code: string; corp_id: string; link_id: string };
  acquisition_link_members: { corp_id: string; link_id: string; member_id: string };
  /** Bought usage (购买指定使用量): valid 90 days from purchase; `remaining` is decremented by compare-and-set. */
  acquisition_packs: { corp_id: string; id: string; units: number; remaining: number; purchased_at: number; expires_at: number; order_id: string | null };
  /** One row per customer added through a link, with how the unit was paid. */
  acquisition_adds: { corp_id: string; id: string; link_id: string; member_id: string; customer_id: string; paid_by: PaidBy; pack_id: string | null; at: number };
  /** Authorisations of the assistant to a third-party app or a 代开发 developer. */
  acquisition_authorizations: { corp_id: string; id: string; kind: 'third_party' | 'custom_dev'; party: string; created_by_name: string; created_at: number };
}

export const tables = tableAccess<AcquisitionTables>();
export const prepared = preparedFor<AcquisitionTables>();
