import { Readable, type Writable } from 'node:stream';
import { loadExcel } from '../../platform/excel.ts';
import { DomainError } from '../../platform/errors.ts';
import { BOM, csvLine, parseCsv } from '../../platform/csv.ts';
import { DirectoryErrors } from './directory.errors.ts';
import { stripMarks } from '../../platform/export-marks.ts';

export type FileFormat = 'xlsx' | 'csv';

/** A date cell as the calendar day it shows in China (Excel dates carry no zone). */
function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return dayOf(value);
  if (typeof value === 'object') {
    const v = value as { text?: unknown; richText?: { text: string }[]; result?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return cellText(v.text);
    if (v.result !== undefined) return cellText(v.result);
  }
  return '';
}

/** Every row of the file's first sheet as text cells (暗水印 marks dropped), header row included. Unreadable files are a 400. */
export async function readSheet(content: Buffer, format: FileFormat): Promise<string[][]> {
  if (format === 'csv') {
    const text = content.toString('utf8');
    if (text.includes('\u0000')) throw new DomainError(DirectoryErrors['directory.import_unreadable'], { format });
    return parseCsv(stripMarks(text));
  }
  const ExcelJS = await loadExcel();
  const rows: string[][] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(content), { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        // exceljs rows are 1-based: values[0] is always empty.
        for (let c = 1; c < values.length; c++) cells[c - 1] = stripMarks(cellText(values[c])).trim();
        for (let c = 0; c < cells.length; c++) cells[c] ??= '';
        // Keep row numbers true to the sheet: fill skipped (empty) rows.
        while (rows.length < row.number - 1) rows.push([]);
        rows.push(cells);
      }
      break;
    }
  } catch {
    throw new DomainError(DirectoryErrors['directory.import_unreadable'], { format });
  }
  return rows;
}

/** Writes rows as .csv (UTF-8 with BOM) or .xlsx (exceljs streaming writer) into `out`. */
export async function writeSheet(out: Writable, format: FileFormat, sheetName: string, header: string[], rows: AsyncIterable<(string | null)[]>): Promise<void> {
  if (format === 'csv') {
    const write = (chunk: string) => (out.write(chunk) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
    await write(BOM + csvLine(header));
    for await (const row of rows) await write(csvLine(row));
    await new Promise<void>((resolve) => out.end(() => resolve()));
    return;
  }
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header).commit();
  for await (const row of rows) sheet.addRow(row.map((v) => v ?? '')).commit();
  sheet.commit();
  await workbook.commit();
}
