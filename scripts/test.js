#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ with node's test runner, files in parallel.
// Node 20 does not expand globs in --test, so the files are listed here.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

function find(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : find(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

// Each PostgreSQL test file works in its own schema (t_…), left in place after the file so that no
// schema is dropped while another file reads the catalog; the previous run's are dropped here.
if (process.env.TEST_DATABASE_URL) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  try {
    await client.connect();
    const { rows } = await client.query("select nspname from pg_namespace where nspname ~ '^t_[0-9a-f]{12}$'");
    for (const { nspname } of rows) await client.query(`drop schema ${nspname} cascade`);
  } catch (error) {
    console.error(`Cannot prepare the PostgreSQL test database at TEST_DATABASE_URL: ${error.message}`);
    if (process.env.REQUIRE_POSTGRES === '1') process.exit(1);
  } finally {
    await client.end().catch(() => {});
  }
}

const only = process.argv.slice(2);
const files = only.length > 0 ? only : [...find('src'), ...find('test')].sort();
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${Math.max(2, availableParallelism())}`, '--test-reporter=spec', ...files],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
