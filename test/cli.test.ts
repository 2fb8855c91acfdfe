import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '..', 'bin', 'banyan.js');

function banyan(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env, BANYAN_WEB_DIR: '/nonexistent-but-unused' }, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The CLI's own sentences on stderr, its `banyan: …` lines. The stream may hold more: a first run
 * builds the bundle (esbuild) and, before the console is built, `serve` builds it (vite's warnings),
 * so a test asserts the sentence, and that no stack trace came with it, not the whole stream.
 */
function said(stderr: string): string[] {
  assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
  return stderr.split('\n').filter((line) => line.startsWith('banyan: '));
}

describe('the banyan CLI', () => {
  it('a malformed DATABASE_URL ends with one clear sentence and exit code 1', () => {
    const run = banyan(['migrate'], { DATABASE_URL: 'mysql://root@localhost/banyan' });
    assert.equal(run.code, 1);
    assert.deepEqual(said(run.stderr), ['banyan: DATABASE_URL must be a PostgreSQL URL such as postgres://user@127.0.0.1:5432/banyan; leave it unset to use the embedded SQLite database.']);
  });

  it('an unreachable PostgreSQL ends with one sentence that does not show the password', () => {
    const run = banyan(['migrate'], { DATABASE_URL: 'postgres://banyan:s3cret@127.0.0.1:1/banyan' });
    assert.equal(run.code, 1);
    const [sentence, ...more] = said(run.stderr);
    assert.match(sentence!, /^banyan: Cannot connect to PostgreSQL at postgres:\/\/banyan:\*\*\*@127\.0\.0\.1:1\/banyan: .+$/);
    assert.deepEqual(more, []);
    assert.doesNotMatch(run.stderr, /s3cret/);
  });

  it('an unwritable data directory ends with one sentence', () => {
    // Tests run as root, which ignores permission bits: a path below a regular file cannot be made.
    const run = banyan(['migrate', '--data-dir', join(BIN, 'data')]);
    assert.equal(run.code, 1);
    assert.deepEqual(said(run.stderr), [`banyan: The data directory ${join(BIN, 'data')} cannot be created or written to.`]);
  });

  it('a port in use ends with one sentence', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const dataDir = mkdtempSync(join(tmpdir(), 'banyan-port-'));
    try {
      const run = banyan(['migrate', '--data-dir', dataDir]);
      assert.equal(run.code, 0);
      const child = spawn(process.execPath, [BIN, 'serve', '--host', '127.0.0.1', '--port', String(port), '--data-dir', dataDir], { env: process.env });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      assert.equal(code, 1);
      assert.deepEqual(said(stderr), [`banyan: The port is already in use: 127.0.0.1:${port}. Stop the other server or choose --port.`]);
    } finally {
      blocker.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('an unknown command says how to get help', () => {
    const run = banyan(['frobnicate']);
    assert.equal(run.code, 1);
    assert.deepEqual(said(run.stderr), ['banyan: Unknown command "frobnicate". Run `banyan help` for the list.']);
  });
});

describe('banyan operator create', () => {
  it('creates an operator once; the same login again is refused with one sentence', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'banyan-op-'));
    try {
      const args = ['operator', 'create', '--login', 'ops', '--name', '平台运营', '--password', 'operator-pass', '--data-dir', dataDir];
      const first = banyan(args);
      assert.equal(first.code, 0);
      assert.equal(first.stdout, 'Operator ops created. Sign in at /operator/login.\n');
      const second = banyan(args);
      assert.equal(second.code, 1);
      assert.deepEqual(said(second.stderr), ['banyan: This login name or phone number is already registered.']);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
