// Start-up to ready on a migrated database and idle RSS of `banyan serve` (targets: ≤ 1.5 s, ≤ 150 MB),
// beside a bare Fastify process started the same way in the same run. Both kinds of Banyan start are
// measured: the first start after a change, when bin/banyan.js bundles the sources with esbuild
// before running them (the bundle is deleted first), and a start with the bundle already built.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchResult } from './types.ts';
import { round } from './types.ts';

const ROOT = join(import.meta.dirname, '..');
const RUNS = 5;
/** The CLI's bundle (bin/banyan.js): rebuilt when missing or older than a source file. */
const BUNDLE = join(ROOT, 'dist', 'server', 'main.mjs');

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
  const load = loadavg().map((l) => round(l, 1)).join(', ');
  const dataDir = mkdtempSync(join(tmpdir(), 'banyan-startup-'));
  try {
    spawnSync(process.execPath, ['bin/banyan.js', 'migrate', '--data-dir', dataDir], { cwd: ROOT });
    const bare = ['--input-type=module', '-e', "import F from 'fastify'; const a = F(); a.get('/readyz', async () => ({})); await a.listen({ port: 18911, host: '127.0.0.1' });"];
    // As `npm start` and the bin's shebang run it (a young generation of 8 MB, see docs/decisions.md).
    const banyan = ['--max-semi-space-size=8', 'bin/banyan.js', 'serve', '--data-dir', dataDir, '--host', '127.0.0.1', '--port', '18912', '--log-level', 'warn'];
    const results = { bare: [] as { ms: number; rssMb: number }[], first: [] as { ms: number; rssMb: number }[], banyan: [] as { ms: number; rssMb: number }[] };
    // Interleaved, so a change in the machine's load touches every kind alike.
    for (let i = 0; i < RUNS; i++) {
      results.bare.push(await timeToReady(bare, 'http://127.0.0.1:18911/readyz'));
      rmSync(BUNDLE, { force: true });
      results.first.push(await timeToReady(banyan, 'http://127.0.0.1:18912/readyz'));
      if (!existsSync(BUNDLE)) throw new Error('the first start did not build the bundle');
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
      rows: [row('bare Fastify (node -e)', results.bare), row('banyan serve, first start (esbuild bundle built first)', results.first), row('banyan serve, bundle already built', results.banyan)],
      notes: [
        `${RUNS} starts of each kind, interleaved; ready ms: from spawning the process to its first 200 from /readyz (polled every 10 ms); idle RSS: the process's resident memory 2 s after ready (ps), the esbuild service process of a first start not included; targets: ready ≤ 1500 ms, idle RSS ≤ 150 MB.`,
        'first start: dist/server/main.mjs deleted before the start, so bin/banyan.js bundles src/main.ts with esbuild (as after a fresh clone or any source change) and then loads it; bundle already built: the same command right after, loading the existing bundle.',
        'All on a migrated SQLite database in a temporary directory; the migration (which also builds the bundle the first time) is not timed.',
        `machine load average at start: ${load}`,
      ],
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
