import { it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './support/ports.ts';

const BIN = join(import.meta.dirname, '..', 'bin', 'banyan.js');

async function start(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--host', '127.0.0.1', '--port', String(port), '--data-dir', dataDir, '--log-level', 'error', '--rate-limit', '0', '--sign-in-limit', '100000', '--scrypt-log-n', '4'], { stdio: 'ignore' });
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return child;
    } catch {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function register(port: number, n: number): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}/api/v1/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account: { name: `崩溃${n}`, loginName: `crash${n}`, password: 'password123' }, corp: { name: `崩溃测试企业${n}`, shortName: `崩${n}`, industry: 'general' } }),
  });
}

it('kill -9 in the middle of a burst of writes loses nothing that was acknowledged', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'banyan-crash-'));
  const port = await freePort();
  const acknowledged: number[] = [];
  // Every answer the server gave before it died, by status: a 500 in the burst is a failure, not noise.
  const answers = new Map<number, number>();
  try {
    const server = await start(dataDir, port);
    let n = 0;
    const workers = Array.from({ length: 8 }, async () => {
      for (;;) {
        const mine = n++;
        try {
          const res = await register(port, mine);
          answers.set(res.status, (answers.get(res.status) ?? 0) + 1);
          if (res.status === 201) acknowledged.push(mine);
        } catch {
          return; // the server is gone
        }
      }
    });
    while (acknowledged.length < 40) await new Promise((resolve) => setTimeout(resolve, 5));
    server.kill('SIGKILL');
    await Promise.all(workers);
    if (server.exitCode === null && server.signalCode === null) await once(server, 'exit');
    const otherThan201 = [...answers].filter(([status]) => status !== 201);
    assert.deepEqual(otherThan201, [], `answers other than 201 during the burst (status, count): ${JSON.stringify(otherThan201)}`);
    assert.equal(answers.get(201), acknowledged.length);

    const restarted = await start(dataDir, port);
    try {
      for (const k of acknowledged) {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ login: `crash${k}`, password: 'password123' }),
        });
        assert.equal(res.status, 200, `acknowledged registration crash${k} was lost`);
        const body = (await res.json()) as { me: { corps: unknown[] } };
        assert.equal(body.me.corps.length, 1);
      }
    } finally {
      restarted.kill('SIGKILL');
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
