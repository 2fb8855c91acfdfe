import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('attendance_missed')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('attendance_missed_pk', ['corp_id', 'member_id', 'day', 'kind'])
    .execute();
  await db.schema.createIndex('attendance_missed_day').on('attendance_missed').columns(['corp_id', 'day']).execute();
  await db.schema
    .createTable('attendance_closed_days')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('attendance_closed_days_pk', ['corp_id', 'rule_id', 'day'])
    .execute();
}
