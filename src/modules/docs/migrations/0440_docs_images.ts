import type { Kysely } from 'kysely';

/** Images put into a document or sheet: pasted (compressed when large) or inserted as an attachment (the original). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('docs_images')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bigint', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('original_bytes', 'bigint', (c) => c.notNull())
    .addColumn('compressed', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('docs_images_pk', ['corp_id', 'id'])
    .execute();
  await db.schema.createIndex('docs_images_file').on('docs_images').columns(['corp_id', 'file_id', 'created_at']).execute();
}
