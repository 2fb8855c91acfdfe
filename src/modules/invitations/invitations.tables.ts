import type { Flag } from '../../platform/db/tables.ts';
import { tableAccess } from '../../platform/db/tables.ts';

export type JoinRequestStatus = 'pending' | 'approved' | 'rejected';

export interface InvitationsTables {
  member_invitations: {
    corp_id: string;
    id: string;
    member_id: string;
    secret_hash: string;
    created_by: string;
    created_at: number;
    expires_at: number;
    used_at: number | null;
    revoked_at: number | null;
  };
  join_links: {
    corp_id: string;
    enabled: Flag;
    review: Flag;
    department_id: string;
    code_id: string;
    secret_hash: string;
    rotated_at: number;
    updated_at: number;
  };
  join_requests: {
    corp_id: string;
    id: string;
    account_id: string;
    department_id: string;
    status: JoinRequestStatus;
    created_at: number;
    decided_at: number | null;
    decided_by: string | null;
  };
}

export const tables = tableAccess<InvitationsTables>();
