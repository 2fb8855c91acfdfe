import type { Ctx, ReadCtx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { requireMember } from '../../platform/policy/index.ts';
import { requireFile } from './access.ts';
import { DocsErrors } from './docs.errors.ts';
import { touchFile } from './files.service.ts';
import { cutPending, cutRevisionOf, REVISION_CELLS, restoreRevision, type RevisionView } from './revisions.service.ts';
import { prepared, tables } from './docs.tables.ts';

/** 目前一个 sheet 中的单元格支持 100 万，行 20 万，列 2000 (the seed's question 8). */
export const SHEET_LIMITS = { cells: 1_000_000, rows: 200_000, cols: 2_000 } as const;

export interface Cell {
  row: number;
  col: number;
  value: string;
}
export interface SheetView {
  id: string;
  name: string;
  position: number;
  cellCount: number;
}

export async function requireSheetFile(ctx: ReadCtx, fileId: string, needed: 'view' | 'edit') {
  const found = await requireFile(ctx, fileId, needed);
  if (found.file.kind !== 'sheet') throw new DomainError(DocsErrors['docs.not_a_sheet']);
  return found;
}

async function sheetRow(ctx: ReadCtx, fileId: string, sheetId: string) {
  const sheet = await tables(ctx.trx).selectFrom('docs_sheets').selectAll().where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).where('id', '=', sheetId).executeTakeFirst();
  if (!sheet) throw new DomainError('not_found', { sheetId });
  return sheet;
}

export async function listSheets(ctx: ReadCtx, fileId: string): Promise<SheetView[]> {
  await requireSheetFile(ctx, fileId, 'view');
  const rows = await tables(ctx.trx).selectFrom('docs_sheets').selectAll().where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).orderBy('position').execute();
  return rows.map((s) => ({ id: s.id, name: s.name, position: s.position, cellCount: Number(s.cell_count) }));
}

/** The non-empty cells of rows `fromRow` ≤ row < `toRow`, row by row. */
export async function readCells(ctx: ReadCtx, fileId: string, sheetId: string, range: { fromRow: number; toRow: number }): Promise<Cell[]> {
  await requireSheetFile(ctx, fileId, 'view');
  await sheetRow(ctx, fileId, sheetId);
  return tables(ctx.trx)
    .selectFrom('docs_cells')
    .select(['row', 'col', 'value'])
    .where('corp_id', '=', ctx.corpId)
    .where('file_id', '=', fileId)
    .where('sheet_id', '=', sheetId)
    .where('row', '>=', range.fromRow)
    .where('row', '<', range.toRow)
    .orderBy('row')
    .orderBy('col')
    .execute();
}

export async function cellValue(ctx: ReadCtx, fileId: string, sheetId: string, row: number, col: number): Promise<string> {
  const found = await tables(ctx.trx)
    .selectFrom('docs_cells')
    .select('value')
    .where('corp_id', '=', ctx.corpId)
    .where('file_id', '=', fileId)
    .where('sheet_id', '=', sheetId)
    .where('row', '=', row)
    .where('col', '=', col)
    .executeTakeFirst();
  return found?.value ?? '';
}

/** Writes one cell's value ('' empties it); returns how the sheet's cell count moved. */
export async function writeCell(ctx: Ctx, fileId: string, sheetId: string, cell: Cell, before: string): Promise<number> {
  const db = tables(ctx.trx);
  if (cell.value === '') {
    await db.deleteFrom('docs_cells').where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).where('sheet_id', '=', sheetId).where('row', '=', cell.row).where('col', '=', cell.col).execute();
    return before === '' ? 0 : -1;
  }
  if (before === '') {
    await db.insertInto('docs_cells').values({ corp_id: ctx.corpId, file_id: fileId, sheet_id: sheetId, row: cell.row, col: cell.col, value: cell.value }).execute();
    return 1;
  }
  await db.updateTable('docs_cells').set({ value: cell.value }).where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).where('sheet_id', '=', sheetId).where('row', '=', cell.row).where('col', '=', cell.col).execute();
  return 0;
}

export async function addToCellCount(ctx: Ctx, fileId: string, sheetId: string, delta: number): Promise<void> {
  if (delta === 0) return;
  await tables(ctx.trx)
    .updateTable('docs_sheets')
    .set((eb) => ({ cell_count: eb('cell_count', '+', delta) }))
    .where('corp_id', '=', ctx.corpId)
    .where('file_id', '=', fileId)
    .where('id', '=', sheetId)
    .execute();
}

/** Before an edit: whether anyone else has changes pending on the file, and how many the editor has. */
const pendingState = prepared((db, p: { corpId: string; fileId: string; authorId: string }) =>
  db.selectNoFrom((eb) => [
    eb.selectFrom('docs_pending_cells').select('author_id').where('corp_id', '=', p.corpId).where('file_id', '=', p.fileId).where('author_id', '<>', p.authorId).limit(1).as('other'),
    eb.selectFrom('docs_pending_cells').select((e) => e.fn.countAll<number>().as('n')).where('corp_id', '=', p.corpId).where('file_id', '=', p.fileId).where('author_id', '=', p.authorId).as('mine'),
  ]),
);
/** A cell's value now, and whether it is among the editor's pending changes. */
const cellState = prepared((db, p: { corpId: string; fileId: string; sheetId: string; authorId: string; row: number; col: number }) =>
  db.selectNoFrom((eb) => [
    eb.selectFrom('docs_cells').select('value').where('corp_id', '=', p.corpId).where('file_id', '=', p.fileId).where('sheet_id', '=', p.sheetId).where('row', '=', p.row).where('col', '=', p.col).as('value'),
    eb.selectFrom('docs_pending_cells').select('seq').where('corp_id', '=', p.corpId).where('file_id', '=', p.fileId).where('author_id', '=', p.authorId).where('sheet_id', '=', p.sheetId).where('row', '=', p.row).where('col', '=', p.col).as('pending'),
  ]),
);
const upsertCell = prepared((db, p: { corpId: string; fileId: string; sheetId: string; row: number; col: number; value: string }) =>
  db
    .insertInto('docs_cells')
    .values({ corp_id: p.corpId, file_id: p.fileId, sheet_id: p.sheetId, row: p.row, col: p.col, value: p.value })
    .onConflict((oc) => oc.columns(['corp_id', 'file_id', 'sheet_id', 'row', 'col']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value') }))),
);
const deleteCell = prepared((db, p: { corpId: string; fileId: string; sheetId: string; row: number; col: number }) =>
  db.deleteFrom('docs_cells').where('corp_id', '=', p.corpId).where('file_id', '=', p.fileId).where('sheet_id', '=', p.sheetId).where('row', '=', p.row).where('col', '=', p.col),
);
/** A pending change: a new one keeps its value before; a cell already pending takes only its new value. */
const upsertPending = prepared((db, p: { corpId: string; fileId: string; authorId: string; sheetId: string; row: number; col: number; before: string; after: string; seq: number }) =>
  db
    .insertInto('docs_pending_cells')
    .values({ corp_id: p.corpId, file_id: p.fileId, author_id: p.authorId, sheet_id: p.sheetId, row: p.row, col: p.col, before_value: p.before, after_value: p.after, seq: p.seq })
    .onConflict((oc) => oc.columns(['corp_id', 'file_id', 'author_id', 'sheet_id', 'row', 'col']).doUpdateSet((eb) => ({ after_value: eb.ref('excluded.after_value') }))),
);
/** Moves the sheet's cell count, and tells whether the sheet exists and how many cells it now holds. */
const countCells = prepared((db, p: { corpId: string; fileId: string; sheetId: string; delta: number }) =>
  db
    .updateTable('docs_sheets')
    .set((eb) => ({ cell_count: eb('cell_count', '+', p.delta) }))
    .where('corp_id', '=', p.corpId)
    .where('file_id', '=', p.fileId)
    .where('id', '=', p.sheetId)
    .returning('cell_count'),
);

/**
 * A member edits cells. Each changed cell joins the member's pending changes; at the 50th a
 * revision is cut (the seed's question 9: 根据个人修改 50 个单元格). Before the member's first change,
 * the pending changes of anyone else on the file become their revisions (其他人参与修改时每个人会生成
 * 一个历史记录). A cell outside 200,000 rows × 2,000 columns, or a sheet passing 1,000,000 cells,
 * refuses the whole edit. Returns the cells that changed.
 *
 * A one-cell edit is seven small prepared statements (the file with the member's role, the pending
 * state, the cell's state, its write, its pending change, the sheet's count, the file's time); an
 * unknown sheet or a full one is found by the count's update, and the command's transaction (its
 * savepoint, in a group commit) takes every write back.
 */
export async function editCells(ctx: Ctx, fileId: string, sheetId: string, cells: Cell[]): Promise<{ changed: number; revisionsCut: number }> {
  const member = requireMember(ctx);
  const { file } = await requireSheetFile(ctx, fileId, 'edit');
  for (const cell of cells) {
    if (cell.row >= SHEET_LIMITS.rows || cell.col >= SHEET_LIMITS.cols) throw new DomainError(DocsErrors['docs.cell_out_of_range'], { row: cell.row, col: cell.col, limits: SHEET_LIMITS });
  }
  const key = { corpId: ctx.corpId, fileId, authorId: member.id };
  const state = (await pendingState.execute(ctx.trx, key)).rows[0]!;
  let revisionsCut = state.other === null ? 0 : await cutPending(ctx, fileId, (author) => author !== member.id);
  let mine = Number(state.mine ?? 0);
  let delta = 0;
  let changed = 0;
  for (const cell of cells) {
    const at = { corpId: ctx.corpId, fileId, sheetId, row: cell.row, col: cell.col };
    const now = (await cellState.execute(ctx.trx, { ...at, authorId: member.id })).rows[0]!;
    const before = now.value ?? '';
    if (before === cell.value) continue;
    changed++;
    if (cell.value === '') {
      await deleteCell.execute(ctx.trx, at);
      delta--;
    } else {
      await upsertCell.execute(ctx.trx, { ...at, value: cell.value });
      if (before === '') delta++;
    }
    await upsertPending.execute(ctx.trx, { ...at, authorId: member.id, before, after: cell.value, seq: mine });
    if (now.pending !== null) continue;
    mine++;
    if (mine === REVISION_CELLS) {
      await cutRevisionOf(ctx, fileId, member.id);
      mine = 0;
      revisionsCut++;
    }
  }
  const counted = (await countCells.execute(ctx.trx, { corpId: ctx.corpId, fileId, sheetId, delta })).rows[0];
  if (!counted) throw new DomainError('not_found', { sheetId });
  if (Number(counted.cell_count) > SHEET_LIMITS.cells) throw new DomainError(DocsErrors['docs.sheet_full'], { limit: SHEET_LIMITS.cells });
  if (Number(file.updated_at) !== ctx.now) await touchFile(ctx, fileId);
  return { changed, revisionsCut };
}

/** Restores a sheet file to a revision (a new revision of its own), keeping each sheet's cell count. */
export async function restoreSheet(ctx: Ctx, fileId: string, revisionId: string): Promise<RevisionView> {
  await requireSheetFile(ctx, fileId, 'edit');
  const deltas = new Map<string, number>();
  const revision = await restoreRevision(
    ctx,
    fileId,
    revisionId,
    async (cell, before) => {
      const delta = await writeCell(ctx, fileId, cell.sheetId, cell, before);
      deltas.set(cell.sheetId, (deltas.get(cell.sheetId) ?? 0) + delta);
    },
    (sheetId, row, col) => cellValue(ctx, fileId, sheetId, row, col),
  );
  for (const [sheetId, delta] of deltas) await addToCellCount(ctx, fileId, sheetId, delta);
  return revision;
}
