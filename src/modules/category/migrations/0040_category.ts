import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('corp_categories')
    .addColumn('corp_id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('chosen_by_name', 'text', (c) => c.notNull())
    .addColumn('chosen_at', 'bigint', (c) => c.notNull())
    .addColumn('reviewed_at', 'bigint')
    .addColumn('review_note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('corp_categories_status').on('corp_categories').columns(['status', 'chosen_at']).execute();
  await db.schema
    .createTable('category_owners')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('category_owners_pk', ['corp_id', 'member_id'])
    .execute();
}
