import type { Kysely } from 'kysely';

/** 下次登录时修改密码: an admin can require the account to set a new password at its next sign-in. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
