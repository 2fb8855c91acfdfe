// 文档/表格 (issue 15), on SQLite (the file engine):
// 1. Import of a 200,000 × 5 sheet (1,000,000 cells) over HTTP: time and the process's peak RSS.
//    Baseline in the same run: the parser alone (open, size from the dimension, scan every cell).
//    Targets: ≤ 15 s, ≤ 500 MB.
// 2. Rejection of a sheet declaring 1,000,001 cells (A1:E200000 plus a sixth column's one row:
//    A1:F166667): the dimension is read from the head of the sheet XML, no cell is parsed.
//    Targets: ≤ 1 s, ≤ 100 MB. Run first, so the RSS peak is its own.
// 3. 1,000 cell edits on one sheet, 50 at a time, over HTTP (PATCH …/cells, one cell each):
//    edits/s and p99. Baseline in the same run: a bare insert of the same cells into the same table.
//    Targets: ≥ 1,000 edits/s, p99 ≤ 50 ms.
// The HTTP client runs in this process (fetch), sharing the server's thread: the numbers are lower bounds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../src/server.ts';
import { testConfig } from '../test/support/app.ts';
import { docsTables, scanCells, Workbook, xlsxFixture } from '../src/modules/docs/testing/index.ts';
import { register } from './http-session.ts';
import type { BenchResult } from './types.ts';
import { percentile, round } from './types.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EDITS = 1_000;
const IN_FLIGHT = 50;
const mb = () => round(process.resourceUsage().maxRSS / 1024, 0);

export async function run(): Promise<BenchResult> {
  const rows: Record<string, string | number>[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'banyan-bench-docs-'));
  const server = await startServer(testConfig({ host: '127.0.0.1', port: 0, dataDir, workers: false, rateLimitPerMinute: 0 }));
  try {
    const who = await register(server.url, 'benchdocs');
    const headers = (type: string) => ({ 'content-type': type, cookie: who.cookie, 'x-csrf-token': who.csrf });
    const importing = (title: string, body: Buffer) => fetch(`${server.url}/api/v1/docs/imports?title=${encodeURIComponent(title)}`, { method: 'POST', headers: headers(XLSX), body: new Uint8Array(body) });

    // 2. Rejection first: its RSS peak is then its own.
    const over = await xlsxFixture([{ name: '超限', dimension: 'A1:F166667', fill: { rows: 166_667, cols: 6 } }]);
    let started = performance.now();
    const refused = await importing('超限', over);
    rows.push({ case: 'reject 1,000,002 cells (A1:F166667)', status: refused.status, seconds: round((performance.now() - started) / 1000, 2), peakRssMB: mb(), target: '≤ 1 s, ≤ 100 MB' });

    // 1. The parser alone, then the whole import.
    const sheet = await xlsxFixture([{ name: '明细', dimension: 'A1:E200000', fill: { rows: 200_000, cols: 5 } }]);
    started = performance.now();
    const book = await Workbook.open(sheet);
    const size = await book.size(book.sheets[0]!);
    let cells = 0;
    for (const _ of scanCells(await book.sheetXml(book.sheets[0]!), await book.sharedStrings())) cells++;
    rows.push({ case: `parser alone (${size.rows} × ${size.cols}, ${cells} cells)`, status: '-', seconds: round((performance.now() - started) / 1000, 2), peakRssMB: mb(), target: 'baseline' });
    started = performance.now();
    const imported = await importing('明细', sheet);
    const body = (await imported.json()) as { id: string; cells: number };
    rows.push({ case: `import 200,000 × 5 over HTTP (${body.cells} cells)`, status: imported.status, seconds: round((performance.now() - started) / 1000, 2), peakRssMB: mb(), target: '≤ 15 s, ≤ 500 MB' });

    // 3. Concurrent edits on one sheet.
    const created = await fetch(`${server.url}/api/v1/docs/files`, { method: 'POST', headers: headers('application/json'), body: JSON.stringify({ kind: 'sheet', title: '并发' }) });
    const fileId = ((await created.json()) as { id: string }).id;
    const sheets = await fetch(`${server.url}/api/v1/docs/files/${fileId}/sheets`, { headers: headers('application/json') });
    const sheetId = ((await sheets.json()) as { items: { id: string }[] }).items[0]!.id;
    const latencies: number[] = [];
    let next = 0;
    let failed = 0;
    started = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        for (let i = next++; i < EDITS; i = next++) {
          const at = performance.now();
          const res = await fetch(`${server.url}/api/v1/docs/files/${fileId}/sheets/${sheetId}/cells`, { method: 'PATCH', headers: headers('application/json'), body: JSON.stringify({ cells: [{ row: i, col: 0, value: `v${i}` }] }) });
          await res.arrayBuffer();
          if (res.status !== 200) failed++;
          latencies.push(performance.now() - at);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    rows.push({ case: `${EDITS} cell edits, ${IN_FLIGHT} in flight, over HTTP (${failed} failed)`, status: round(EDITS / seconds, 0), seconds: round(seconds, 2), peakRssMB: `p50 ${round(percentile(latencies, 50))} ms, p99 ${round(percentile(latencies, 99))} ms`, target: '≥ 1,000/s, p99 ≤ 50 ms' });
    const bare: number[] = [];
    started = performance.now();
    const db = docsTables(server.deps.db);
    for (let i = 0; i < EDITS; i++) {
      const at = performance.now();
      await db.insertInto('docs_cells').values({ corp_id: 'bench', file_id: fileId, sheet_id: 'bare', row: i, col: 0, value: `v${i}` }).execute();
      bare.push(performance.now() - at);
    }
    const bareSeconds = (performance.now() - started) / 1000;
    rows.push({ case: `bare insert of ${EDITS} cells, one at a time`, status: round(EDITS / bareSeconds, 0), seconds: round(bareSeconds, 2), peakRssMB: `p50 ${round(percentile(bare, 50), 2)} ms, p99 ${round(percentile(bare, 99), 2)} ms`, target: 'baseline' });
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { name: 'docs', rows, notes: ['status column: HTTP status, or edits/s for the edit rows; peakRssMB: the process peak so far (monotonic), or latencies for the edit rows'] };
}
