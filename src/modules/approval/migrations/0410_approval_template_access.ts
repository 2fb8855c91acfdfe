import type { Kysely } from 'kysely';

/**
 * Who may see a template and who helps manage it: 可见范围 (members, departments and tags who see
 * and submit it; null: the whole enterprise) and 协助管理 (members who manage this template and read
 * its requests without being admins of the app). The admin's request list (审批数据) filters by
 * template: indexed by (corp, template, id) so a template's page is a short range, newest first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('approval_templates').addColumn('visibility_json', 'text').execute();
  await db.schema.alterTable('approval_templates').addColumn('assistants_json', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.createIndex('approval_instances_template').on('approval_instances').columns(['corp_id', 'template_id', 'id']).execute();
}
