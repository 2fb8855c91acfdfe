// Start-up to ready on a migrated database and idle RSS of `banyan serve` (targets: ≤ 1.5 s, ≤ 150 MB),
// beside a bare Fastify process started the same way in the same run.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchResult } from './types.ts';
import { round } from './types.ts';

const ROOT = join(import.meta.dirname, '..');
const RUNS = 5;

async function timeToReady(args: string[], url: string): Promise<{ ms: number; rssMb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  try {
    for (;;) {
      try {
        if ((await fetch(url)).ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const ms = performance.now() - started;
    // Idle RSS: after the start-up garbage has had a moment to be collected.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const status = spawnSync('ps', ['-o', 'rss=', '-p', String(child.pid)], { encoding: 'utf8' });
    return { ms, rssMb: Number(status.stdout.trim()) / 1024 };
  } finally {
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
  }
}

export async function run(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'banyan-startup-'));
  try {
    spawnSync(process.execPath, ['bin/banyan.js', 'migrate', '--data-dir', dataDir], { cwd: ROOT });
    const bare = ['--input-type=module', '-e', "import F from 'fastify'; const a = F(); a.get('/readyz', async () => ({})); await a.listen({ port: 18911, host: '127.0.0.1' });"];
    // As `npm start` and the bin's shebang run it (a young generation of 8 MB, see docs/decisions.md).
    const banyan = ['--max-semi-space-size=8', 'bin/banyan.js', 'serve', '--data-dir', dataDir, '--host', '127.0.0.1', '--port', '18912', '--log-level', 'warn'];
    const results = { bare: [] as { ms: number; rssMb: number }[], banyan: [] as { ms: number; rssMb: number }[] };
    for (let i = 0; i < RUNS; i++) {
      results.bare.push(await timeToReady(bare, 'http://127.0.0.1:18911/readyz'));
      results.banyan.push(await timeToReady(banyan, 'http://127.0.0.1:18912/readyz'));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const row = (name: string, list: { ms: number; rssMb: number }[]) => ({
      process: name,
      'ready ms (median)': round(median(list.map((r) => r.ms)), 0),
      'ready ms (max)': round(Math.max(...list.map((r) => r.ms)), 0),
      'idle RSS MB (median)': round(median(list.map((r) => r.rssMb)), 1),
    });
    return {
      name: 'start-up to ready and idle memory',
      rows: [row('bare Fastify (node -e)', results.bare), row('banyan serve (migrated SQLite)', results.banyan)],
      notes: [`${RUNS} starts each, process spawn to the first 200 from /readyz; targets: ready ≤ 1500 ms, idle RSS ≤ 150 MB`],
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
