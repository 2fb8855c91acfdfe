import type { Kysely } from 'kysely';

/** The hourly sweep deletes sessions by expiry: indexed, so it reads only what it deletes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('sessions_expiry').on('sessions').column('expires_at').execute();
}
