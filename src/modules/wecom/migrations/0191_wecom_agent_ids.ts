import type { Kysely } from 'kysely';

/** WeCom's integer `agentid` for each app, stable per enterprise (message/send, agent/list). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('wecom_app_ids')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('wecom_id', 'integer', (c) => c.notNull())
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('wecom_app_ids_pk', ['corp_id', 'wecom_id'])
    .addUniqueConstraint('wecom_app_ids_banyan', ['corp_id', 'app_id'])
    .execute();
}
