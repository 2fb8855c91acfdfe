import { tableAccess } from '../../platform/db/tables.ts';

export interface AppTables {
  /** Custom apps (自建应用). System apps (审批, 打卡, 高级功能) are built in and have no row. */
  apps: {
    corp_id: string;
    id: string;
    name: string;
    description: string;
    /** SHA-256 of the secret; the secret itself is shown once, when made. */
    secret_hash: string;
    /** 可见范围: `{ memberIds, departmentIds, tagIds }` as JSON. */
    visible_json: string;
    created_at: number;
    updated_at: number;
  };
}

export const tables = tableAccess<AppTables>();
