// 文档/表格 (issue 15), on SQLite (the file engine), against `banyan serve` in a process of its own
// (as deployed: the bundle, --max-semi-space-size=8), so its memory and its thread are its own; the
// HTTP client runs in a worker thread of this process.
// 1. Rejection of a sheet declaring 1,000,002 cells (A1:F166667): the dimension is read from the
//    head of the sheet XML, no cell is parsed. Targets: ≤ 1 s, ≤ 100 MB. Run first, so the
//    server's high-water mark is its own.
// 2. Import of a 200,000 × 5 sheet (1,000,000 cells) over HTTP: time and the server's peak RSS.
//    Baseline in the same run: the parser alone (open, size, scan every cell as the import does),
//    in a process of its own (bench/docs-parse.ts). Targets: ≤ 15 s, ≤ 500 MB.
// 3. Cell edits on one sheet over HTTP (PATCH …/cells, one cell each), arriving at 1,000 a second
//    for 3 s whatever the answers (an open loop: a latency counts from the moment the edit was due,
//    so a server falling behind shows it); then as fast as 50 clients go (a closed loop).
//    Baselines in the same run: a one-row read of the same sheet over HTTP at the same rate (the
//    HTTP, session and access cost alone), and a bare insert of the same cells into the same
//    database file, one transaction each. Targets: 1,000 edits/s, p99 ≤ 50 ms.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { xlsxFixture } from '../src/modules/docs/testing/index.ts';
import { postAll, type HttpRequest } from './http-requests.ts';
import { register, send } from './http-session.ts';
import type { BenchResult } from './types.ts';
import { percentile, round } from './types.ts';

const ROOT = join(import.meta.dirname, '..');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PORT = 18931;
const RATE = 1_000;
const SECONDS = 3;
const CLOSED_EDITS = 2_000;
const CLIENTS = 50;
/** Enough connections that edits due while others are answered need not wait for one. */
const CONNECTIONS = 128;

/** The server's resident memory now and its high-water mark, in MB (/proc/<pid>/status). */
function memory(child: ChildProcess): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]);
  return { rss: round(kb('VmRSS') / 1024, 0), peak: round(kb('VmHWM') / 1024, 0) };
}

async function serve(dataDir: string): Promise<ChildProcess> {
  // A console of one page: without one, `serve` builds the console first, in the measured process.
  const webDir = join(dataDir, 'web');
  mkdirSync(webDir);
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>bench</title>');
  const args = ['--max-semi-space-size=8', 'bin/banyan.js', 'serve', '--data-dir', dataDir, '--web-dir', webDir, '--host', '127.0.0.1', '--port', String(PORT), '--wecom-port', '0', '--rate-limit', '0', '--scrypt-log-n', '4', '--log-level', 'warn'];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`banyan serve exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/readyz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const latencies = (answers: { ms: number }[]) => `p50 ${round(percentile(answers.map((a) => a.ms), 50))} ms, p99 ${round(percentile(answers.map((a) => a.ms), 99))} ms`;

export async function run(): Promise<BenchResult> {
  const load = loadavg().map((l) => round(l, 1)).join(', ');
  const rows: Record<string, string | number>[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'banyan-bench-docs-'));
  const url = `http://127.0.0.1:${PORT}`;
  const server = await serve(dataDir);
  try {
    const who = await register(url, 'benchdocs');
    const headers = { cookie: who.cookie, 'x-csrf-token': who.csrf };
    const importing = (title: string, body: Buffer) => fetch(`${url}/api/v1/docs/imports?title=${encodeURIComponent(title)}`, { method: 'POST', headers: { ...headers, 'content-type': XLSX }, body: new Uint8Array(body) });
    const idle = memory(server);
    rows.push({ case: 'banyan serve, signed in, idle', status: '-', seconds: '-', memory: `RSS ${idle.rss} MB`, target: '-' });

    // 1. Rejection first: the server's high-water mark is then its own.
    const over = await xlsxFixture([{ name: '超限', dimension: 'A1:F166667', fill: { rows: 166_667, cols: 6 } }]);
    let started = performance.now();
    const refused = await importing('超限', over);
    await refused.arrayBuffer();
    let seconds = (performance.now() - started) / 1000;
    let mem = memory(server);
    rows.push({ case: 'reject 1,000,002 cells (A1:F166667)', status: refused.status, seconds: round(seconds, 2), memory: `peak ${mem.peak} MB (+${mem.peak - idle.rss} over idle)`, target: '≤ 1 s, ≤ 100 MB' });

    // 2. The parser alone, in its own process, then the whole import.
    const sheet = await xlsxFixture([{ name: '明细', dimension: 'A1:E200000', fill: { rows: 200_000, cols: 5 } }]);
    const file = join(dataDir, 'sheet.xlsx');
    writeFileSync(file, sheet);
    const parsed = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'docs-parse.ts'), file], { cwd: ROOT, encoding: 'utf8' });
    const parser = JSON.parse(parsed.stdout) as { seconds: number; cells: number; idleMB: number; peakMB: number };
    rows.push({ case: `parser alone, own process (${parser.cells} cells)`, status: '-', seconds: round(parser.seconds, 2), memory: `peak ${round(parser.peakMB, 0)} MB (+${round(parser.peakMB - parser.idleMB, 0)} over idle)`, target: 'baseline' });
    const before = memory(server);
    started = performance.now();
    const imported = await importing('明细', sheet);
    const body = (await imported.json()) as { id: string; cells: number };
    seconds = (performance.now() - started) / 1000;
    mem = memory(server);
    rows.push({ case: `import 200,000 × 5 over HTTP (${body.cells} cells)`, status: imported.status, seconds: round(seconds, 2), memory: `peak ${mem.peak} MB (+${mem.peak - before.rss} over before)`, target: '≤ 15 s, ≤ 500 MB' });

    // 3. Edits on one sheet: open loop at RATE, then closed loop; the read baseline at RATE.
    const created = (await send(url, who, 'POST', '/api/v1/docs/files', { kind: 'sheet', title: '并发' })) as { id: string };
    const sheets = (await (await fetch(`${url}/api/v1/docs/files/${created.id}/sheets`, { headers })).json()) as { items: { id: string }[] };
    const cellsPath = `/api/v1/docs/files/${created.id}/sheets/${sheets.items[0]!.id}/cells`;
    const edit = (i: number, col: number, atMs?: number): HttpRequest => ({ method: 'PATCH', path: cellsPath, body: { cells: [{ row: i, col, value: `v${i}` }] }, headers, ...(atMs === undefined ? {} : { atMs }) });
    const reads = await postAll(url, CONNECTIONS, Array.from({ length: RATE * SECONDS }, (_, i) => ({ method: 'GET', path: `${cellsPath}?fromRow=${i % 1000}&toRow=${(i % 1000) + 1}`, body: null, headers, atMs: (i * 1000) / RATE })));
    const readOk = reads.results.filter((r) => r.status === 200);
    rows.push({ case: `baseline: one-row read at ${RATE}/s for ${SECONDS} s (${reads.results.length - readOk.length} failed)`, status: round(readOk.length / reads.seconds, 0), seconds: round(reads.seconds, 2), memory: latencies(readOk), target: 'baseline' });
    const open = await postAll(url, CONNECTIONS, Array.from({ length: RATE * SECONDS }, (_, i) => edit(i, 0, (i * 1000) / RATE)));
    const openOk = open.results.filter((r) => r.status === 200);
    rows.push({ case: `cell edits arriving at ${RATE}/s for ${SECONDS} s (${open.results.length - openOk.length} failed)`, status: round(openOk.length / open.seconds, 0), seconds: round(open.seconds, 2), memory: latencies(openOk), target: `${RATE}/s, p99 ≤ 50 ms` });
    const closed = await postAll(url, CLIENTS, Array.from({ length: CLOSED_EDITS }, (_, i) => edit(i, 1)));
    const closedOk = closed.results.filter((r) => r.status === 200);
    rows.push({ case: `${CLOSED_EDITS} cell edits, ${CLIENTS} clients as fast as answered (${closed.results.length - closedOk.length} failed)`, status: round(closedOk.length / closed.seconds, 0), seconds: round(closed.seconds, 2), memory: latencies(closedOk), target: 'throughput' });

    // The bare insert, on the same file with the server's settings, once the server is idle.
    const raw = new SqliteDatabase(join(dataDir, 'banyan.db'));
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.pragma('busy_timeout = 5000');
    const insert = raw.prepare('insert into docs_cells (corp_id, file_id, sheet_id, row, col, value) values (?, ?, ?, ?, ?, ?)');
    const bare: { ms: number }[] = [];
    started = performance.now();
    for (let i = 0; i < RATE; i++) {
      const at = performance.now();
      insert.run('bench', created.id, 'bare', i, 0, `v${i}`);
      bare.push({ ms: performance.now() - at });
    }
    seconds = (performance.now() - started) / 1000;
    raw.close();
    rows.push({ case: `baseline: bare insert of ${RATE} cells, one transaction each`, status: round(RATE / seconds, 0), seconds: round(seconds, 2), memory: latencies(bare), target: 'baseline' });
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.on('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
  return {
    name: 'docs',
    rows,
    notes: [
      'status: the HTTP status, or answers per second for the rows of many requests; memory: the server process (VmRSS, VmHWM) or, for the parser, its own process; for the rows of many requests, latencies',
      `machine load average at start: ${load}`,
    ],
  };
}
