// `npm run bench [name…]`: runs every bench/*.bench.ts (or the named ones), prints each table and
// writes bench/results/<name>.json. Nothing here asserts a time: the numbers are for people.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResult } from './types.ts';

const dir = new URL('.', import.meta.url).pathname;
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

mkdirSync(join(dir, 'results'), { recursive: true });
for (const file of files) {
  const module = (await import(join(dir, file))) as { run: () => Promise<BenchResult> };
  process.stdout.write(`\n== ${file}\n`);
  const started = performance.now();
  const result = await module.run();
  console.table(result.rows);
  for (const note of result.notes ?? []) process.stdout.write(`  ${note}\n`);
  process.stdout.write(`  (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  writeFileSync(join(dir, 'results', `${file.replace('.bench.ts', '')}.json`), `${JSON.stringify({ ...result, at: new Date().toISOString(), node: process.version }, null, 2)}\n`);
}
