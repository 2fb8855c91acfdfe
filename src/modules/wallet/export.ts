import { PassThrough, Readable } from 'node:stream';
import type { Executor } from '../../platform/db/tables.ts';
import { chinaTime } from '../../platform/clock.ts';
import { formatYuan } from '../../platform/money.ts';
import { BOM, csvLine } from '../../platform/csv.ts';
import { loadExcel } from '../../platform/excel.ts';
import { markRow } from '../../platform/export-marks.ts';
import { ledgerQuery, toLedgerRow, type LedgerQuery, type LedgerRow } from './ledger.service.ts';
import type { TxnType } from './wallet.tables.ts';

/** 资金明细 export: .csv (UTF-8 with BOM, so Excel shows Chinese) or .xlsx, streamed page by page; `mark` is 暗水印 (exportMark). */
export const TXN_TYPE_ZH: Record<TxnType, string> = { topup: '充值', purchase: '购买', auto_deduct: '自动扣款', refund: '退款', manual_refund: '人工退款' };
const HEADER = ['交易时间', '交易类型', '购买详情', '交易金额(元)', '可用余额(元)', '操作者', '交易流水号'];
const PAGE = 1000;

function cells(row: LedgerRow): string[] {
  return [chinaTime(row.at), TXN_TYPE_ZH[row.type], row.description, formatYuan(row.amountFen), formatYuan(row.balanceAfterFen), row.operatorKind === 'system' ? '系统' : row.operator, row.serialNo];
}

/** Oldest first, keyset-paged on `seq`, so a big ledger never sits in memory at once. */
async function* ledgerRows(db: Executor, corpId: string, query: LedgerQuery): AsyncGenerator<LedgerRow> {
  let after = 0;
  for (;;) {
    const rows = await ledgerQuery(db, corpId, query).where('seq', '>', after).orderBy('seq').limit(PAGE).execute();
    for (const row of rows) yield toLedgerRow(row);
    if (rows.length < PAGE) return;
    after = Number(rows[rows.length - 1]!.seq);
  }
}

export function ledgerCsv(db: Executor, corpId: string, query: LedgerQuery, mark = ''): Readable {
  return Readable.from(
    (async function* () {
      yield BOM + csvLine(markRow(HEADER, mark) as string[]);
      for await (const row of ledgerRows(db, corpId, query)) yield csvLine(markRow(cells(row), mark) as string[]);
    })(),
  );
}

export function ledgerXlsx(db: Executor, corpId: string, query: LedgerQuery, mark = ''): Readable {
  const stream = new PassThrough();
  void (async () => {
    const ExcelJS = await loadExcel();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet('资金明细');
    sheet.columns = HEADER.map((_header, i) => ({ key: String(i), width: i === 2 ? 40 : 20, ...(i === 3 || i === 4 ? { style: { numFmt: '0.00' } } : {}) }));
    sheet.addRow(markRow(HEADER, mark)).commit();
    for await (const row of ledgerRows(db, corpId, query)) {
      const c = cells(row);
      // Amounts as numbers with two decimals, so Excel can sum them.
      sheet.addRow(markRow([c[0], c[1], c[2], Number(c[3]), Number(c[4]), c[5], c[6]], mark)).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => stream.destroy(error instanceof Error ? error : new Error(String(error))));
  return stream;
}
