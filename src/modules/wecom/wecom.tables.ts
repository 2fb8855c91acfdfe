import { tableAccess } from '../../platform/db/tables.ts';

export interface WecomTables {
  wecom_sync_secrets: { corp_id: string; secret_hash: string; created_at: number };
  /** One row per (enterprise, secret): the live token, as its hash and the salt it is derived with. */
  wecom_tokens: { corp_id: string; secret_hash: string; token_hash: string; salt: string; app_id: string | null; issued_at: number; expires_at: number };
  wecom_member_attrs: { corp_id: string; member_id: string; attrs_json: string };
  wecom_department_ids: { corp_id: string; wecom_id: number; department_id: string };
  wecom_tag_ids: { corp_id: string; wecom_id: number; tag_id: string };
}

export const tables = tableAccess<WecomTables>();
