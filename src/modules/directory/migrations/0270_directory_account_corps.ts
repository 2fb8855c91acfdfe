import { sql, type Kysely } from 'kysely';

/**
 * The enterprises of an account (sign-in, `/me`, the enterprise switcher) without scanning members
 * across enterprises: one row per active member linked to an account. A reference table on Citus
 * (keyed by account, read without an enterprise); the member commands keep it in step in their
 * own transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('account_corps')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_corps_pk', ['account_id', 'corp_id', 'member_id'])
    .execute();
  await db.schema.createIndex('account_corps_member').on('account_corps').columns(['corp_id', 'member_id']).unique().execute();
  await sql`insert into account_corps (account_id, corp_id, member_id) select account_id, corp_id, id from members where status = 'active' and account_id is not null`.execute(db);
}
