declare module '../../platform/db/schema.ts' {
  interface Tables {
    /** Bound hardware (考勤机 and the like), one row per device. */
    devices: { corp_id: string; id: string; name: string; serial: string; model: string; bound_by: string; created_at: number; updated_at: number };
  }
}
export {};
