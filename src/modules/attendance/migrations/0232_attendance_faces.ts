import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('attendance_rules').addColumn('face', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('attendance_clockins').addColumn('face_check', 'text').execute();
  await db.schema
    .createTable('attendance_faces')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addColumn('enrolled_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('attendance_faces_pk', ['corp_id', 'member_id'])
    .execute();
}
