import { preparedFor } from '../../platform/db/prepared.ts';
import { tableAccess } from '../../platform/db/tables.ts';

export type SuperAdminKind = 'internal' | 'external';
export type RightHolderKind = 'group' | 'admin';
export type AdminRightKind = 'department' | 'app' | 'device_bind' | 'device';

export interface AdminTables {
  super_admins: { corp_id: string; account_id: string; kind: SuperAdminKind; member_id: string | null; created_at: number };
  admin_groups: { corp_id: string; id: string; name: string; created_at: number; updated_at: number };
  hierarchical_admins: { corp_id: string; member_id: string; group_id: string | null; created_at: number; updated_at: number };
  admin_rights: { corp_id: string; holder_kind: RightHolderKind; holder_id: string; kind: AdminRightKind; target_id: string; level: string | null };
  admin_stamps: { corp_id: string; stamp: string };
}

export const tables = tableAccess<AdminTables>();
export const prepared = preparedFor<AdminTables>();
