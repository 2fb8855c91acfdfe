import { tableAccess, type Flag } from '../../platform/db/tables.ts';

export interface AccountTables {
  accounts: {
    id: string;
    login_name: string;
    phone: string | null;
    name: string;
    password_hash: string;
    created_corps: number;
    /** 1: the next password sign-in must set a new password before anything else. */
    must_change_password: Flag;
    created_at: number;
    updated_at: number;
  };
}

export const tables = tableAccess<AccountTables>();
