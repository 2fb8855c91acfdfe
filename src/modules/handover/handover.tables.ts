import { tableAccess } from '../../platform/db/tables.ts';

/** completed: everything the departed member had moved; partial: some tasks stayed (`left_json` says which and why). */
export type HandoverState = 'completed' | 'partial';

/** manual: an admin hands over; department_head: the head of the member's department (or the nearest above); member: one named member. */
export type RuleMode = 'manual' | 'department_head' | 'member';

export interface HandoverTables {
  /** One row per enterprise that set a rule; none means manual. */
  handover_rules: { corp_id: string; mode: RuleMode; member_id: string | null; updated_at: number };
  /** Taken (upserted) at the start of a hand-over of the member: the row lock orders concurrent ones. */
  handover_locks: { corp_id: string; member_id: string; locked_at: number };
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
