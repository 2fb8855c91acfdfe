import { it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.ts';
import { DEMO_LOGIN, fillDemo } from '../src/demo.ts';
import { ManualClock } from '../src/platform/clock.ts';
import { openMigratedDatabase } from '../src/server.ts';
import { Client, testConfig } from './support/app.ts';

/**
 * How a newcomer tries Banyan: `npx banyan demo`, then `npm start` with no flag. The payment sandbox
 * is off by default, yet the demo enterprise's online top-ups are paid in it; an enterprise
 * registered beside it on the same server gets no sandbox.
 */
it('banyan demo, then serve without --sandbox-payments: the demo enterprise tops up in the sandbox, a new enterprise cannot', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'banyan-demo-'));
  try {
    const config = testConfig({ dataDir, sandboxPayments: false });
    await fillDemo(config);
    const database = await openMigratedDatabase(config);
    const { app } = await buildApp({ config, database, clock: new ManualClock(Date.now()) });
    try {
      await app.ready();
      const demo = new Client(app);
      assert.equal((await demo.post('/api/v1/auth/sign-in', { login: DEMO_LOGIN.loginName, password: DEMO_LOGIN.password })).status, 200);
      const before = await demo.get<{ balanceFen: number; mayTopUp: boolean; sandboxPayments: boolean }>('/api/v1/wallet');
      assert.deepEqual([before.body.mayTopUp, before.body.sandboxPayments], [true, true]);
      const topup = await demo.post<{ id: string }>('/api/v1/wallet/topups', { channel: 'wechat_pay', amountFen: 10_000, idempotencyKey: 'demo-topup' });
      assert.equal(topup.status, 201);
      assert.deepEqual((await demo.post(`/api/v1/wallet/topups/${topup.body.id}/sandbox-pay`)).body, { result: 'credited' });
      assert.equal((await demo.get<{ balanceFen: number }>('/api/v1/wallet')).body.balanceFen, before.body.balanceFen + 10_000);

      const other = new Client(app);
      const registered = await other.post('/api/v1/register', {
        account: { name: '新用户', loginName: 'newcomer', password: 'password123' },
        corp: { name: '新企业有限公司', shortName: '新企业', industry: 'general' },
      });
      assert.equal(registered.status, 201);
      const own = await other.post<{ id: string }>('/api/v1/wallet/topups', { channel: 'wechat_pay', amountFen: 10_000, idempotencyKey: 'other-topup' });
      const free = await other.post(`/api/v1/wallet/topups/${own.body.id}/sandbox-pay`);
      assert.equal(free.status, 404);
      assert.equal((await other.get<{ balanceFen: number; sandboxPayments: boolean }>('/api/v1/wallet')).body.sandboxPayments, false);
      assert.equal((await other.get<{ balanceFen: number }>('/api/v1/wallet')).body.balanceFen, 0);
    } finally {
      await app.close();
      await database.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
