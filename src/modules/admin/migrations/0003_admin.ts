import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('super_admins')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    // internal: a member of the contacts (member_id set); external: 代运营, outside the contacts.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('super_admins_pk', ['corp_id', 'account_id'])
    .execute();
  await db.schema.createIndex('super_admins_account').on('super_admins').columns(['account_id']).execute();
}
