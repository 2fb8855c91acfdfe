import type { Kysely } from 'kysely';

/** The per-operator lock is gone (sign-ins are throttled per operator and address, `sign_in_throttle`). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('operators').dropColumn('failed_sign_ins').execute();
  await db.schema.alterTable('operators').dropColumn('locked_until').execute();
}
