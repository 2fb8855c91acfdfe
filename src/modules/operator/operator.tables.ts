import { tableAccess } from '../../platform/db/tables.ts';

export interface OperatorTables {
  operators: {
    id: string;
    login_name: string;
    name: string;
    password_hash: string;
    created_at: number;
    updated_at: number;
  };
}

export const tables = tableAccess<OperatorTables>();
