import { tableAccess } from '../../platform/db/tables.ts';

/** The policies of 安全管理, one row each, kept while the purchase has lapsed. */
export const POLICY_KINDS = ['ip', 'watermark', 'screen_capture', 'share_external'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

/** What clients report breaking a policy they fetched (a screenshot taken, a share tried). */
export const VIOLATION_KINDS = ['screen_capture', 'share_external'] as const;
export type ViolationKind = (typeof VIOLATION_KINDS)[number];

export interface SecurityTables {
  /** One policy of the enterprise as JSON (its shape is the kind's schema in security.schema.ts). */
  security_policies: { corp_id: string; kind: PolicyKind; settings_json: string; updated_at: number };
  /** Append-only: what a client reported, by whom, from where and when. */
  security_violations: { corp_id: string; id: string; kind: ViolationKind; member_id: string; detail: string; address: string; occurred_at: number };
}

export const tables = tableAccess<SecurityTables>();
