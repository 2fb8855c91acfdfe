import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openDatabase } from './database.ts';
import { freePort } from '../../../test/support/ports.ts';

const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'banyan.js');
const busy = (dir: string) => `Another Banyan process is using the data directory ${dir}: stop it first, or give this one another --data-dir.`;

describe('one process owns a SQLite data directory', () => {
  it('a second open of the same directory is refused with one sentence until the first closes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'banyan-lock-'));
    try {
      const first = await openDatabase({ dataDir: dir });
      await assert.rejects(openDatabase({ dataDir: dir }), { name: 'Error', message: busy(dir) });
      await first.close();
      const again = await openDatabase({ dataDir: dir });
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('while a server runs, a second server and `banyan migrate` on its directory exit with that sentence; after it stops, both work', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'banyan-lock-cli-'));
    const port = await freePort();
    const server = spawn(process.execPath, [BIN, 'serve', '--host', '127.0.0.1', '--port', String(port), '--data-dir', dir, '--log-level', 'error'], { stdio: 'ignore' });
    try {
      await ready(port, () => server.exitCode);
      const migrate = spawnSync(process.execPath, [BIN, 'migrate', '--data-dir', dir], { encoding: 'utf8' });
      assert.equal(migrate.status, 1);
      assert.match(migrate.stderr, new RegExp(`banyan: ${escape(busy(dir))}\\n$`));
      const second = spawnSync(process.execPath, [BIN, 'serve', '--host', '127.0.0.1', '--port', String(await freePort()), '--data-dir', dir], { encoding: 'utf8' });
      assert.equal(second.status, 1);
      assert.match(second.stderr, new RegExp(`banyan: ${escape(busy(dir))}\\n$`));
    } finally {
      server.kill('SIGKILL');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    // The lock dies with its process, even one killed without a chance to clean up.
    const after = spawnSync(process.execPath, [BIN, 'migrate', '--data-dir', dir], { encoding: 'utf8' });
    assert.equal(after.status, 0, after.stderr);
    rmSync(dir, { recursive: true, force: true });
  });
});

/** Polls the server's readiness endpoint (a process start has no event to wait on). */
async function ready(port: number, exitCode: () => number | null): Promise<void> {
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return;
    } catch {
      if (exitCode() !== null) throw new Error(`server exited with ${exitCode()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
