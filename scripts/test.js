#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ with node's test runner, files in parallel.
// Node 20 does not expand globs in --test, so the files are listed here.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
    // Databases of the multi-process tests (test/support/cluster.ts), left by a run that was killed.
    const databases = await client.query("select datname from pg_database where datname ~ '^t_[0-9a-f]{12}$'");
    for (const { datname } of databases.rows) await client.query(`drop database if exists ${datname} with (force)`);
  } catch (error) {
    console.error(`Cannot prepare the PostgreSQL test database at TEST_DATABASE_URL: ${error.message}`);
    if (process.env.REQUIRE_POSTGRES === '1') process.exit(1);
  } finally {
    await client.end().catch(() => {});
  }
}

const only = process.argv.slice(2);
const files = only.length > 0 ? only : [...find('src'), ...find('test')].sort();
// Browser tests run after the rest: each drives a server and a Chromium, and on two cores they
// would otherwise wait behind the database tests long enough to time out.
const phases = [files.filter((f) => !f.includes('.e2e.')), files.filter((f) => f.includes('.e2e.'))].filter((p) => p.length > 0);
const totals = { pass: 0, fail: 0 };
// What was skipped and why, counted by reason: a skipped suite (a browser suite without Chromium)
// runs none of its tests and is not in the runner's own "# skipped" count, so it is counted here.
const skips = new Map();
let status = 0;
for (const [i, phase] of phases.entries()) {
  // A second reporter writes TAP to a file, so the phases' counts can be added up at the end.
  const tap = join(tmpdir(), `banyan-test-${process.pid}-${i}.tap`);
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      `--test-concurrency=${Math.max(2, availableParallelism())}`,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...phase,
    ],
    // Servers that tests start as processes run side by side: none of them takes the WeCom API's
    // fixed default port (8081); the tests of that port give it one of their own.
    { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test', BANYAN_WECOM_PORT: '0' } },
  );
  status ||= result.status ?? 1;
  const summary = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  totals.pass += Number(/^# pass (\d+)$/m.exec(summary)?.[1] ?? 0);
  totals.fail += Number(/^# fail (\d+)$/m.exec(summary)?.[1] ?? 0);
  for (const [, , reason, yaml] of summary.matchAll(/^ *ok \d+ - (.*) # SKIP ?(.*)\n((?: +.*\n)*?) *\.\.\.$/gm)) {
    const kind = /^ *type: 'suite'$/m.test(yaml) ? 'suite' : 'test';
    const key = `${kind}\u0000${reason || 'no reason given'}`;
    skips.set(key, (skips.get(key) ?? 0) + 1);
  }
  rmSync(tap, { force: true });
}
const skipped = [...skips].map(([key, n]) => {
  const [kind, reason] = key.split('\u0000');
  return `${n} ${kind}${n === 1 ? '' : 's'}: ${reason}`;
});
const skippedCount = [...skips.values()].reduce((a, b) => a + b, 0);
console.log(`\nall: ${totals.pass} passed, ${totals.fail} failed, ${skippedCount} skipped${skipped.length ? ` (${skipped.join('; ')})` : ''}`);
process.exit(status);
