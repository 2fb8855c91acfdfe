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
      const topup = await demo.post<{ id: string }>('/api/v1/wallet/topups', { channel: 'wechat_pay', amountFen: 10_000, idempotencyKey: 'demo-topup', agreementVersion: 1 });
      assert.equal(topup.status, 201);
      assert.deepEqual((await demo.post(`/api/v1/wallet/topups/${topup.body.id}/sandbox-pay`)).body, { result: 'credited' });
      assert.equal((await demo.get<{ balanceFen: number }>('/api/v1/wallet')).body.balanceFen, before.body.balanceFen + 10_000);

      const other = new Client(app);
      const registered = await other.post('/api/v1/register', {
        account: { name: '新用户', loginName: 'newcomer', password: 'password123' },
        corp: { name: '新企业有限公司', shortName: '新企业', industry: 'general' },
      });
      assert.equal(registered.status, 201);
      const own = await other.post<{ id: string }>('/api/v1/wallet/topups', { channel: 'wechat_pay', amountFen: 10_000, idempotencyKey: 'other-topup', agreementVersion: 1 });
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

/** Issue 10 item 8: the demo prints three logins, and a newcomer signs in as each of them. */
it('banyan demo prints the creator, an approver and an ordinary member, each an activated member who signs in with the printed password', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'banyan-demo-'));
  try {
    const config = testConfig({ dataDir });
    const printed = await fillDemo(config);
    const logins = [...printed.matchAll(/login "([^"]+)" password "([^"]+)"/g)].map((m) => ({ login: m[1]!, password: m[2]! }));
    assert.deepEqual(logins.map((l) => l.login), ['demo', 'demo-approver', 'demo-member']);
    const database = await openMigratedDatabase(config);
    const { app } = await buildApp({ config, database, clock: new ManualClock(Date.now()) });
    try {
      await app.ready();
      const people = [];
      for (const { login, password } of logins) {
        const client = new Client(app);
        const res = await client.post<{ me: { member: { id: string; name: string } | null; currentCorp: { name: string } | null; roles: { creator: boolean } } }>('/api/v1/auth/sign-in', { login, password });
        assert.equal(res.status, 200, login);
        assert.equal(res.body.me.currentCorp?.name, '榕树科技有限公司');
        assert.ok(res.body.me.member, `${login} is a member`);
        people.push({ client, me: res.body.me });
      }
      assert.deepEqual(people.map((p) => p.me.roles.creator), [true, false, false]);
      const [creator, approver, member] = people;
      const status = async (memberId: string) => (await creator!.client.get<{ activation: string }>(`/api/v1/contacts/members/${memberId}`)).body.activation;
      assert.deepEqual([await status(approver!.me.member!.id), await status(member!.me.member!.id)], ['activated', 'activated']);
      // The member's 请假 goes to the approver: the head of their department.
      const templates = await member!.client.get<{ items: { id: string; name: string }[] }>('/api/v1/approvals/templates');
      const leave = templates.body.items.find((t) => t.name === '请假')!;
      const preview = await member!.client.post('/api/v1/approvals/preview', { templateId: leave.id, form: { type: '年假', start: '2026-05-01', days: 1 } });
      assert.equal(preview.status, 200, JSON.stringify(preview.body));
      assert.ok(JSON.stringify(preview.body).includes(approver!.me.member!.id));
    } finally {
      await app.close();
      await database.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
