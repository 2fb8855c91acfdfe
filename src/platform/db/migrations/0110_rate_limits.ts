import type { Kysely } from 'kysely';

/** Rate-limit counters every server process sees (PostgreSQL without Redis): one row per key and window. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .ifNotExists()
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_window').ifNotExists().on('rate_limits').column('window_start').execute();
}
