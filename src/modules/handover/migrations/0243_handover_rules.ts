import type { Kysely } from 'kysely';

/** 数据资产交接's rule: who receives a departing member's data without an admin (nobody, their department head, a named member). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('handover_rules')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('handover_rules_pk', ['corp_id'])
    .execute();
}
