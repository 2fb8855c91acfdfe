import type { Kysely } from 'kysely';

/** Enterprises whose online top-ups the sandbox may pay whatever the server's flag says (the demo's). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('wallet_sandboxes')
    .addColumn('corp_id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}
