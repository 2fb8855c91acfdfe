import type { Kysely } from 'kysely';

/**
 * 补卡: a member's correction of a 未打卡 or abnormal clock-in, asked through the approval engine.
 * The request row keeps its approval's id (one correction per approval); an approved one writes a
 * clock-in of source 'correction' that points back at the approval. Each rule says how many a
 * member may ask per month (WeCom's default, 5).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('attendance_corrections')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('punch_at', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('approval_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('clockin_id', 'text')
    .addColumn('hold_key', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_at', 'bigint')
    .addPrimaryKeyConstraint('attendance_corrections_pk', ['corp_id', 'id'])
    .execute();
  await db.schema.createIndex('attendance_corrections_approval').on('attendance_corrections').columns(['corp_id', 'approval_id']).unique().execute();
  // One pending or approved correction per record: `hold_key` is member|day|kind while it holds, NULL after (NULLs are distinct).
  await db.schema.createIndex('attendance_corrections_hold').on('attendance_corrections').columns(['corp_id', 'hold_key']).unique().execute();
  // The month's allowance as a counter guarded by compare-and-set, so concurrent requests cannot pass it.
  await db.schema
    .createTable('attendance_correction_months')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('used', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('attendance_correction_months_pk', ['corp_id', 'member_id', 'month'])
    .execute();
  await db.schema.createIndex('attendance_corrections_member_month').on('attendance_corrections').columns(['corp_id', 'member_id', 'month']).execute();
  await db.schema.createIndex('attendance_corrections_day').on('attendance_corrections').columns(['corp_id', 'day']).execute();
  await db.schema.alterTable('attendance_clockins').addColumn('approval_id', 'text').execute();
  await db.schema.alterTable('attendance_rules').addColumn('corrections_per_month', 'integer', (c) => c.notNull().defaultTo(5)).execute();
}
