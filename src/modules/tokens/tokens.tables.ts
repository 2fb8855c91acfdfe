import { preparedFor } from '../../platform/db/prepared.ts';
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
  /** A token's digest → its enterprise: the one lookup made before the enterprise is known. */
  api_token_routes: { token_hash: string; corp_id: string; token_id: string };
}

export const tables = tableAccess<TokenTables>();
export const prepared = preparedFor<TokenTables>();
