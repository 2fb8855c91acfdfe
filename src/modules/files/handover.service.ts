import { sql } from 'kysely';
import type { TxCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { newId } from '../../platform/ids.ts';
import { membersByIds } from '../directory/index.ts';
import { tables } from './files.tables.ts';

/** Per member among `memberIds`, how many files a hand-over (数据资产交接) would move (members with none are left out). */
export async function filesAssetsOf(db: Executor, corpId: string, memberIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let at = 0; at < memberIds.length; at += 500) {
    const rows = await tables(db)
      .selectFrom('files')
      .select(['owner_id', sql<string>`count(*)`.as('n')])
      .where('corp_id', '=', corpId)
      .where('owner_id', 'in', memberIds.slice(at, at + 500))
      .groupBy('owner_id')
      .execute();
    for (const r of rows) out.set(r.owner_id, Number(r.n));
  }
  return out;
}

/**
 * 数据资产交接 of files: everything of the departed member's (files and folders, confidential files
 * staying confidential, the bytes untouched) goes into one new folder at the successor's top level,
 * named after the departed member (「李雷」, then 「李雷 (2)」… when the successor has one of that name),
 * so nothing clashes with the successor's own names. It counts against no quota check: the successor
 * sees the usage and deletes what they do not need. What moved is gone from the departed member, so
 * a second call moves nothing. The caller checked both members.
 */
export async function handOverFiles(ctx: TxCtx, fromMemberId: string, toMemberId: string): Promise<number> {
  const db = tables(ctx.trx);
  const waiting = await db.selectFrom('files').select('id').where('corp_id', '=', ctx.corpId).where('owner_id', '=', fromMemberId).limit(1).executeTakeFirst();
  if (!waiting) return 0;
  const from = (await membersByIds(ctx.trx, ctx.corpId, [fromMemberId])).get(fromMemberId);
  const base = (from?.name ?? fromMemberId).slice(0, 90);
  const names = new Set(
    (await db.selectFrom('files_folders').select('name').where('corp_id', '=', ctx.corpId).where('owner_id', '=', toMemberId).where('parent_id', '=', '').execute()).map((r) => r.name),
  );
  let name = base;
  for (let n = 2; names.has(name); n++) name = `${base} (${n})`;
  const folder = newId('fold', ctx.now);
  await db.insertInto('files_folders').values({ corp_id: ctx.corpId, id: folder, owner_id: toMemberId, parent_id: '', name, created_at: ctx.now }).execute();
  await db.updateTable('files_folders').set({ parent_id: folder }).where('corp_id', '=', ctx.corpId).where('owner_id', '=', fromMemberId).where('parent_id', '=', '').execute();
  await db.updateTable('files_folders').set({ owner_id: toMemberId }).where('corp_id', '=', ctx.corpId).where('owner_id', '=', fromMemberId).execute();
  await db.updateTable('files').set({ folder_id: folder }).where('corp_id', '=', ctx.corpId).where('owner_id', '=', fromMemberId).where('folder_id', '=', '').execute();
  const moved = await db.updateTable('files').set({ owner_id: toMemberId }).where('corp_id', '=', ctx.corpId).where('owner_id', '=', fromMemberId).executeTakeFirst();
  return Number(moved.numUpdatedRows);
}
