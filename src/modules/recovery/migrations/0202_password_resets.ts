import type { Kysely } from 'kysely';

/** 重置密码 links: one-time, for 30 minutes, bound to a member's account. Only the secret's SHA-256 is kept. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('password_resets')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addPrimaryKeyConstraint('password_resets_pk', ['corp_id', 'id'])
    .execute();
  await db.schema.createIndex('password_resets_account').on('password_resets').columns(['corp_id', 'account_id']).execute();
}
