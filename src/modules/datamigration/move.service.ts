import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { customersByIds, customersWithFollows, receiveCustomers, releaseRelations, type Follow } from '../customers/index.ts';
import { activeMemberIds, activeMemberOfAccount, memberIdsByUserid, membersByIds, type MemberSummary } from '../directory/index.ts';
import { DataMigrationErrors } from './datamigration.errors.ts';
import { enqueueMove, halt, haltReason, migrationView, rowOf, type MigrationView, type Row } from './datamigration.service.ts';
import { tables, type DataMigrationTables, type ItemReason } from './datamigration.tables.ts';

/**
 * The move of a migrating application (迁移): the source's customers, with their follow relations,
 * go to the members of the target that match the following members (same userid, else the same
 * account), batch by batch. A batch is one transaction that moves its items and advances the
 * cursor, so a run killed mid-way resumes after the last committed batch; an item moves only while
 * pending, in the transaction that marks it, so a batch run twice writes nothing twice.
 *
 * What moves: customers with a follow relation to an active member. A departed member's customers
 * wait for reassignment (离职继承) and stay; a customer held only by groups or by adds the customer
 * never answered is a plain external contact and stays. A customer moves whole or not at all: when
 * one of its active followers has no match in the target, or the target's quota is full, it is
 * listed as 未迁移成功 with the reason, for the operator to retry (after the target adds the member
 * or more quota) or give up.
 */

type Run = DataMigrationTables['data_migration_runs'];

export interface BatchOutcome {
  finished: boolean;
  done: number;
  total: number;
}

async function runOf(db: Executor, row: Row): Promise<Run | undefined> {
  return tables(db).selectFrom('data_migration_runs').selectAll().where('corp_id', '=', row.corp_id).where('migration_id', '=', row.id).executeTakeFirst();
}

/** Recounts the items by status, when the operator changes many at once (retry, give up). */
async function recount(db: Executor, row: Row): Promise<{ total: number; moved: number; failed: number; given_up: number }> {
  const rows = await tables(db)
    .selectFrom('data_migration_items')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('corp_id', '=', row.corp_id)
    .where('migration_id', '=', row.id)
    .groupBy('status')
    .execute();
  const by = new Map(rows.map((r) => [r.status, Number(r.n)]));
  return { total: [...by.values()].reduce((a, b) => a + b, 0), moved: by.get('moved') ?? 0, failed: by.get('failed') ?? 0, given_up: by.get('given_up') ?? 0 };
}

/** One batch of the move of `migrationId` (kept by `ctx.corpId`, the source), in `ctx.trx`. */
export async function runBatch(ctx: Ctx, migrationId: string): Promise<BatchOutcome> {
  const row = await rowOf(ctx.trx, ctx.corpId, migrationId);
  const run = await runOf(ctx.trx, row);
  const stop = (r: Pick<Run, 'moved' | 'failed' | 'given_up' | 'total'>) => ({ finished: true, done: Number(r.moved) + Number(r.failed) + Number(r.given_up), total: Number(r.total) });
  // Rejected or halted meanwhile, or done: the run stops where it is.
  if (!run || row.status !== 'migrating' || run.phase === 'done' || run.phase === 'halted') return stop(run ?? { moved: 0, failed: 0, given_up: 0, total: 0 });
  // 参与迁移的企业均需要在认证有效期内, 不能在迁移期间变更认证主体: checked before every batch.
  const reason = await haltReason(ctx.trx, ctx.now, row);
  if (reason) {
    await halt(ctx, row, reason);
    return stop(run);
  }
  const next = run.phase === 'listing' ? await listBatch(ctx, row, run) : await moveBatch(ctx, row, run);
  const { added, moved, failed, ...cursor } = { added: 0, moved: 0, failed: 0, ...next };
  // The counts move by what this batch did to its items, in its transaction (a recount per batch would grow with the run).
  const counts = await tables(ctx.trx)
    .updateTable('data_migration_runs')
    .set({ ...cursor, total: sql<number>`total + ${added}`, moved: sql<number>`moved + ${moved}`, failed: sql<number>`failed + ${failed}`, batches: sql<number>`batches + 1`, updated_at: ctx.now })
    .where('corp_id', '=', row.corp_id)
    .where('migration_id', '=', row.id)
    .returning(['total', 'moved', 'failed', 'given_up'])
    .executeTakeFirstOrThrow();
  return { finished: next.phase === 'done', done: Number(counts.moved) + Number(counts.failed) + Number(counts.given_up), total: Number(counts.total) };
}

/** Lists the next customers to move as pending items. */
async function listBatch(ctx: Ctx, row: Row, run: Run): Promise<Pick<Run, 'phase' | 'list_cursor'> & { added: number }> {
  const customers = await customersWithFollows(ctx.trx, row.corp_id, { after: run.list_cursor, limit: Number(run.batch_size) });
  const active = await activeMemberIds(
    ctx.trx,
    row.corp_id,
    customers.flatMap((c) => c.follows.map((f) => f.memberId)),
  );
  const items = customers.filter((c) => c.follows.some((f) => active.has(f.memberId)));
  let added = 0;
  if (items.length > 0) {
    const inserted = await tables(ctx.trx)
      .insertInto('data_migration_items')
      .values(items.map((c) => ({ corp_id: row.corp_id, migration_id: row.id, customer_id: c.id, name: c.name, status: 'pending' as const, reason: null, detail: null, follows: 0, done_at: null })))
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    added = Number(inserted.numInsertedOrUpdatedRows ?? 0);
  }
  const full = customers.length === Number(run.batch_size);
  return { phase: full ? 'listing' : 'moving', list_cursor: customers.at(-1)?.id ?? run.list_cursor, added };
}

/** The target's active member for each source member: the same userid, else the same account. */
async function matchMembers(ctx: Ctx, row: Row, members: Map<string, MemberSummary>): Promise<Map<string, string>> {
  const byUserid = await memberIdsByUserid(ctx.trx, row.target_corp_id, [...members.values()].map((m) => m.userid));
  const active = await activeMemberIds(ctx.trx, row.target_corp_id, [...byUserid.values()]);
  const out = new Map<string, string>();
  for (const m of members.values()) {
    const same = byUserid.get(m.userid);
    if (same && active.has(same)) out.set(m.id, same);
    else if (m.accountId) {
      const ofAccount = await activeMemberOfAccount(ctx.trx, row.target_corp_id, m.accountId);
      if (ofAccount) out.set(m.id, ofAccount.id);
    }
  }
  return out;
}

async function moveBatch(ctx: Ctx, row: Row, run: Run): Promise<Pick<Run, 'phase' | 'move_cursor'> & { moved: number; failed: number }> {
  const items = await tables(ctx.trx)
    .selectFrom('data_migration_items')
    .select(['customer_id', 'status'])
    .where('corp_id', '=', row.corp_id)
    .where('migration_id', '=', row.id)
    .where('customer_id', '>', run.move_cursor)
    .orderBy('customer_id')
    .limit(Number(run.batch_size))
    .execute();
  const full = items.length === Number(run.batch_size);
  const next = { phase: full ? ('moving' as const) : ('done' as const), move_cursor: items.at(-1)?.customer_id ?? run.move_cursor, moved: 0, failed: 0 };
  const pending = items.filter((i) => i.status === 'pending').map((i) => i.customer_id);
  if (pending.length === 0) return next;
  const item = () => tables(ctx.trx).updateTable('data_migration_items').where('corp_id', '=', row.corp_id).where('migration_id', '=', row.id);
  // The idempotency key: an item is taken only while pending, by the transaction that moves it.
  const taken = (await item().set({ status: 'moved', done_at: ctx.now }).where('customer_id', 'in', pending).where('status', '=', 'pending').returning('customer_id').execute()).map((r) => r.customer_id);
  const customers = new Map((await customersByIds(ctx.trx, row.corp_id, taken)).map((c) => [c.id, c]));
  const members = await membersByIds(
    ctx.trx,
    row.corp_id,
    [...customers.values()].flatMap((c) => c.follows.map((f) => f.memberId)),
  );
  const activeSource = new Map([...members].filter(([, m]) => m.status === 'active'));
  const matches = await matchMembers(ctx, row, activeSource);
  const failures: { customerId: string; reason: ItemReason; detail: object }[] = [];
  const candidates: { key: string; externalId: string; name: string; follows: Follow[] }[] = [];
  for (const customerId of taken) {
    const follows = (customers.get(customerId)?.follows ?? []).filter((f) => activeSource.has(f.memberId));
    const unmatched = follows.filter((f) => !matches.has(f.memberId));
    if (follows.length === 0) failures.push({ customerId, reason: 'no_follower', detail: {} });
    else if (unmatched.length > 0) failures.push({ customerId, reason: 'no_matching_member', detail: { members: unmatched.map((f) => activeSource.get(f.memberId)!.name) } });
    else candidates.push({ key: customerId, externalId: customers.get(customerId)!.externalId, name: customers.get(customerId)!.name, follows: follows.map((f) => ({ ...f, memberId: matches.get(f.memberId)! })) });
  }
  const received = await receiveCustomers({ corpId: row.target_corp_id, trx: ctx.trx, now: ctx.now }, candidates);
  const moved: string[] = [];
  const follows = new Map<number, string[]>();
  for (const [customerId, outcome] of received) {
    if (!outcome.ok) {
      failures.push({ customerId, reason: outcome.reason, detail: { limit: outcome.limit } });
      continue;
    }
    moved.push(customerId);
    follows.set(outcome.follows, [...(follows.get(outcome.follows) ?? []), customerId]);
  }
  // One statement per number of relations moved, not per customer.
  for (const [n, ids] of follows) await item().set({ follows: n }).where('customer_id', 'in', ids).execute();
  // In the source, the moved customers' relations with its active members go (the departed's stay, waiting for reassignment).
  await releaseRelations(ctx, moved, [...activeSource.keys()]);
  for (const f of failures) await item().set({ status: 'failed', reason: f.reason, detail: JSON.stringify(f.detail) }).where('customer_id', '=', f.customerId).execute();
  return { ...next, moved: moved.length, failed: failures.length };
}

async function failedRun(ctx: Ctx, id: string): Promise<{ row: Row; run: Run }> {
  const row = await rowOf(ctx.trx, ctx.corpId, id);
  const run = await runOf(ctx.trx, row);
  if (row.status !== 'migrating' || !run || run.phase !== 'done') throw new DomainError(DataMigrationErrors['datamigration.wrong_step'], { status: row.status });
  if (Number(run.failed) === 0) throw new DomainError(DataMigrationErrors['datamigration.nothing_failed']);
  return { row, run };
}

async function auditBoth(ctx: Ctx, row: Row, action: string, after: Record<string, unknown>): Promise<void> {
  for (const corpId of [row.corp_id, row.target_corp_id]) await audit({ ...ctx, corpId }, { action, target: { type: 'data_migration', id: row.id }, after });
}

/** The operator tries the failed customers again (after the target added the members or quota): they are pending and a new run moves them. */
export async function retryFailed(ctx: Ctx, id: string): Promise<MigrationView> {
  const { row, run } = await failedRun(ctx, id);
  const reset = await tables(ctx.trx)
    .updateTable('data_migration_items')
    .set({ status: 'pending', reason: null, detail: null, done_at: null })
    .where('corp_id', '=', row.corp_id)
    .where('migration_id', '=', row.id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  const counts = await recount(ctx.trx, row);
  const attempt = Number(run.batches);
  await tables(ctx.trx).updateTable('data_migration_runs').set({ ...counts, phase: 'moving', move_cursor: '', updated_at: ctx.now }).where('corp_id', '=', row.corp_id).where('migration_id', '=', row.id).execute();
  await enqueueMove(ctx, row.corp_id, row.id, `retry-${attempt}`);
  await auditBoth(ctx, row, 'datamigration.retry', { customers: Number(reset.numUpdatedRows) });
  return migrationView(ctx.trx, row.corp_id, row.id);
}

/** The operator gives up the failed customers (放弃): they stay with the source and the migration may finish. */
export async function giveUpFailed(ctx: Ctx, id: string): Promise<MigrationView> {
  const { row } = await failedRun(ctx, id);
  const gaveUp = await tables(ctx.trx).updateTable('data_migration_items').set({ status: 'given_up' }).where('corp_id', '=', row.corp_id).where('migration_id', '=', row.id).where('status', '=', 'failed').executeTakeFirst();
  const counts = await recount(ctx.trx, row);
  await tables(ctx.trx).updateTable('data_migration_runs').set({ ...counts, updated_at: ctx.now }).where('corp_id', '=', row.corp_id).where('migration_id', '=', row.id).execute();
  await auditBoth(ctx, row, 'datamigration.give_up', { customers: Number(gaveUp.numUpdatedRows) });
  return migrationView(ctx.trx, row.corp_id, row.id);
}
