import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { signCallback } from './channels.ts';
import { freePort } from '../../../test/support/ports.ts';

/**
 * kill -9 in the middle of a burst of deductions over HTTP: after a restart every acknowledged
 * deduction is there exactly once, retrying every key charges nothing twice, and the books balance.
 * The real server runs as a child process on its own SQLite file.
 */
const SECRET = 'crash-test-payment-secret';
const BIN = resolve('bin/banyan.js');

class Session {
  cookies = new Map<string, string>();
  constructor(private readonly base: string) {}
  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const csrf = this.cookies.get(path.startsWith('/api/v1/operator/') ? 'banyan_op_csrf' : 'banyan_csrf');
    const res = await fetch(this.base + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }
}

describe('wallet crash test: kill -9 mid-burst', () => {
  const dir = mkdtempSync(join(tmpdir(), 'banyan-crash-'));
  const dataDir = join(dir, 'data');
  const webDir = join(dir, 'web');
  let child: ChildProcess | undefined;
  let port = 0;

  before(() => {
    mkdirSync(webDir);
    // A placeholder console, so `serve` does not build the real one.
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Banyan</title>');
  });
  after(() => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  const flags = () => ['--data-dir', dataDir, '--web-dir', webDir, '--host', '127.0.0.1', '--port', String(port), '--rate-limit', '0', '--log-level', 'error'];

  async function start(): Promise<void> {
    port = await freePort();
    child = spawn(process.execPath, [BIN, 'serve', ...flags()], { env: { ...process.env, BANYAN_PAYMENT_SECRET: SECRET, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    await new Promise<void>((ok, fail) => {
      child!.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Banyan is ready')) ok();
      });
      child!.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child!.on('exit', (code) => fail(new Error(`server exited with ${code}: ${out}`)));
    });
  }

  it('every acknowledged deduction is present once after a restart; none is doubled; the invariants hold', async () => {
    const created = spawnSync(process.execPath, [BIN, 'operator', 'create', '--login', 'crashop', '--name', '运营', '--password', 'password123', '--data-dir', dataDir], { env: { ...process.env, DATABASE_URL: '' }, encoding: 'utf8' });
    assert.equal(created.status, 0, created.stderr);
    await start();
    const base = () => `http://127.0.0.1:${port}`;
    let owner = new Session(base());
    const reg = await owner.call<{ me: { currentCorp: { id: string } } }>('POST', '/api/v1/register', {
      account: { name: '崩溃测试', loginName: 'crashowner', password: 'password123' },
      corp: { name: '崩溃测试有限公司', shortName: '崩溃', industry: 'general' },
    });
    assert.equal(reg.status, 201, JSON.stringify(reg.body));
    const corpId = reg.body.me.currentCorp.id;

    // Balance through the sandbox channel's signed callback.
    const topup = await owner.call<{ id: string }>('POST', '/api/v1/wallet/topups', { channel: 'wechat_pay', amountFen: 1_000_000, idempotencyKey: 'crash-topup', agreementVersion: 1 });
    const callback = { corpId, topupId: topup.body.id, amountFen: 1_000_000, tradeNo: 'CRASH-1', timestamp: Date.now() };
    const paid = await new Session(base()).call('POST', '/api/v1/wallet/channels/wechat_pay/callback', { ...callback, signature: signCallback(SECRET, 'wechat_pay', callback) });
    assert.deepEqual(paid.body, { result: 'credited' });

    // Auto-deduction needs an approved business category (another module's gate), then the switch.
    assert.equal((await owner.call('PUT', '/api/v1/category', { code: '01-02' })).status, 200);
    const operator = new Session(base());
    assert.equal((await operator.call('POST', '/api/v1/operator/auth/sign-in', { login: 'crashop', password: 'password123' })).status, 200);
    const review = await operator.call('PUT', `/api/v1/operator/corps/${corpId}/category-review`, { version: 1, decision: 'approved' });
    assert.equal(review.status, 200, JSON.stringify(review.body));
    assert.equal((await owner.call('PUT', '/api/v1/wallet/auto-deduction/acquisition', { enabled: true, quotedFen: 100 })).status, 200);

    // The burst: 40 at a time; kill -9 once 150 are acknowledged.
    const keys = Array.from({ length: 600 }, (_, i) => `crash-${i}`);
    const acknowledged = new Map<string, string>();
    // Every answer the server gave before it died, by status: a 500 in the burst is a failure, not noise.
    const answers = new Map<number, number>();
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (next < keys.length && !killed) {
        const k = keys[next++]!;
        try {
          const res = await owner.call<{ serialNo: string }>('POST', '/api/v1/wallet/deductions', { item: 'acquisition', amountFen: 100, idempotencyKey: k, description: `获客 ${k}` });
          answers.set(res.status, (answers.get(res.status) ?? 0) + 1);
          if (res.status === 201) acknowledged.set(k, res.body.serialNo);
        } catch {
          // The connection died with the server: this one is unknown, not acknowledged.
        }
        if (!killed && acknowledged.size >= 150) {
          killed = true;
          child!.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 40 }, worker));
    assert.ok(killed);
    const otherThan201 = [...answers].filter(([status]) => status !== 201);
    assert.deepEqual(otherThan201, [], `answers other than 201 during the burst (status, count): ${JSON.stringify(otherThan201)}`);
    assert.equal(answers.get(201), acknowledged.size);
    await new Promise((ok) => (child!.exitCode !== null || child!.signalCode !== null ? ok(null) : child!.once('exit', ok)));
    const sent = keys.slice(0, next);

    await start();
    owner = Object.assign(new Session(base()), { cookies: owner.cookies });
    const ledger = async () => {
      const rows: { serialNo: string; type: string; amountFen: number; balanceAfterFen: number; seq: number }[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: { items: typeof rows; nextCursor: string | null } } = await owner.call('GET', `/api/v1/wallet/ledger?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(page.status, 200);
        rows.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      return rows.reverse();
    };
    const afterCrash = await ledger();
    const serials = new Set(afterCrash.map((r) => r.serialNo));
    assert.equal(serials.size, afterCrash.length, 'serial numbers are unique');
    for (const [k, serial] of acknowledged) assert.ok(serials.has(serial), `acknowledged ${k} survived`);
    const deductionsAfterCrash = afterCrash.filter((r) => r.type === 'auto_deduct').length;
    assert.ok(deductionsAfterCrash >= acknowledged.size && deductionsAfterCrash <= sent.length);

    // Retrying every key that was sent: acknowledged ones replay the same serial; none is charged twice.
    for (const k of sent) {
      const res = await owner.call<{ serialNo: string }>('POST', '/api/v1/wallet/deductions', { item: 'acquisition', amountFen: 100, idempotencyKey: k, description: `获客 ${k}` });
      assert.equal(res.status, 201);
      if (acknowledged.has(k)) assert.equal(res.body.serialNo, acknowledged.get(k));
    }
    const final = await ledger();
    assert.equal(final.filter((r) => r.type === 'auto_deduct').length, sent.length, 'each sent key charged exactly once');
    let previous = 0;
    for (const [i, r] of final.entries()) {
      assert.equal(r.seq, i + 1);
      assert.equal(r.balanceAfterFen, previous + r.amountFen);
      previous = r.balanceAfterFen;
    }
    const wallet = await owner.call<{ balanceFen: number }>('GET', '/api/v1/wallet');
    assert.equal(wallet.body.balanceFen, previous);
    assert.equal(wallet.body.balanceFen, 1_000_000 - 100 * sent.length);
    child!.kill('SIGKILL');
  });
});
