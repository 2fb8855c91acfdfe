import { PassThrough, type Readable } from 'node:stream';
import { markRow } from './export-marks.ts';
type ExcelJS = typeof import('exceljs');

/** exceljs costs ~0.35 s and ~28 MB to load: it is loaded on the first import or export, not at start-up. */
export async function loadExcel(): Promise<ExcelJS> {
  return ((await import('exceljs')) as { default: ExcelJS }).default;
}

export interface PagedSheet<Item> {
  sheetName: string;
  headers: readonly string[];
  /** Column widths in characters, by column; 20 where not given. */
  widths?: Readonly<Record<number, number>>;
  /** One page of the items after `cursor` (undefined: the first), and the cursor of the next page (null: the last). */
  page: (cursor: string | undefined) => Promise<{ items: readonly Item[]; nextCursor: string | null }>;
  row: (item: Item) => unknown[];
  /** 暗水印 (exportMark) after the first text cell of every row, the header's included; '' for none. */
  mark?: string;
}

/**
 * A one-sheet .xlsx of every item, the header row first, written page by page as it is read so
 * that a long log is never held in memory. An error while reading destroys the stream with it.
 */
export function pagedXlsx<Item>(spec: PagedSheet<Item>): Readable {
  const stream = new PassThrough();
  void (async () => {
    const ExcelJS = await loadExcel();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
    const sheet = workbook.addWorksheet(spec.sheetName);
    sheet.columns = spec.headers.map((_header, i) => ({ key: String(i), width: spec.widths?.[i] ?? 20 }));
    const mark = spec.mark ?? '';
    sheet.addRow(markRow(spec.headers, mark)).commit();
    let cursor: string | undefined;
    do {
      const page = await spec.page(cursor);
      for (const item of page.items) sheet.addRow(markRow(spec.row(item), mark)).commit();
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => stream.destroy(error instanceof Error ? error : new Error(String(error))));
  return stream;
}
