import { tableAccess } from '../../platform/db/tables.ts';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';
export type TargetKind = 'callback' | 'webhook';

export interface HookTables {
  /** 接收消息 of an app: where WeCom-style callbacks go. The Token and EncodingAESKey are shown to the app's managers, as WeCom does. */
  hooks_callbacks: { corp_id: string; app_id: string; url: string; token: string; aes_key: string; created_at: number; updated_at: number };
  /**
   * A Banyan webhook: signed JSON of the subscribed event types (`event_types`, a JSON array). The
   * secret signs (HMAC-SHA256), so it is kept as is; the API shows it once, when made or rotated.
   */
  hooks_webhooks: { corp_id: string; id: string; url: string; description: string; event_types: string; secret: string; enabled: number; created_at: number; updated_at: number };
  /** One event for one receiver (`callback` + app id, or `webhook` + webhook id), with the plaintext it carries, sent until a 2xx or the schedule ends. */
  hooks_deliveries: {
    corp_id: string;
    id: string;
    target_kind: TargetKind;
    target_id: string;
    event_id: string;
    /** The app's WeCom `agentid`, in the envelope's AgentID. */
    agent_id: number | null;
    /** `change_contact/create_user`, `sys_approval_change`…: what the log shows. */
    event_type: string;
    body: string;
    status: DeliveryStatus;
    attempts: number;
    next_at: number | null;
    last_code: number | null;
    created_at: number;
    delivered_at: number | null;
  };
  /** Every POST made for a delivery: the log admins read. */
  hooks_attempts: { corp_id: string; delivery_id: string; n: number; at: number; code: number | null; error: string | null };
}

export const tables = tableAccess<HookTables>();
