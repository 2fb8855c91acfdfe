import type { Kysely } from 'kysely';

/**
 * Every signed-in request looks up the account's member in the enterprise (`corp_id`, `account_id`,
 * `status`). With `members_status` (`corp_id`, `status`, migration 0400) and `members_account`
 * (`account_id`, `corp_id`) both matching two of its equalities, SQLite without statistics took the
 * status index and walked every active member: 10 ms a request at 20,000 members, most of a members
 * page. An index on all three is the one both engines pick.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('members_corp_account').on('members').columns(['corp_id', 'account_id', 'status']).execute();
}
