import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('data_migrations')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('target_corp_id', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('materials_json', 'text', (c) => c.notNull())
    .addColumn('source_subject', 'text', (c) => c.notNull())
    .addColumn('target_subject', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('submitted_by_name', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('data_migrations_pk', ['corp_id', 'id'])
    .execute();
  await db.schema.createIndex('data_migrations_target').on('data_migrations').columns(['target_corp_id', 'status']).execute();
  await db.schema.createIndex('data_migrations_status').on('data_migrations').columns(['status', 'submitted_at']).execute();
  await db.schema
    .createTable('data_migration_steps')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('migration_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('data_migration_steps_pk', ['corp_id', 'migration_id', 'seq'])
    .execute();
}
