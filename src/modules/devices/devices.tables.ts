import { tableAccess } from '../../platform/db/tables.ts';

export interface DeviceTables {
  /** Bound hardware (考勤机 and the like), one row per device. */
  devices: { corp_id: string; id: string; name: string; serial: string; model: string; bound_by: string; created_at: number; updated_at: number };
}

export const tables = tableAccess<DeviceTables>();
