import type { Executor } from '../../platform/db/tables.ts';
import type { TxCtx } from '../../platform/context.ts';
import { tables } from './wallet.tables.ts';

/**
 * The payment sandbox: a button that makes an online channel report a payment nobody made. It credits
 * real balance, so it is off unless the server was started with `--sandbox-payments` (tests, a
 * developer's machine), except for the enterprises marked here: the demo enterprise, whose money is
 * make-believe from the start and whose sign-in is printed for everyone.
 */
export async function markSandbox(ctx: TxCtx): Promise<void> {
  await tables(ctx.trx).insertInto('wallet_sandboxes').values({ corp_id: ctx.corpId, created_at: ctx.now }).onConflict((oc) => oc.column('corp_id').doNothing()).execute();
}

/** Whether the sandbox may pay this enterprise's online top-ups. */
export async function sandboxOn(db: Executor, corpId: string, serverFlag: boolean): Promise<boolean> {
  if (serverFlag) return true;
  return (await tables(db).selectFrom('wallet_sandboxes').select('corp_id').where('corp_id', '=', corpId).executeTakeFirst()) !== undefined;
}

/** Whether any enterprise of the database is a sandbox one (the route exists only then, or with the flag). */
export async function anySandbox(db: Executor): Promise<boolean> {
  return (await tables(db).selectFrom('wallet_sandboxes').select('corp_id').limit(1).executeTakeFirst()) !== undefined;
}
