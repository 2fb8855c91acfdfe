import type { Ctx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { importComments } from './comments.service.ts';
import { DocsErrors } from './docs.errors.ts';
import { addSheet, insertFile, type FileView } from './files.service.ts';
import { SHEET_LIMITS } from './sheets.service.ts';
import { preparedRows, tables, type DocsTables } from './docs.tables.ts';
import { Workbook, WorkbookError, type SheetPart, type Size } from './xlsx.ts';

/** The largest .xlsx an import takes (a 1,000,000-cell sheet of short values is about 10 MB). */
export const IMPORT_BYTES = 64 * 1024 * 1024;
/**
 * Cells a statement inserts (6 values each, under SQLite's 32,766 parameters and PostgreSQL's
 * 65,535). Small enough that a batch dies young: at 5,000 the batches outlived V8's young
 * generation and an import's heap grew by 200 MB of garbage before it was collected.
 */
const CELL_BATCH = 500;
/** A full batch, compiled once (a batch built with the query builder costs more than its insert). */
const insertBatch = preparedRows(CELL_BATCH, (db, rows: DocsTables['docs_cells'][]) =>
  db.insertInto('docs_cells').values(rows.map((r) => ({ corp_id: r.corp_id, file_id: r.file_id, sheet_id: r.sheet_id, row: r.row, col: r.col, value: r.value }))),
);

const LIMIT_TEXT = { cells: '单元格 100 万', rows: '行 20 万', cols: '列 2000' } as const;

/** The first limit the size passes, if any. */
export function limitPassed(size: Size): keyof typeof SHEET_LIMITS | null {
  if (size.rows > SHEET_LIMITS.rows) return 'rows';
  if (size.cols > SHEET_LIMITS.cols) return 'cols';
  if (size.cells > SHEET_LIMITS.cells) return 'cells';
  return null;
}

function tooLarge(sheet: string, limit: keyof typeof SHEET_LIMITS, size: Size): DomainError {
  return new DomainError(DocsErrors['docs.sheet_too_large'], { sheet, limit, max: SHEET_LIMITS[limit], size }, `导入失败，请拆分单元格过多的工作表：「${sheet}」超过${LIMIT_TEXT[limit]}的上限（${size.rows} 行 × ${size.cols} 列）`);
}

/**
 * Imports an .xlsx as a new sheet file. Every sheet's size is checked against 1,000,000 cells,
 * 200,000 rows and 2,000 columns from its declared dimension before any cell is parsed, and a sheet
 * over a limit refuses the whole import naming the sheet and the limit (the seed's question 8).
 * Notes and threaded comments (批注) become comments on their cells (the seed's question 7).
 */
export async function importWorkbook(ctx: Ctx, input: { spaceId?: string | undefined; title: string; content: Buffer }): Promise<FileView & { sheets: number; cells: number; comments: number }> {
  let workbook: Workbook;
  try {
    workbook = await Workbook.open(input.content);
  } catch (error) {
    if (error instanceof WorkbookError) throw new DomainError(DocsErrors['docs.bad_workbook'], { reason: error.message });
    throw error;
  }
  for (const sheet of workbook.sheets) {
    const size = await workbook.size(sheet);
    const limit = limitPassed(size);
    if (limit) throw tooLarge(sheet.name, limit, size);
  }
  const file = await insertFile(ctx, { spaceId: input.spaceId, kind: 'sheet', title: input.title });
  let cells = 0;
  let comments = 0;
  for (const [position, sheet] of workbook.sheets.entries()) {
    const sheetId = await addSheet(ctx, file.id, sheet.name, position);
    const count = await insertCells(ctx, file.id, sheetId, sheet, workbook);
    cells += count;
    await tables(ctx.trx).updateTable('docs_sheets').set({ cell_count: count }).where('corp_id', '=', ctx.corpId).where('file_id', '=', file.id).where('id', '=', sheetId).execute();
    const notes = await workbook.notes(sheet);
    await importComments(ctx, file.id, notes.map((n) => ({ ...n, sheetId })));
    comments += notes.reduce((sum, n) => sum + 1 + n.replies.length, 0);
  }
  return { ...file, sheets: workbook.sheets.length, cells, comments };
}

/**
 * Inserts the sheet's cells a batch at a time as they are scanned, so no more than one batch is
 * held; a cell past a limit (a dimension that understated) refuses the import.
 */
async function insertCells(ctx: Ctx, fileId: string, sheetId: string, sheet: SheetPart, workbook: Workbook): Promise<number> {
  let count = 0;
  for await (const cells of workbook.cells(sheet, CELL_BATCH)) {
    const rows = cells.map((cell) => {
      count++;
      const size = { rows: cell.row + 1, cols: cell.col + 1, cells: count };
      const limit = limitPassed(size);
      if (limit) throw tooLarge(sheet.name, limit, size);
      return { corp_id: ctx.corpId, file_id: fileId, sheet_id: sheetId, row: cell.row, col: cell.col, value: cell.value };
    });
    if (rows.length === CELL_BATCH) await insertBatch.execute(ctx.trx, rows);
    else await tables(ctx.trx).insertInto('docs_cells').values(rows).execute();
  }
  return count;
}
