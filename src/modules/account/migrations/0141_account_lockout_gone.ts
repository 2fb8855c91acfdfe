import type { Kysely } from 'kysely';

/** The per-account lock is gone (sign-ins are throttled per account and address, `sign_in_throttle`). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').dropColumn('failed_sign_ins').execute();
  await db.schema.alterTable('accounts').dropColumn('locked_until').execute();
}
