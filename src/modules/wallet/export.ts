import { PassThrough, Readable } from 'node:stream';
import type { Executor } from '../../platform/db/tables.ts';
import { chinaTime } from '../../platform/clock.ts';
import { formatYuan } from '../../platform/money.ts';
import { BOM, csvLine } from '../../platform/csv.ts';
import { loadExcel } from '../../platform/excel.ts';
import { markRow } from '../../platform/export-marks.ts';
import type { ExportLanguage } from '../../platform/http/schemas.ts';
import { catalogItem } from './catalog.ts';
import { TOPUP_CHANNELS } from './channels.ts';
import { ledgerQuery, withQuantities, type LedgerQuery, type LedgerRow } from './ledger.service.ts';
import type { TxnType } from './wallet.tables.ts';

/**
 * 资金明细 export: .csv (UTF-8 with BOM, so Excel shows Chinese) or .xlsx, streamed page by page, in
 * either language; `mark` is 暗水印 (exportMark).
 */
export const TXN_TYPE_ZH: Record<TxnType, string> = { topup: '充值', purchase: '购买', auto_deduct: '自动扣款', refund: '退款', manual_refund: '人工退款' };
const TXN_TYPE_EN: Record<TxnType, string> = { topup: 'Top-up', purchase: 'Purchase', auto_deduct: 'Auto-deduction', refund: 'Refund', manual_refund: 'Manual refund' };
const TEXTS = {
  'zh-CN': { sheet: '资金明细', header: ['交易时间', '交易类型', '购买详情', '交易金额(元)', '可用余额(元)', '操作者', '交易流水号'], types: TXN_TYPE_ZH, system: '系统' },
  en: { sheet: 'Fund ledger', header: ['Time', 'Type', 'Details', 'Amount (yuan)', 'Balance (yuan)', 'Operator', 'Serial number'], types: TXN_TYPE_EN, system: 'System' },
} as const;
const PAGE = 1000;

/**
 * What the row was for. In Chinese the text written with the movement; in English made from its
 * codes, as the console shows it (a manual refund keeps the reason the operator wrote).
 */
function details(row: LedgerRow, lang: ExportLanguage): string {
  if (lang === 'zh-CN') return row.description;
  if (row.type === 'topup') return row.channel ? `Top-up by ${TOPUP_CHANNELS[row.channel].en}` : TXN_TYPE_EN.topup;
  const item = row.item ? catalogItem(row.item)?.en : undefined;
  if (row.type === 'manual_refund' || !item) return row.description;
  const bought = row.quantity === null ? item : `${item} × ${row.quantity}`;
  return row.type === 'refund' ? `Refund: ${bought}` : bought;
}

function cells(row: LedgerRow, lang: ExportLanguage): string[] {
  const texts = TEXTS[lang];
  return [chinaTime(row.at), texts.types[row.type], details(row, lang), formatYuan(row.amountFen), formatYuan(row.balanceAfterFen), row.operatorKind === 'system' ? texts.system : row.operator, row.serialNo];
}

/** Oldest first, keyset-paged on `seq`, so a big ledger never sits in memory at once. */
async function* ledgerRows(db: Executor, corpId: string, query: LedgerQuery): AsyncGenerator<LedgerRow> {
  let after = 0;
  for (;;) {
    const rows = await ledgerQuery(db, corpId, query).where('seq', '>', after).orderBy('seq').limit(PAGE).execute();
    yield* await withQuantities(db, corpId, rows);
    if (rows.length < PAGE) return;
    after = Number(rows[rows.length - 1]!.seq);
  }
}

export function ledgerCsv(db: Executor, corpId: string, query: LedgerQuery, lang: ExportLanguage, mark = ''): Readable {
  return Readable.from(
    (async function* () {
      yield BOM + csvLine(markRow(TEXTS[lang].header, mark) as string[]);
      for await (const row of ledgerRows(db, corpId, query)) yield csvLine(markRow(cells(row, lang), mark) as string[]);
    })(),
  );
}

export function ledgerXlsx(db: Executor, corpId: string, query: LedgerQuery, lang: ExportLanguage, mark = ''): Readable {
  const stream = new PassThrough();
  void (async () => {
    const ExcelJS = await loadExcel();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    const { sheet: sheetName, header } = TEXTS[lang];
    const sheet = workbook.addWorksheet(sheetName);
    sheet.columns = header.map((_header, i) => ({ key: String(i), width: i === 2 ? 40 : 20, ...(i === 3 || i === 4 ? { style: { numFmt: '0.00' } } : {}) }));
    sheet.addRow(markRow([...header], mark)).commit();
    for await (const row of ledgerRows(db, corpId, query)) {
      const c = cells(row, lang);
      // Amounts as numbers with two decimals, so Excel can sum them.
      sheet.addRow(markRow([c[0], c[1], c[2], Number(c[3]), Number(c[4]), c[5], c[6]], mark)).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => stream.destroy(error instanceof Error ? error : new Error(String(error))));
  return stream;
}
