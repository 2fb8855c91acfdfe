import type { Kysely } from 'kysely';

/** A session opened by an account that must set a new password acts in no enterprise until it does. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('password_change', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
