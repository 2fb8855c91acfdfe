import type { Kysely } from 'kysely';

/** 文档/表格: spaces, files and who may open them, document tables, sheet cells, comments and revisions. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('docs_spaces')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('docs_spaces_pk', ['corp_id', 'id'])
    .execute();
  // One own space a member (team spaces have no owner: NULLs never collide).
  await db.schema.createIndex('docs_spaces_owner').unique().on('docs_spaces').columns(['corp_id', 'owner_id']).execute();
  await db.schema
    .createTable('docs_space_members')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('space_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('docs_space_members_pk', ['corp_id', 'space_id', 'member_id'])
    .execute();
  await db.schema.createIndex('docs_space_members_member').on('docs_space_members').columns(['corp_id', 'member_id']).execute();
  await db.schema
    .createTable('docs_files')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('space_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link_token', 'text', (c) => c.notNull())
    .addColumn('link_access', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('docs_files_pk', ['corp_id', 'id'])
    .execute();
  await db.schema.createIndex('docs_files_space').on('docs_files').columns(['corp_id', 'space_id', 'updated_at']).execute();
  await db.schema.createIndex('docs_files_link').unique().on('docs_files').columns(['corp_id', 'link_token']).execute();
  await db.schema
    .createTable('docs_shares')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('access', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('docs_shares_pk', ['corp_id', 'file_id', 'target_kind', 'target_id'])
    .execute();
  await db.schema
    .createTable('docs_link_visitors')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('visited_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('docs_link_visitors_pk', ['corp_id', 'file_id', 'member_id'])
    .execute();
  await db.schema
    .createTable('docs_doc_tables')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('cols', 'integer', (c) => c.notNull())
    .addColumn('cells_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('docs_doc_tables_pk', ['corp_id', 'file_id', 'id'])
    .execute();
  await db.schema
    .createTable('docs_sheets')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('cell_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('docs_sheets_pk', ['corp_id', 'file_id', 'id'])
    .execute();
  await db.schema
    .createTable('docs_cells')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('sheet_id', 'text', (c) => c.notNull())
    .addColumn('row', 'integer', (c) => c.notNull())
    .addColumn('col', 'integer', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('docs_cells_pk', ['corp_id', 'file_id', 'sheet_id', 'row', 'col'])
    .execute();
  await db.schema
    .createTable('docs_comments')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('thread_id', 'text', (c) => c.notNull())
    .addColumn('sheet_id', 'text')
    .addColumn('row', 'integer')
    .addColumn('col', 'integer')
    .addColumn('author_id', 'text')
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('mentions_json', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('docs_comments_pk', ['corp_id', 'id'])
    .execute();
  await db.schema.createIndex('docs_comments_file').on('docs_comments').columns(['corp_id', 'file_id', 'thread_id', 'created_at']).execute();
  await db.schema
    .createTable('docs_pending_cells')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('sheet_id', 'text', (c) => c.notNull())
    .addColumn('row', 'integer', (c) => c.notNull())
    .addColumn('col', 'integer', (c) => c.notNull())
    .addColumn('before_value', 'text', (c) => c.notNull())
    .addColumn('after_value', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('docs_pending_cells_pk', ['corp_id', 'file_id', 'author_id', 'sheet_id', 'row', 'col'])
    .execute();
  await db.schema
    .createTable('docs_revisions')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('restored_from', 'text')
    .addColumn('cells_changed', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('docs_revisions_pk', ['corp_id', 'file_id', 'id'])
    .execute();
  await db.schema.createIndex('docs_revisions_seq').unique().on('docs_revisions').columns(['corp_id', 'file_id', 'seq']).execute();
  await db.schema
    .createTable('docs_revision_cells')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('revision_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('sheet_id', 'text', (c) => c.notNull())
    .addColumn('row', 'integer', (c) => c.notNull())
    .addColumn('col', 'integer', (c) => c.notNull())
    .addColumn('before_value', 'text', (c) => c.notNull())
    .addColumn('after_value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('docs_revision_cells_pk', ['corp_id', 'file_id', 'seq', 'sheet_id', 'row', 'col'])
    .execute();
  await db.schema
    .createTable('docs_settings')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('view_only_comments_banned', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('docs_settings_pk', ['corp_id'])
    .execute();
}
