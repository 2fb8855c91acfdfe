// The parser-alone baseline of bench/docs.bench.ts, in a process of its own so its memory is its
// own: opens the .xlsx at argv[2], sizes its first sheet and scans every cell in batches as the
// import does, and prints { seconds, cells, idleMB, peakMB } (idle: the resident memory before the
// file is read; peak: the process's high-water mark).
import { readFileSync } from 'node:fs';
import { Workbook } from '../src/modules/docs/testing/index.ts';

const idleMB = process.memoryUsage().rss / 1048576;
const started = performance.now();
const book = await Workbook.open(readFileSync(process.argv[2]!));
const sheet = book.sheets[0]!;
const size = await book.size(sheet);
let cells = 0;
for await (const batch of book.cells(sheet, 5_000)) cells += batch.length;
const seconds = (performance.now() - started) / 1000;
process.stdout.write(JSON.stringify({ seconds, cells, size, idleMB, peakMB: process.resourceUsage().maxRSS / 1024 }));
