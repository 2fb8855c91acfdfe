import type { Ctx, ReadCtx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { requireMember } from '../../platform/policy/index.ts';
import { membersByIds } from '../directory/index.ts';
import { requireFile } from './access.ts';
import { touchFile } from './files.service.ts';
import { tables, type DocsTables } from './docs.tables.ts';

/** A person's changes become a revision at every 50th changed cell (the seed's question 9). */
export const REVISION_CELLS = 50;

export interface RevisionView {
  id: string;
  seq: number;
  authorId: string;
  authorName: string;
  kind: 'edit' | 'restore';
  restoredFrom: string | null;
  cellsChanged: number;
  createdAt: number;
}
export interface ChangedCell {
  sheetId: string;
  row: number;
  col: number;
  before: string;
  after: string;
}

type RevisionCell = DocsTables['docs_revision_cells'];

async function nextSeq(ctx: Ctx, fileId: string): Promise<number> {
  const { top } = await tables(ctx.trx).selectFrom('docs_revisions').select((eb) => eb.fn.max<number | null>('seq').as('top')).where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).executeTakeFirstOrThrow();
  return Number(top ?? 0) + 1;
}

async function writeRevision(ctx: Ctx, fileId: string, authorId: string, cells: ChangedCell[], kind: 'edit' | 'restore', restoredFrom: string | null): Promise<string> {
  const seq = await nextSeq(ctx, fileId);
  const id = newId('rev', ctx.now);
  const db = tables(ctx.trx);
  await db.insertInto('docs_revisions').values({ corp_id: ctx.corpId, file_id: fileId, id, seq, author_id: authorId, kind, restored_from: restoredFrom, cells_changed: cells.length, created_at: ctx.now }).execute();
  const rows: RevisionCell[] = cells.map((c) => ({ corp_id: ctx.corpId, file_id: fileId, revision_id: id, seq, sheet_id: c.sheetId, row: c.row, col: c.col, before_value: c.before, after_value: c.after }));
  for (let at = 0; at < rows.length; at += 500) await db.insertInto('docs_revision_cells').values(rows.slice(at, at + 500)).execute();
  return id;
}

/** Turns a person's pending changes on the file into one revision (nothing when none are pending). */
export async function cutRevisionOf(ctx: Ctx, fileId: string, authorId: string): Promise<boolean> {
  const db = tables(ctx.trx);
  const pending = await db.selectFrom('docs_pending_cells').selectAll().where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).where('author_id', '=', authorId).orderBy('seq').execute();
  if (pending.length === 0) return false;
  await writeRevision(ctx, fileId, authorId, pending.map((p) => ({ sheetId: p.sheet_id, row: p.row, col: p.col, before: p.before_value, after: p.after_value })), 'edit', null);
  await db.deleteFrom('docs_pending_cells').where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).where('author_id', '=', authorId).execute();
  return true;
}

/** Cuts the revisions of the people `which` picks who have changes pending on the file; returns how many. */
export async function cutPending(ctx: Ctx, fileId: string, which: (authorId: string) => boolean): Promise<number> {
  const authors = await tables(ctx.trx).selectFrom('docs_pending_cells').select('author_id').distinct().where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).execute();
  let cut = 0;
  for (const { author_id } of authors.filter((a) => which(a.author_id))) if (await cutRevisionOf(ctx, fileId, author_id)) cut++;
  return cut;
}

/** The history, newest first: who, when, how many cells; and how many cells each person has pending. */
export async function listRevisions(ctx: ReadCtx, fileId: string): Promise<{ revisions: RevisionView[]; pending: { authorId: string; authorName: string; cells: number }[] }> {
  await requireFile(ctx, fileId, 'view');
  const db = tables(ctx.trx);
  const rows = await db.selectFrom('docs_revisions').selectAll().where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).orderBy('seq', 'desc').execute();
  const pending = await db
    .selectFrom('docs_pending_cells')
    .select(['author_id', (eb) => eb.fn.countAll<number>().as('cells')])
    .where('corp_id', '=', ctx.corpId)
    .where('file_id', '=', fileId)
    .groupBy('author_id')
    .orderBy('author_id')
    .execute();
  const names = await membersByIds(ctx.trx, ctx.corpId, [...rows.map((r) => r.author_id), ...pending.map((p) => p.author_id)]);
  const name = (id: string) => names.get(id)?.name ?? '';
  return {
    revisions: rows.map((r) => ({ id: r.id, seq: r.seq, authorId: r.author_id, authorName: name(r.author_id), kind: r.kind, restoredFrom: r.restored_from, cellsChanged: r.cells_changed, createdAt: Number(r.created_at) })),
    pending: pending.map((p) => ({ authorId: p.author_id, authorName: name(p.author_id), cells: Number(p.cells) })),
  };
}

async function revisionRow(ctx: ReadCtx, fileId: string, revisionId: string) {
  const row = await tables(ctx.trx).selectFrom('docs_revisions').selectAll().where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).where('id', '=', revisionId).executeTakeFirst();
  if (!row) throw new DomainError('not_found', { revisionId });
  return row;
}

/**
 * The cells that differ between a revision and now, with the value each had right after the
 * revision: a cell changed later had, at the revision, what its first later change found.
 */
async function differencesSince(ctx: ReadCtx, fileId: string, seq: number): Promise<Map<string, { sheetId: string; row: number; col: number; then: string }>> {
  const db = tables(ctx.trx);
  const later = await db.selectFrom('docs_revision_cells').selectAll().where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).where('seq', '>', seq).orderBy('seq').execute();
  const pending = await db.selectFrom('docs_pending_cells').selectAll().where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).execute();
  const then = new Map<string, { sheetId: string; row: number; col: number; then: string }>();
  for (const c of [...later, ...pending]) {
    const key = `${c.sheet_id}:${c.row}:${c.col}`;
    if (!then.has(key)) then.set(key, { sheetId: c.sheet_id, row: c.row, col: c.col, then: c.before_value });
  }
  return then;
}

/**
 * One revision: what it changed, and the cells of a sheet as they stood right after it (the
 * current cells with every later change taken back).
 */
export async function showRevision(ctx: ReadCtx, fileId: string, revisionId: string, sheetId: string | undefined): Promise<{ revision: RevisionView; changes: ChangedCell[]; cells: { sheetId: string; row: number; col: number; value: string }[] }> {
  await requireFile(ctx, fileId, 'view');
  const row = await revisionRow(ctx, fileId, revisionId);
  const db = tables(ctx.trx);
  const changes = await db.selectFrom('docs_revision_cells').selectAll().where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).where('seq', '=', row.seq).orderBy('sheet_id').orderBy('row').orderBy('col').execute();
  const names = await membersByIds(ctx.trx, ctx.corpId, [row.author_id]);
  const revision: RevisionView = { id: row.id, seq: row.seq, authorId: row.author_id, authorName: names.get(row.author_id)?.name ?? '', kind: row.kind, restoredFrom: row.restored_from, cellsChanged: row.cells_changed, createdAt: Number(row.created_at) };
  let cells: { sheetId: string; row: number; col: number; value: string }[] = [];
  if (sheetId !== undefined) {
    const current = await db.selectFrom('docs_cells').select(['row', 'col', 'value']).where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).where('sheet_id', '=', sheetId).execute();
    const state = new Map(current.map((c) => [`${sheetId}:${c.row}:${c.col}`, { sheetId, row: c.row, col: c.col, value: c.value }]));
    for (const [key, d] of await differencesSince(ctx, fileId, row.seq)) {
      if (d.sheetId !== sheetId) continue;
      if (d.then === '') state.delete(key);
      else state.set(key, { sheetId, row: d.row, col: d.col, value: d.then });
    }
    cells = [...state.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  }
  return { revision, changes: changes.map((c) => ({ sheetId: c.sheet_id, row: c.row, col: c.col, before: c.before_value, after: c.after_value })), cells };
}

/**
 * Restores the file to a revision: everyone's pending changes are cut first, then the cells that
 * differ are set back as one new revision of kind `restore` (还原会生成一个独立的修订版本); no
 * revision is deleted, so the restore itself can be undone by restoring the one before it. The
 * caller checked the member may edit; `write` and `current` reach the sheet's cells.
 */
export async function restoreRevision(ctx: Ctx, fileId: string, revisionId: string, write: (cell: { sheetId: string; row: number; col: number; value: string }, before: string) => Promise<void>, current: (sheetId: string, row: number, col: number) => Promise<string>): Promise<RevisionView> {
  const member = requireMember(ctx);
  await touchFile(ctx, fileId);
  const target = await revisionRow(ctx, fileId, revisionId);
  await cutPending(ctx, fileId, () => true);
  const changes: ChangedCell[] = [];
  for (const d of (await differencesSince(ctx, fileId, target.seq)).values()) {
    const now = await current(d.sheetId, d.row, d.col);
    if (now === d.then) continue;
    await write({ sheetId: d.sheetId, row: d.row, col: d.col, value: d.then }, now);
    changes.push({ sheetId: d.sheetId, row: d.row, col: d.col, before: now, after: d.then });
  }
  const seq = await nextSeq(ctx, fileId);
  const id = await writeRevision(ctx, fileId, member.id, changes, 'restore', target.id);
  const names = await membersByIds(ctx.trx, ctx.corpId, [member.id]);
  return { id, seq, authorId: member.id, authorName: names.get(member.id)?.name ?? '', kind: 'restore', restoredFrom: target.id, cellsChanged: changes.length, createdAt: ctx.now };
}
