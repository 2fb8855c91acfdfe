import { sql, type Kysely } from 'kysely';

/**
 * 邀请与加入: one-time invitations bound to a member, the enterprise's join link, and the 待审核 list.
 * Only the SHA-256 of a link's secret is kept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('member_invitations')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .addPrimaryKeyConstraint('member_invitations_pk', ['corp_id', 'id'])
    .execute();
  await db.schema.createIndex('member_invitations_member').on('member_invitations').columns(['corp_id', 'member_id', 'created_at']).execute();
  await db.schema
    .createTable('join_links')
    .addColumn('corp_id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('review', 'integer', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('code_id', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('rotated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('join_requests')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_at', 'bigint')
    .addColumn('decided_by', 'text')
    .addPrimaryKeyConstraint('join_requests_pk', ['corp_id', 'id'])
    .execute();
  // One request waiting per person and enterprise: a second visit of the link finds the first.
  await sql`create unique index join_requests_pending on join_requests (corp_id, account_id) where status = 'pending'`.execute(db);
}
