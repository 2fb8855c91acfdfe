import type { Kysely } from 'kysely';

/** 安全管理's policies and the violations clients report. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('security_policies')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('settings_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('security_policies_pk', ['corp_id', 'kind'])
    .execute();
  await db.schema
    .createTable('security_violations')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('security_violations_pk', ['corp_id', 'id'])
    .execute();
  await db.schema.createIndex('security_violations_time').on('security_violations').columns(['corp_id', 'occurred_at']).execute();
}
