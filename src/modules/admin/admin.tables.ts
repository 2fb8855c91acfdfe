export type SuperAdminKind = 'internal' | 'external';

declare module '../../platform/db/schema.ts' {
  interface Tables {
    super_admins: { corp_id: string; account_id: string; kind: SuperAdminKind; member_id: string | null; created_at: number };
  }
}
