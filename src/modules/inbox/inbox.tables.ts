import { preparedFor } from '../../platform/db/prepared.ts';
import { tableAccess } from '../../platform/db/tables.ts';

export interface InboxTables {
  inbox_messages: {
    corp_id: string;
    id: string;
    member_id: string;
    app: string;
    title: string;
    body: string;
    link: string | null;
    /** NoticeText: what the console translates; null for an app's message. */
    notice_key: string | null;
    notice_params: string | null;
    dedupe_key: string | null;
    created_at: number;
    read_at: number | null;
  };
}

export const tables = tableAccess<InboxTables>();
export const prepared = preparedFor<InboxTables>();
