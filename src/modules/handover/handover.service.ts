import { systemActor, type Ctx, type ReadCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError, unknownId } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { audit } from '../../platform/audit.ts';
import { toIso } from '../../platform/clock.ts';
import { departedMembers, membersByIds } from '../directory/index.ts';
import { featureActiveUntil } from '../features/index.ts';
import { customerAssetsOf, handOverCustomers } from '../customers/index.ts';
import { handOverTasksOf, openTasksOf } from '../approval/index.ts';
import { SecurityErrors } from '../security/index.ts';
import { docsAssetsOf, handOverDocs } from '../docs/index.ts';
import { filesAssetsOf, handOverFiles } from '../files/index.ts';
import { HandoverErrors } from './handover.errors.ts';
import type { Assets, HandoverInput, HandoverView } from './handover.schema.ts';
import { tables, type HandoverTables } from './handover.tables.ts';

const none = (): Assets => ({ docsFiles: 0, docsSpaces: 0, files: 0, customers: 0, customerGroups: 0, approvalTasks: 0 });
const total = (a: Assets) => a.docsFiles + a.docsSpaces + a.files + a.customers + a.customerGroups + a.approvalTasks;

/** 数据资产交接 is a function of 安全管理: it works while the enterprise's purchase is in force. */
export async function isActive(db: Executor, corpId: string, now: number): Promise<boolean> {
  return (await featureActiveUntil(db, corpId, 'security')) > now;
}

/** What each of the members has that a hand-over would move, asked of the modules that own it. */
async function assetsOf(db: Executor, corpId: string, memberIds: readonly string[]): Promise<Map<string, Assets>> {
  const [docs, files, customers, tasks] = await Promise.all([docsAssetsOf(db, corpId, memberIds), filesAssetsOf(db, corpId, memberIds), customerAssetsOf(db, corpId, memberIds), openTasksOf(db, corpId, memberIds)]);
  const out = new Map<string, Assets>();
  for (const id of memberIds) {
    const d = docs.get(id);
    const c = customers.get(id);
    const assets = { docsFiles: d?.files ?? 0, docsSpaces: d?.spaces ?? 0, files: files.get(id) ?? 0, customers: c?.customers ?? 0, customerGroups: c?.groups ?? 0, approvalTasks: tasks.get(id) ?? 0 };
    if (total(assets) > 0) out.set(id, assets);
  }
  return out;
}

/** The departed members whose docs, customers or approvals still wait for a successor, latest departure first. */
export async function pendingHandovers(ctx: ReadCtx): Promise<{ active: boolean; items: { memberId: string; name: string; userid: string; departedAt: string; assets: Assets }[] }> {
  const departed = await departedMembers(ctx.trx, ctx.corpId);
  const assets = await assetsOf(ctx.trx, ctx.corpId, departed.map((m) => m.id));
  return {
    active: await isActive(ctx.trx, ctx.corpId, ctx.now),
    items: departed.filter((m) => assets.has(m.id)).map((m) => ({ memberId: m.id, name: m.name, userid: m.userid, departedAt: toIso(m.departedAt), assets: assets.get(m.id)! })),
  };
}

type Row = HandoverTables['handovers'];

async function present(db: Executor, corpId: string, rows: readonly Row[], repeated = false): Promise<HandoverView[]> {
  const names = await membersByIds(db, corpId, rows.flatMap((r) => [r.from_member_id, r.to_member_id]));
  return rows.map((r) => ({
    id: r.id,
    fromMemberId: r.from_member_id,
    fromName: names.get(r.from_member_id)?.name ?? '',
    toMemberId: r.to_member_id,
    toName: names.get(r.to_member_id)?.name ?? '',
    state: r.state,
    moved: { ...none(), ...(JSON.parse(r.moved_json) as Partial<Assets>) },
    left: JSON.parse(r.left_json) as HandoverView['left'],
    byName: r.by_name,
    automatic: r.by_id === systemActor.id,
    createdAt: toIso(Number(r.created_at)),
    repeated,
  }));
}

/**
 * Hands a departed member's data assets to a successor: the files of their own space and the team
 * spaces they manage (docs), the files and folders of their file store (files), their customers and customer groups (customers), and the tasks they
 * must still act on (approval), each moved by its owning module, all in one transaction with the
 * record and the audit row. Repeating it moves nothing twice: when nothing is left, the earlier
 * hand-over comes back unchanged (`repeated`).
 */
export async function handOver(ctx: Ctx, input: HandoverInput): Promise<HandoverView> {
  if (!(await isActive(ctx.trx, ctx.corpId, ctx.now))) throw new DomainError(SecurityErrors['security.not_active']);
  const members = await membersByIds(ctx.trx, ctx.corpId, [input.fromMemberId, input.toMemberId]);
  const from = members.get(input.fromMemberId);
  if (!from) throw unknownId('/fromMemberId', input.fromMemberId);
  if (from.status !== 'departed') throw new DomainError(HandoverErrors['handover.not_departed'], { field: '/fromMemberId', memberId: from.id, status: from.status });
  const to = members.get(input.toMemberId);
  if (!to) throw new DomainError(HandoverErrors['handover.successor_not_member'], { field: '/toMemberId', memberId: input.toMemberId });
  if (to.status !== 'active') throw new DomainError(HandoverErrors['handover.successor_inactive'], { field: '/toMemberId', memberId: to.id, status: to.status });

  // A second hand-over of the same member waits here for the first to commit, then finds nothing left.
  await tables(ctx.trx)
    .insertInto('handover_locks')
    .values({ corp_id: ctx.corpId, member_id: from.id, locked_at: ctx.now })
    .onConflict((oc) => oc.columns(['corp_id', 'member_id']).doUpdateSet({ locked_at: ctx.now }))
    .execute();
  const pending = (await assetsOf(ctx.trx, ctx.corpId, [from.id])).get(from.id);
  const earlier = () => tables(ctx.trx).selectFrom('handovers').selectAll().where('corp_id', '=', ctx.corpId).where('from_member_id', '=', from.id).orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!pending) {
    const last = await earlier();
    if (!last) throw new DomainError(HandoverErrors['handover.nothing_pending'], { memberId: from.id });
    return (await present(ctx.trx, ctx.corpId, [last], true))[0]!;
  }

  const docs = await handOverDocs(ctx, from.id, to.id);
  const files = await handOverFiles(ctx, from.id, to.id);
  const customers = await handOverCustomers(ctx, from.id, to.id);
  const tasks = await handOverTasksOf(ctx, from.id, to.id);
  const moved: Assets = { docsFiles: docs.files, docsSpaces: docs.spaces, files, customers: customers.customers, customerGroups: customers.groups, approvalTasks: tasks.moved };
  // A concurrent hand-over of the same member may have moved it all first: this one then adds no record.
  if (total(moved) === 0 && tasks.left.length === 0) {
    const last = await earlier();
    if (last) return (await present(ctx.trx, ctx.corpId, [last], true))[0]!;
  }
  const row: Row = {
    corp_id: ctx.corpId,
    id: newId('hnd', ctx.now),
    from_member_id: from.id,
    to_member_id: to.id,
    state: tasks.left.length > 0 ? 'partial' : 'completed',
    moved_json: JSON.stringify(moved),
    left_json: JSON.stringify(tasks.left),
    by_id: ctx.actor.id,
    by_name: ctx.actor.name,
    created_at: ctx.now,
  };
  await tables(ctx.trx).insertInto('handovers').values(row).execute();
  await audit(ctx, { action: 'security.handover', target: { type: 'member', id: from.id }, after: { handoverId: row.id, toMemberId: to.id, state: row.state, moved, left: tasks.left } });
  return (await present(ctx.trx, ctx.corpId, [row]))[0]!;
}

/** The hand-overs made, newest first; of one departed member or successor when `memberId`. */
export async function listHandovers(ctx: ReadCtx, query: { memberId?: string | undefined; cursor?: string | undefined; limit: number }): Promise<{ items: HandoverView[]; nextCursor: string | null }> {
  let q = tables(ctx.trx).selectFrom('handovers').selectAll().where('corp_id', '=', ctx.corpId);
  if (query.memberId) {
    const id = query.memberId;
    q = q.where((eb) => eb.or([eb('from_member_id', '=', id), eb('to_member_id', '=', id)]));
  }
  if (query.cursor) q = q.where('id', '<', query.cursor);
  const rows = await q.orderBy('id', 'desc').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  return { items: await present(ctx.trx, ctx.corpId, page), nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null };
}
