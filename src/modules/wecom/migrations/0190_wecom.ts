import type { Kysely } from 'kysely';

/**
 * The WeCom-compatible API's own state: the contacts-sync secret (通讯录同步), the live access
 * tokens (one per enterprise and secret, kept only as hashes) and the stable integer ids WeCom
 * clients use for departments and tags.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('wecom_sync_secrets')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('wecom_sync_secrets_pk', ['corp_id'])
    .execute();
  await db.schema
    .createTable('wecom_tokens')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('salt', 'text', (c) => c.notNull())
    .addColumn('app_id', 'text')
    .addColumn('issued_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('wecom_tokens_pk', ['corp_id', 'secret_hash'])
    .execute();
  // WeCom's member fields Banyan's contacts do not have (alias, gender, extattr, direct_leader…), kept as given.
  await db.schema
    .createTable('wecom_member_attrs')
    .addColumn('corp_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('attrs_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('wecom_member_attrs_pk', ['corp_id', 'member_id'])
    .execute();
  for (const kind of ['department', 'tag'] as const) {
    await db.schema
      .createTable(`wecom_${kind}_ids`)
      .addColumn('corp_id', 'text', (c) => c.notNull())
      .addColumn('wecom_id', 'integer', (c) => c.notNull())
      .addColumn(`${kind}_id`, 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`wecom_${kind}_ids_pk`, ['corp_id', 'wecom_id'])
      .addUniqueConstraint(`wecom_${kind}_ids_banyan`, ['corp_id', `${kind}_id`])
      .execute();
  }
}
