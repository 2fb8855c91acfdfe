import { tableAccess } from '../../platform/db/tables.ts';

export interface RecoveryTables {
  password_resets: {
    corp_id: string;
    id: string;
    account_id: string;
    member_id: string;
    secret_hash: string;
    /** The admin who issued it, or the account itself (忘记密码). */
    created_by: string;
    created_at: number;
    expires_at: number;
    used_at: number | null;
  };
}

export const tables = tableAccess<RecoveryTables>();
