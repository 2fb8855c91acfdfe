import type { ReadCtx } from '../../platform/context.ts';
import { loadExcel } from '../../platform/excel.ts';
import { listComments } from './comments.service.ts';
import { requireSheetFile } from './sheets.service.ts';
import { tables } from './docs.tables.ts';

/**
 * The sheet file as .xlsx: its sheets and cells, and each cell's comment threads as the cell's
 * note ("author: text" a line). exceljs writes the parts WPS and Office both read, so the file may
 * be larger than the one imported (the seed's question 6). `mark` is 暗水印 (exportMark); an import drops it.
 */
export async function exportWorkbook(ctx: ReadCtx, fileId: string, mark = ''): Promise<{ title: string; content: Buffer }> {
  const { file } = await requireSheetFile(ctx, fileId, 'view');
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  const db = tables(ctx.trx);
  const sheets = await db.selectFrom('docs_sheets').select(['id', 'name']).where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).orderBy('position').execute();
  const { threads } = await listComments(ctx, fileId);
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    const cells = await db.selectFrom('docs_cells').select(['row', 'col', 'value']).where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).where('sheet_id', '=', sheet.id).execute();
    // 暗水印 (exportMark) after the first cell of each row: a row copied out still names who exported it.
    const first = new Map<number, number>();
    for (const c of cells) if ((first.get(c.row) ?? Infinity) > c.col) first.set(c.row, c.col);
    for (const c of cells) ws.getCell(c.row + 1, c.col + 1).value = first.get(c.row) === c.col ? c.value + mark : c.value;
    const notes = new Map<string, string[]>();
    for (const t of threads.filter((t) => t.sheetId === sheet.id && t.row !== null && t.col !== null)) {
      const key = `${t.row}:${t.col}`;
      const lines = notes.get(key) ?? [];
      for (const c of [t, ...t.replies]) lines.push(`${c.authorName}: ${c.body}`);
      notes.set(key, lines);
    }
    for (const [key, lines] of notes) {
      const [row, col] = key.split(':').map(Number) as [number, number];
      ws.getCell(row + 1, col + 1).note = lines.join('\n');
    }
  }
  return { title: file.title, content: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
