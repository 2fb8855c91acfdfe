import { tableAccess } from '../../platform/db/tables.ts';

/** completed: everything the departed member had moved; partial: some tasks stayed (`left_json` says which and why). */
export type HandoverState = 'completed' | 'partial';

export interface HandoverTables {
  /** Append-only: who handed whose data to whom, when, and what moved (counts per kind, as JSON). */
  handovers: {
    corp_id: string;
    id: string;
    from_member_id: string;
    to_member_id: string;
    state: HandoverState;
    moved_json: string;
    left_json: string;
    by_id: string;
    by_name: string;
    created_at: number;
  };
}

export const tables = tableAccess<HandoverTables>();
