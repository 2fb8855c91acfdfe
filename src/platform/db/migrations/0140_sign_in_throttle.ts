import type { Kysely } from 'kysely';

/**
 * Sign-in throttling per (principal, address): one row per pair that failed, counted before the
 * password is checked. Replaces the per-account lock that anyone could trigger against a victim.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_in_throttle')
    .addColumn('principal_kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_at', 'bigint', (c) => c.notNull())
    .addColumn('last_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('sign_in_throttle_pk', ['principal_kind', 'subject', 'address'])
    .execute();
  await db.schema.createIndex('sign_in_throttle_last').on('sign_in_throttle').column('last_at').execute();
}
