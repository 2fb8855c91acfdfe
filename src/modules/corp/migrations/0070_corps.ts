import type { Kysely } from 'kysely';

/** Enterprises. `if not exists`: databases made before the modules owned their migrations have it. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('corps')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('industry', 'text', (c) => c.notNull())
    .addColumn('certified_until', 'bigint')
    .addColumn('creator_account_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('corps_creator').ifNotExists().on('corps').column('creator_account_id').execute();
}
