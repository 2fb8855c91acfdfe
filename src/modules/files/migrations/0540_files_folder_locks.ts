import type { Kysely } from 'kysely';

/**
 * One lock row per member whose folders are being moved: moves of one member's folders take it
 * first, so two moves at once (A into B, B into A) cannot both pass the check that a folder is not
 * put inside itself.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('files_folder_locks')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('locked_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('files_folder_locks_pk', ['corp_id', 'owner_id'])
    .execute();
}
