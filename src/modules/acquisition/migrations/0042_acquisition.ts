import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('acquisition_links')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('deleted_at', 'bigint')
    .addPrimaryKeyConstraint('acquisition_links_pk', ['corp_id', 'id'])
    .execute();
  await db.schema
    .createTable('acquisition_link_members')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('link_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('acquisition_link_members_pk', ['corp_id', 'link_id', 'member_id'])
    .execute();
  await db.schema
    .createTable('acquisition_packs')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('units', 'integer', (c) => c.notNull())
    .addColumn('remaining', 'integer', (c) => c.notNull())
    .addColumn('purchased_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('order_id', 'text')
    .addPrimaryKeyConstraint('acquisition_packs_pk', ['corp_id', 'id'])
    .execute();
  await db.schema.createIndex('acquisition_packs_expiry').on('acquisition_packs').columns(['corp_id', 'expires_at']).execute();
  await db.schema
    .createTable('acquisition_adds')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('link_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('paid_by', 'text', (c) => c.notNull())
    .addColumn('pack_id', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('acquisition_adds_pk', ['corp_id', 'id'])
    .execute();
  await db.schema.createIndex('acquisition_adds_at').on('acquisition_adds').columns(['corp_id', 'at']).execute();
  await db.schema
    .createTable('acquisition_authorizations')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('acquisition_authorizations_pk', ['corp_id', 'id'])
    .execute();
}
