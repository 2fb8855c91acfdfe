import type { Kysely } from 'kysely';

/**
 * Every signed-in request finds its member by (corp, account, status = active). With the index on
 * (account, corp) and 0400's (corp, status) SQLite, without statistics, took the latter: it walked
 * every active member of the enterprise (≈ 1 ms at 2,000, growing with the enterprise). The status in
 * the account index makes it the one that answers, whatever the enterprise's size; the account still
 * leads, for the queries by account alone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('members_account').execute();
  await db.schema.createIndex('members_account').on('members').columns(['account_id', 'corp_id', 'status']).execute();
}
