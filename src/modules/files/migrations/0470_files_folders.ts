import type { Kysely } from 'kysely';

/**
 * Folders of the file store, the folder a file sits in ('' is the member's top level, so that a
 * unique index keeps sibling names apart there too), and the lock row that orders an upload, a
 * forward and the removal of a blob nobody lists any more.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('files_folders')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('files_folders_pk', ['corp_id', 'id'])
    .execute();
  await db.schema.createIndex('files_folders_name').unique().on('files_folders').columns(['corp_id', 'owner_id', 'parent_id', 'name']).execute();
  await db.schema.alterTable('files').addColumn('folder_id', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.createIndex('files_folder').on('files').columns(['corp_id', 'owner_id', 'folder_id', 'id']).execute();
  await db.schema.createIndex('files_blob').on('files').columns(['corp_id', 'sha256', 'confidential']).execute();
  await db.schema
    .createTable('files_blob_locks')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('confidential', 'integer', (c) => c.notNull())
    .addColumn('locked_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('files_blob_locks_pk', ['corp_id', 'sha256', 'confidential'])
    .execute();
}
