import type { Kysely } from 'kysely';

/** The expiry warnings look for certifications ending in the next 30 days. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('corps_certified_until').ifNotExists().on('corps').column('certified_until').execute();
}
