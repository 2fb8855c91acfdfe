import type { Kysely } from 'kysely';

/** Photos move to content-addressed files under the data directory; the row keeps the file's digest. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('attendance_photos').addColumn('digest', 'text').execute();
}
