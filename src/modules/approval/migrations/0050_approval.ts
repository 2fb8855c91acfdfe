import type { Kysely } from 'kysely';

/** 审批: templates, requests (instances), their tasks and the trail of what happened. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('approval_templates')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('form_json', 'text', (c) => c.notNull())
    .addColumn('flow_json', 'text', (c) => c.notNull())
    .addColumn('settings_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('archived', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('approval_templates_pk', ['corp_id', 'id'])
    .execute();

  await db.schema
    .createTable('approval_instances')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('template_name', 'text', (c) => c.notNull())
    .addColumn('snapshot_json', 'text', (c) => c.notNull())
    .addColumn('applicant_id', 'text', (c) => c.notNull())
    .addColumn('submitter_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('form_json', 'text', (c) => c.notNull())
    .addColumn('path_json', 'text', (c) => c.notNull())
    .addColumn('mentions_json', 'text', (c) => c.notNull())
    .addColumn('current_step', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .addPrimaryKeyConstraint('approval_instances_pk', ['corp_id', 'id'])
    .execute();
  await db.schema.createIndex('approval_instances_applicant').on('approval_instances').columns(['corp_id', 'applicant_id', 'id']).execute();
  await db.schema.createIndex('approval_instances_submitter').on('approval_instances').columns(['corp_id', 'submitter_id', 'id']).execute();

  await db.schema
    .createTable('approval_tasks')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('instance_id', 'text', (c) => c.notNull())
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('assignee_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('signature', 'text')
    .addColumn('reason_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('acted_at', 'bigint')
    .addPrimaryKeyConstraint('approval_tasks_pk', ['corp_id', 'id'])
    .execute();
  await db.schema.createIndex('approval_tasks_instance').on('approval_tasks').columns(['corp_id', 'instance_id', 'step']).execute();
  await db.schema.createIndex('approval_tasks_assignee').on('approval_tasks').columns(['corp_id', 'assignee_id', 'status', 'id']).execute();

  await db.schema
    .createTable('approval_events')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('instance_id', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('details_json', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('approval_events_pk', ['corp_id', 'id'])
    .execute();
  await db.schema.createIndex('approval_events_instance').on('approval_events').columns(['corp_id', 'instance_id', 'id']).execute();

  await db.schema
    .createTable('approval_edit_requests')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('instance_id', 'text', (c) => c.notNull())
    .addColumn('form_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('approval_edit_requests_pk', ['corp_id', 'id'])
    .execute();
}
