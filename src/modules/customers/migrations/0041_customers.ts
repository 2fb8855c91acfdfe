import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customers')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('holders', 'integer', (c) => c.notNull())
    .addColumn('counted_since', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('customers_pk', ['corp_id', 'id'])
    .addUniqueConstraint('customers_external', ['corp_id', 'external_id'])
    .execute();
  await db.schema.createIndex('customers_counted').on('customers').columns(['corp_id', 'counted_since']).execute();

  await db.schema
    .createTable('friendships')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('one_way_reason', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('link_id', 'text')
    .addColumn('added_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('friendships_pk', ['corp_id', 'member_id', 'customer_id'])
    .execute();
  await db.schema.createIndex('friendships_customer').on('friendships').columns(['corp_id', 'customer_id']).execute();

  await db.schema
    .createTable('customer_groups')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('owner_member_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('dissolved_at', 'bigint')
    .addPrimaryKeyConstraint('customer_groups_pk', ['corp_id', 'id'])
    .execute();
  await db.schema
    .createTable('group_customers')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_customers_pk', ['corp_id', 'group_id', 'customer_id'])
    .execute();

  await db.schema
    .createTable('customer_counters')
    .addColumn('corp_id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('served', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('quota_tiers')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('price_fen', 'bigint', (c) => c.notNull())
    .addColumn('paid_fen', 'bigint', (c) => c.notNull())
    .addColumn('starts_at', 'bigint', (c) => c.notNull())
    .addColumn('ends_at', 'bigint', (c) => c.notNull())
    .addColumn('upgraded_from', 'integer')
    .addColumn('order_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('quota_tiers_pk', ['corp_id', 'id'])
    .execute();
  await db.schema.createIndex('quota_tiers_active').on('quota_tiers').columns(['corp_id', 'ends_at']).execute();
}
