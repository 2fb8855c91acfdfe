import type { Kysely } from 'kysely';

/**
 * Built-in templates: a module (attendance's 补卡) owns a kind of template the approval engine runs
 * like any other. `builtin_kind` names it, one per enterprise; the request carries the kind so the
 * engine announces its result to the owning module.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('approval_templates').addColumn('builtin_kind', 'text').execute();
  await db.schema.alterTable('approval_instances').addColumn('builtin_kind', 'text').execute();
  // NULLs are distinct on both engines: ordinary templates are not constrained.
  await db.schema.createIndex('approval_templates_builtin').on('approval_templates').columns(['corp_id', 'builtin_kind']).unique().execute();
}
