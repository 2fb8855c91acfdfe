import { tableAccess } from '../../platform/db/tables.ts';

/** Advanced features sold by the seat. Only 安全管理 for now; the tables take others as they come. */
export const FEATURES = ['security'] as const;
export type Feature = (typeof FEATURES)[number];

export interface FeatureTables {
  /** The seats bought and in use, guarded by compare-and-set (`seats_used < seats_bought`). */
  feature_plans: { corp_id: string; feature: Feature; seats_bought: number; seats_used: number; active_until: number; updated_at: number };
  feature_purchases: { corp_id: string; id: string; feature: Feature; seats: number; price_fen: number; order_id: string | null; purchased_at: number; ends_at: number };
  /** A seat given to a member (高级功能使用人). */
  feature_seats: { corp_id: string; feature: Feature; member_id: string; assigned_at: number; assigned_by_name: string };
  /** The feature's settings (watermarks, file protection…), kept while a purchase has lapsed. */
  feature_settings: { corp_id: string; feature: Feature; settings_json: string; updated_at: number };
}

export const tables = tableAccess<FeatureTables>();
