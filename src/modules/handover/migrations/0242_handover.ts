import type { Kysely } from 'kysely';

/** 数据资产交接: one row per hand-over of a departed member's data to a successor. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('handovers')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('from_member_id', 'text', (c) => c.notNull())
    .addColumn('to_member_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('moved_json', 'text', (c) => c.notNull())
    .addColumn('left_json', 'text', (c) => c.notNull())
    .addColumn('by_id', 'text', (c) => c.notNull())
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('handovers_pk', ['corp_id', 'id'])
    .execute();
  await db.schema.createIndex('handovers_from').on('handovers').columns(['corp_id', 'from_member_id', 'id']).execute();
}
