// The file store (issue 14, 文件防泄漏), on SQLite: uploads of a 20 MiB file (the default limit) over
// HTTP, streamed to disk while hashed: seconds each, MiB/s and the process's RSS growth, which stays
// far below the file's size when nothing is buffered whole. Baseline in the same run: hashing and
// writing the same bytes with node:fs alone. Then a file one byte over the limit (its declared length
// is within the form's allowance, so the cut happens while streaming): its 413 and time.
// The HTTP client runs in this process (fetch), sharing the server's thread: the numbers are lower bounds.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../src/server.ts';
import { testConfig } from '../test/support/app.ts';
import { register } from './http-session.ts';
import type { BenchResult } from './types.ts';
import { round } from './types.ts';

const LIMIT = 20 * 1024 * 1024;
const ROUNDS = 5;
const rssMB = () => round(process.memoryUsage().rss / 1024 / 1024, 0);

export async function run(): Promise<BenchResult> {
  const rows: Record<string, string | number>[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'banyan-bench-files-'));
  const server = await startServer(testConfig({ host: '127.0.0.1', port: 0, dataDir, workers: false, rateLimitPerMinute: 0 }));
  try {
    const who = await register(server.url, 'benchfiles');
    const send = (content: Uint8Array<ArrayBuffer>, name: string) => {
      const form = new FormData();
      form.append('file', new Blob([content]), name);
      return fetch(`${server.url}/api/v1/files`, { method: 'POST', headers: { cookie: who.cookie, 'x-csrf-token': who.csrf }, body: form });
    };
    // One body, sent again and again: the client holds 20 MiB, so RSS growth is mostly the server's.
    const body = new Uint8Array(LIMIT).fill(7);
    const contents = Array.from({ length: ROUNDS }, () => body);

    let started = performance.now();
    for (const [i, content] of contents.entries()) {
      createHash('sha256').update(content).digest('hex');
      writeFileSync(join(dataDir, `baseline-${i}`), content);
    }
    const baseline = (performance.now() - started) / ROUNDS;
    rows.push({ case: 'baseline: sha256 + fs.writeFileSync, 20 MiB', msEach: round(baseline), mibPerS: round((20 * 1000) / baseline), rssGrowthMB: '' });

    const rssBefore = rssMB();
    let peak = rssBefore;
    started = performance.now();
    for (const [i, content] of contents.entries()) {
      const res = await send(content, `f${i}.bin`);
      if (res.status !== 201) throw new Error(`upload ${i}: ${res.status} ${await res.text()}`);
      peak = Math.max(peak, rssMB());
    }
    const each = (performance.now() - started) / ROUNDS;
    rows.push({ case: 'POST /api/v1/files, 20 MiB, streamed', msEach: round(each), mibPerS: round((20 * 1000) / each), rssGrowthMB: peak - rssBefore });

    started = performance.now();
    const over = await send(new Uint8Array(LIMIT + 1), 'over.bin');
    rows.push({ case: 'POST /api/v1/files, 20 MiB + 1 byte', msEach: round(performance.now() - started), mibPerS: `status ${over.status}`, rssGrowthMB: '' });
    return {
      name: 'files',
      rows,
      notes: [`${ROUNDS} uploads of the same 20 MiB body (stored once: content-addressed); RSS growth includes fetch's encoding of the form in this process.`],
    };
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
