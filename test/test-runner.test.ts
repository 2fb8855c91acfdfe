import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * scripts/test.js's closing line (issue 19): a local run without Chromium skips the browser suites,
 * and the line must say how many were skipped and why instead of reading as a clean run.
 */
describe('the test runner (scripts/test.js)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'banyan-runner-'));
    writeFileSync(
      join(dir, 'plain.test.mjs'),
      [
        "import { it } from 'node:test';",
        "it('passes', () => {});",
        "it('passes too', () => {});",
        "it('is skipped', { skip: 'the feature is off' }, () => {});",
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'pages.e2e.test.mjs'),
      [
        "import { describe, it } from 'node:test';",
        "describe('contacts console', { skip: 'Chromium is not installed at /usr/bin/chromium' }, () => { it('a', () => {}); it('b', () => {}); });",
        "describe('wallet console', { skip: 'Chromium is not installed at /usr/bin/chromium' }, () => { it('c', () => {}); });",
      ].join('\n'),
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('counts skipped suites and tests on the closing line, each with its reason', () => {
    // Without TEST_DATABASE_URL: the runner would otherwise drop every test schema of the shared database.
    const env = { ...process.env };
    delete env.TEST_DATABASE_URL;
    delete env.REQUIRE_POSTGRES;
    // Set for processes the test runner starts; the runner under test would report to this one instead.
    delete env.NODE_TEST_CONTEXT;
    const run = spawnSync(process.execPath, ['scripts/test.js', join(dir, 'plain.test.mjs'), join(dir, 'pages.e2e.test.mjs')], { encoding: 'utf8', env });
    assert.equal(run.status, 0, run.stderr);
    const closing = run.stdout.trimEnd().split('\n').at(-1);
    assert.equal(closing, 'all: 2 passed, 0 failed, 3 skipped (1 test: the feature is off; 2 suites: Chromium is not installed at /usr/bin/chromium)');
  });
});
