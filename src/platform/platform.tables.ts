import type { Flag } from './db/tables.ts';
import { tableAccess } from './db/tables.ts';
import { preparedFor } from './db/prepared.ts';
import type { PrincipalKind } from './auth/sessions.ts';

/**
 * The platform's own tables. Only files under src/platform/ query them; modules use the functions
 * (`audit`, `publish`, `idempotent`, `enqueueJob`, sessions) instead.
 */
export type AuditOutcome = 'done' | 'refused';

export interface PlatformTables {
  sessions: {
    id: string;
    principal_kind: PrincipalKind;
    principal_id: string;
    corp_id: string | null;
    csrf_token: string;
    created_at: number;
    expires_at: number;
    /** 1: the account must set a new password before it acts in an enterprise. */
    password_change: Flag;
  };
  audit_log: {
    corp_id: string;
    id: string;
    actor_kind: string;
    actor_id: string;
    actor_name: string;
    action: string;
    target_type: string;
    target_id: string;
    before_json: string | null;
    after_json: string | null;
    ip: string | null;
    at: number;
    /** 'done', or 'refused' for a refused attempt (rows from before the column are 'done'). */
    outcome: AuditOutcome;
  };
  outbox: {
    id: string;
    corp_id: string;
    type: string;
    payload_json: string;
    created_at: number;
    available_at: number;
    delivered_at: number | null;
    attempts: number;
    last_error: string | null;
  };
  outbox_receipts: { corp_id: string; handler: string; event_id: string; at: number };
  jobs: {
    id: string;
    kind: string;
    payload_json: string;
    dedupe_key: string | null;
    status: 'queued' | 'running' | 'done' | 'failed';
    run_at: number;
    attempts: number;
    locked_by: string | null;
    locked_until: number | null;
    progress_done: number;
    progress_total: number | null;
    result_json: string | null;
    last_error: string | null;
    created_at: number;
    finished_at: number | null;
  };
  idempotency_keys: { corp_id: string; key: string; request_hash: string; response_json: string; created_at: number };
  rate_limits: { key: string; window_start: number; count: number };
  sign_in_throttle: { principal_kind: PrincipalKind; subject: string; address: string; attempts: number; next_at: number; last_at: number };
}

export const tables = tableAccess<PlatformTables>();
export const prepared = preparedFor<PlatformTables>();
