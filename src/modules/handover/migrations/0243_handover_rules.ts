import type { Kysely } from 'kysely';

/** 数据资产交接's rule and the per-member lock of a hand-over. The rule: who receives a departing member's data without an admin (nobody, their department head, a named member). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('handover_rules')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('handover_rules_pk', ['corp_id'])
    .execute();
  // One row per departed member whose data was handed over: its lock makes two hand-overs of the same member run one after the other.
  await db.schema
    .createTable('handover_locks')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('locked_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('handover_locks_pk', ['corp_id', 'member_id'])
    .execute();
}
