import { tableAccess } from '../../platform/db/tables.ts';
import type { Flag } from '../../platform/db/tables.ts';

export type MatchBy = 'userid' | 'email';

export interface SsoTables {
  oidc_providers: {
    corp_id: string;
    display_name: string;
    issuer: string;
    client_id: string;
    client_secret: string;
    claim: string;
    match_by: MatchBy;
    auto_create: Flag;
    updated_at: number;
  };
  /** Keyed by the state sent to the provider (a random token); one row per sign-in under way. */
  oidc_logins: { state: string; corp_id: string; code_verifier: string; nonce: string; redirect_uri: string; expires_at: number };
}

export const tables = tableAccess<SsoTables>();
