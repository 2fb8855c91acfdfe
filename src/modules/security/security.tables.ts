import { tableAccess } from '../../platform/db/tables.ts';

/** The policies of 安全管理, one row each, kept while the purchase has lapsed. */
export const POLICY_KINDS = ['ip', 'watermark', 'screen_capture', 'share_external', 'device', 'leak'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

/** What clients report breaking a policy they fetched (a screenshot taken, a share tried). */
export const VIOLATION_KINDS = ['screen_capture', 'share_external'] as const;
export type ViolationKind = (typeof VIOLATION_KINDS)[number];

/** 设备管理: an enterprise device (registered by an admin) or a personal one (seen at a sign-in). */
export const DEVICE_KINDS = ['enterprise', 'personal'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];
/** pending: waits for an admin; refused/revoked: never signs in while the purchase is in force. */
export const DEVICE_STATUSES = ['pending', 'approved', 'refused', 'revoked'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

export interface SecurityTables {
  /** One policy of the enterprise as JSON (its shape is the kind's schema in security.schema.ts). */
  security_policies: { corp_id: string; kind: PolicyKind; settings_json: string; updated_at: number };
  /** Append-only: what a client reported, by whom, from where and when. */
  security_violations: { corp_id: string; id: string; kind: ViolationKind; member_id: string; detail: string; address: string; occurred_at: number };
  /** A member's device, by the id its client generated (`device_key`), with an admin's decision. */
  security_devices: {
    corp_id: string;
    id: string;
    member_id: string;
    device_key: string;
    name: string;
    kind: DeviceKind;
    status: DeviceStatus;
    created_at: number;
    decided_by: string | null;
    decided_at: number | null;
    last_sign_in_at: number | null;
  };
  /** Append-only: each sign-in attempt from a device, allowed (with its session) or refused. */
  security_device_sign_ins: { corp_id: string; id: string; device_id: string; member_id: string; outcome: 'allowed' | 'refused'; session_hash: string | null; address: string; signed_in_at: number };
}

export const tables = tableAccess<SecurityTables>();
