import { tableAccess } from '../../platform/db/tables.ts';

export interface AccountTables {
  accounts: {
    id: string;
    login_name: string;
    phone: string | null;
    name: string;
    password_hash: string;
    created_corps: number;
    created_at: number;
    updated_at: number;
  };
}

export const tables = tableAccess<AccountTables>();
