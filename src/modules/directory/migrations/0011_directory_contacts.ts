import { sql, type Kysely } from 'kysely';

/** Rules of the contacts the database itself holds, and the indexes member search and listing use. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Two sub-departments of one parent cannot share a name (as in WeCom), even when created at once.
  await db.schema.createIndex('departments_sibling_name').unique().on('departments').columns(['corp_id', 'parent_id', 'name']).execute();
  // A phone number belongs to one current member; a departed member's number can be reused.
  await db.schema
    .createIndex('members_phone')
    .unique()
    .on('members')
    .columns(['corp_id', 'phone'])
    .where(sql.ref('status'), '<>', 'departed')
    .execute();
  // The member list is ordered by full pinyin; search matches pinyin and initials by prefix.
  await db.schema.createIndex('members_name_pinyin').on('members').columns(['corp_id', 'name_pinyin', 'id']).execute();
  await db.schema.createIndex('members_name_initials').on('members').columns(['corp_id', 'name_initials']).execute();
  // userid search is case-insensitive: an index on the lower-cased userid.
  await sql`create index members_userid_lower on members (corp_id, lower(userid))`.execute(db);
  await db.schema.createIndex('department_heads_member').on('department_heads').columns(['corp_id', 'member_id']).execute();
}
