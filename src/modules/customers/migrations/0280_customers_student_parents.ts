import type { Kysely } from 'kysely';

/** 家长: the parents (contacts) linked to a student of an education enterprise. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('student_parents')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('student_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('student_parents_pk', ['corp_id', 'id'])
    .execute();
  await db.schema.createIndex('student_parents_student').on('student_parents').columns(['corp_id', 'student_id']).execute();
}

