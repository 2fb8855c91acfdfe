import type { Db } from '../../../platform/db/tables.ts';
import { tables } from '../inbox.tables.ts';

/** A member's messages, oldest first, optionally of one app. */
export async function inboxOf(db: Db, corpId: string, memberId: string, app?: string): Promise<{ app: string; title: string; body: string; link: string | null }[]> {
  let q = tables(db).selectFrom('inbox_messages').select(['app', 'title', 'body', 'link']).where('corp_id', '=', corpId).where('member_id', '=', memberId);
  if (app) q = q.where('app', '=', app);
  return q.orderBy('id').execute();
}
