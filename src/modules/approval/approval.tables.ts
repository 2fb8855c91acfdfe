import { preparedFor } from '../../platform/db/prepared.ts';
import { tableAccess } from '../../platform/db/tables.ts';

export type InstanceStatus = 'running' | 'approved' | 'rejected' | 'withdrawn';
export type NodeKind = 'approver' | 'handler' | 'cc';
export type TaskKind = NodeKind | 'consent';
/**
 * A task's life: `waiting` (a later person of a 依次 step), `pending` (theirs to act on), then one
 * closed state. Only `pending → closed` is ever written, as a compare-and-set.
 */
export type TaskStatus = 'waiting' | 'pending' | 'approved' | 'rejected' | 'handled' | 'auto_approved' | 'transferred' | 'returned' | 'cancelled' | 'notified';

export interface ApprovalTables {
  approval_templates: {
    corp_id: string;
    id: string;
    name: string;
    description: string;
    form_json: string;
    flow_json: string;
    settings_json: string;
    version: number;
    archived: number;
    /** The kind of a built-in template a module owns (`attendance.correction`); null for the enterprise's own. */
    builtin_kind: string | null;
    /** 可见范围 (a `Range`), null: the whole enterprise. */
    visibility_json: string | null;
    /** 协助管理: member ids. */
    assistants_json: string;
    created_at: number;
    updated_at: number;
  };
  approval_instances: {
    corp_id: string;
    id: string;
    template_id: string;
    template_name: string;
    /** The template's built-in kind at submission: its owner hears the result (`approval.builtin_decided`). */
    builtin_kind: string | null;
    /** The template's form, flow and settings as they were at submission: later edits do not move running requests. */
    snapshot_json: string;
    applicant_id: string;
    submitter_id: string;
    status: InstanceStatus;
    form_json: string;
    /** The resolved steps (see `ResolvedStep`), each with who and why. */
    path_json: string;
    mentions_json: string;
    current_step: number;
    /** Bumped by every action: the first statement of an action, so it also serialises actions on one request. */
    version: number;
    created_at: number;
    updated_at: number;
    finished_at: number | null;
  };
  approval_tasks: {
    corp_id: string;
    id: string;
    instance_id: string;
    step: number;
    node_id: string;
    kind: TaskKind;
    /** Order inside a 依次 step (0, 1, …); 0 elsewhere. */
    seq: number;
    assignee_id: string;
    status: TaskStatus;
    comment: string | null;
    signature: string | null;
    /** Why this person got this task: the resolver's trail for them. */
    reason_json: string;
    created_at: number;
    acted_at: number | null;
  };
  approval_events: {
    corp_id: string;
    id: string;
    instance_id: string;
    task_id: string | null;
    actor_id: string | null;
    action: string;
    comment: string | null;
    details_json: string;
    at: number;
  };
  approval_edit_requests: {
    corp_id: string;
    id: string;
    instance_id: string;
    form_json: string;
    status: 'pending' | 'accepted' | 'refused';
    created_at: number;
  };
}

export const tables = tableAccess<ApprovalTables>();
export const prepared = preparedFor<ApprovalTables>();
