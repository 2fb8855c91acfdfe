import { preparedFor } from '../../platform/db/prepared.ts';
import { tableAccess } from '../../platform/db/tables.ts';

export type MemberStatus = 'active' | 'disabled' | 'departed';

export interface DirectoryTables {
  departments: {
    corp_id: string;
    id: string;
    parent_id: string | null;
    name: string;
    sort_order: number;
    path: string;
    depth: number;
    created_at: number;
    updated_at: number;
  };
  members: {
    corp_id: string;
    id: string;
    account_id: string | null;
    userid: string;
    name: string;
    name_initials: string;
    name_pinyin: string;
    phone: string | null;
    email: string | null;
    position: string | null;
    status: MemberStatus;
    main_department_id: string;
    joined_at: number;
    departed_at: number | null;
    created_at: number;
    updated_at: number;
  };
  /** An active member linked to an account (a reference table: read by account, across enterprises). */
  account_corps: { account_id: string; corp_id: string; member_id: string };
  /** Each one- and two-character piece of a member's name (`name-grams.ts`). */
  member_name_grams: { corp_id: string; gram: string; member_id: string };
  member_departments: { corp_id: string; member_id: string; department_id: string; sort_order: number };
  department_heads: { corp_id: string; department_id: string; member_id: string };
  tags: { corp_id: string; id: string; name: string; created_at: number; updated_at: number };
  tag_members: { corp_id: string; tag_id: string; member_id: string };
  tag_departments: { corp_id: string; tag_id: string; department_id: string };
  directory_imports: {
    corp_id: string;
    id: string;
    job_id: string;
    kind: 'members' | 'departments';
    format: 'xlsx' | 'csv';
    actor_json: string;
    content_base64: string;
    outcome_json: string | null;
    created_at: number;
  };
}

export const tables = tableAccess<DirectoryTables>();
export const prepared = preparedFor<DirectoryTables>();
