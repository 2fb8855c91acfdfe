import type { Kysely } from 'kysely';

/** Uploaded files waiting for (or done with) their import job; the content is cleared once read. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('directory_imports')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('job_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    // Who asked, as JSON: the job authorizes them again when it runs.
    .addColumn('actor_json', 'text', (c) => c.notNull())
    .addColumn('content_base64', 'text', (c) => c.notNull())
    .addColumn('outcome_json', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('directory_imports_pk', ['corp_id', 'id'])
    .execute();
}
