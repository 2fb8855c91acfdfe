import { tableAccess } from '../../platform/db/tables.ts';

export interface TokenTables {
  api_tokens: {
    corp_id: string;
    id: string;
    name: string;
    token_hash: string;
    rights_json: string;
    created_by: string;
    created_at: number;
    last_used_at: number | null;
    revoked_at: number | null;
  };
}

export const tables = tableAccess<TokenTables>();
