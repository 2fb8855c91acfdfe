import { sql } from 'kysely';
import type { TxCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { newId } from '../../platform/ids.ts';
import { tables } from './docs.tables.ts';

/** What of a member's docs a hand-over (数据资产交接) moves: the files of their own space and the team spaces they manage. */
export interface DocsAssets {
  files: number;
  spaces: number;
}

/** Per member among `memberIds`, the docs a hand-over would move (members with none are left out). */
export async function docsAssetsOf(db: Executor, corpId: string, memberIds: readonly string[]): Promise<Map<string, DocsAssets>> {
  const out = new Map<string, DocsAssets>();
  const entry = (id: string) => out.get(id) ?? out.set(id, { files: 0, spaces: 0 }).get(id)!;
  for (let at = 0; at < memberIds.length; at += 500) {
    const ids = memberIds.slice(at, at + 500);
    const files = await tables(db)
      .selectFrom('docs_spaces as s')
      .innerJoin('docs_files as f', (j) => j.onRef('f.corp_id', '=', 's.corp_id').onRef('f.space_id', '=', 's.id'))
      .select(['s.owner_id', sql<number>`count(*)`.as('n')])
      .where('s.corp_id', '=', corpId)
      .where('s.kind', '=', 'personal')
      .where('s.owner_id', 'in', ids)
      .groupBy('s.owner_id')
      .execute();
    for (const r of files) entry(r.owner_id!).files = Number(r.n);
    const spaces = await tables(db)
      .selectFrom('docs_space_members as m')
      .innerJoin('docs_spaces as s', (j) => j.onRef('s.corp_id', '=', 'm.corp_id').onRef('s.id', '=', 'm.space_id'))
      .select(['m.member_id', sql<number>`count(*)`.as('n')])
      .where('m.corp_id', '=', corpId)
      .where('s.kind', '=', 'team')
      .where('m.role', '=', 'manage')
      .where('m.member_id', 'in', ids)
      .groupBy('m.member_id')
      .execute();
    for (const r of spaces) entry(r.member_id).spaces = Number(r.n);
  }
  return out;
}

/** The member's own space, made when they have none yet (as their first visit to 文档 would). */
async function personalSpace(ctx: TxCtx, memberId: string): Promise<string> {
  const db = tables(ctx.trx);
  const found = await db.selectFrom('docs_spaces').select('id').where('corp_id', '=', ctx.corpId).where('kind', '=', 'personal').where('owner_id', '=', memberId).executeTakeFirst();
  if (found) return found.id;
  const id = newId('spc', ctx.now);
  await db.insertInto('docs_spaces').values({ corp_id: ctx.corpId, id, kind: 'personal', name: '', owner_id: memberId, created_by: memberId, created_at: ctx.now }).execute();
  await db.insertInto('docs_space_members').values({ corp_id: ctx.corpId, space_id: id, member_id: memberId, role: 'manage' }).execute();
  return id;
}

/**
 * 数据资产交接 of docs: the files of the departed member's own space go into the successor's own
 * space (shares and links kept, so whoever could open them still can), and the successor manages
 * each team space the departed member managed, in their place. What moved is gone from the departed
 * member, so a second call moves nothing. The caller checked both members.
 */
export async function handOverDocs(ctx: TxCtx, fromMemberId: string, toMemberId: string): Promise<DocsAssets> {
  const db = tables(ctx.trx);
  let files = 0;
  const own = await db.selectFrom('docs_spaces').select('id').where('corp_id', '=', ctx.corpId).where('kind', '=', 'personal').where('owner_id', '=', fromMemberId).executeTakeFirst();
  if (own) {
    const waiting = await db.selectFrom('docs_files').select('id').where('corp_id', '=', ctx.corpId).where('space_id', '=', own.id).limit(1).executeTakeFirst();
    if (waiting) {
      const target = await personalSpace(ctx, toMemberId);
      const moved = await db.updateTable('docs_files').set({ space_id: target }).where('corp_id', '=', ctx.corpId).where('space_id', '=', own.id).executeTakeFirst();
      files = Number(moved.numUpdatedRows);
    }
  }
  const managed = await tables(ctx.trx)
    .selectFrom('docs_space_members as m')
    .innerJoin('docs_spaces as s', (j) => j.onRef('s.corp_id', '=', 'm.corp_id').onRef('s.id', '=', 'm.space_id'))
    .select('m.space_id')
    .where('m.corp_id', '=', ctx.corpId)
    .where('s.kind', '=', 'team')
    .where('m.role', '=', 'manage')
    .where('m.member_id', '=', fromMemberId)
    .orderBy('m.space_id')
    .execute();
  for (const { space_id } of managed) {
    await db
      .insertInto('docs_space_members')
      .values({ corp_id: ctx.corpId, space_id, member_id: toMemberId, role: 'manage' })
      .onConflict((oc) => oc.columns(['corp_id', 'space_id', 'member_id']).doUpdateSet({ role: 'manage' }))
      .execute();
    await db.deleteFrom('docs_space_members').where('corp_id', '=', ctx.corpId).where('space_id', '=', space_id).where('member_id', '=', fromMemberId).execute();
  }
  return { files, spaces: managed.length };
}
