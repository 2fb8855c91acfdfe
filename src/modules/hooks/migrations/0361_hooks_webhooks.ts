import type { Kysely } from 'kysely';

/** Banyan's own webhooks: per enterprise, a URL, the event types it hears and the secret that signs them. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('hooks_webhooks')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('event_types', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('hooks_webhooks_pk', ['corp_id', 'id'])
    .execute();
}
