import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('feature_plans')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('feature', 'text', (c) => c.notNull())
    .addColumn('seats_bought', 'integer', (c) => c.notNull())
    .addColumn('seats_used', 'integer', (c) => c.notNull())
    .addColumn('active_until', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('feature_plans_pk', ['corp_id', 'feature'])
    .execute();
  await db.schema
    .createTable('feature_purchases')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('feature', 'text', (c) => c.notNull())
    .addColumn('seats', 'integer', (c) => c.notNull())
    .addColumn('price_fen', 'bigint', (c) => c.notNull())
    .addColumn('order_id', 'text')
    .addColumn('purchased_at', 'bigint', (c) => c.notNull())
    .addColumn('ends_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('feature_purchases_pk', ['corp_id', 'id'])
    .execute();
  await db.schema
    .createTable('feature_seats')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('feature', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('assigned_at', 'bigint', (c) => c.notNull())
    .addColumn('assigned_by_name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('feature_seats_pk', ['corp_id', 'feature', 'member_id'])
    .execute();
  await db.schema.createIndex('feature_seats_member').on('feature_seats').columns(['corp_id', 'member_id']).execute();
  await db.schema
    .createTable('feature_settings')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('feature', 'text', (c) => c.notNull())
    .addColumn('settings_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('feature_settings_pk', ['corp_id', 'feature'])
    .execute();
}
