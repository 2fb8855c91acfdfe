import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('certification_files')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('certification_files_pk', ['corp_id', 'sha256'])
    .execute();
  await db.schema
    .createTable('certification_applications')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('subject_name', 'text', (c) => c.notNull())
    .addColumn('licence_name', 'text', (c) => c.notNull())
    .addColumn('credit_code', 'text', (c) => c.notNull())
    .addColumn('licence_file', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_phone', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('fee_order_id', 'text', (c) => c.notNull())
    .addColumn('fee_fen', 'integer', (c) => c.notNull())
    .addColumn('submitted_by_name', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'bigint', (c) => c.notNull())
    .addColumn('reviewed_by_name', 'text')
    .addColumn('reviewed_at', 'bigint')
    .addColumn('valid_until', 'bigint')
    .addColumn('reject_reason', 'text')
    .addPrimaryKeyConstraint('certification_applications_pk', ['corp_id', 'id'])
    .execute();
  // One application under review per enterprise, even when two are submitted at once.
  await db.schema
    .createIndex('certification_applications_one_review')
    .unique()
    .on('certification_applications')
    .column('corp_id')
    .where(sql.ref('status'), '=', 'review')
    .execute();
  await db.schema.createIndex('certification_applications_status').on('certification_applications').columns(['status', 'submitted_at']).execute();
  await db.schema
    .createTable('certification_warnings')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'bigint', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('certification_warnings_pk', ['corp_id', 'valid_until', 'days'])
    .execute();
}
