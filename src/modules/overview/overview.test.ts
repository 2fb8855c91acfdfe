import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { PASSWORD, scrypt, simpleTemplate, submit, template, world } from '../approval/testing/index.ts';
import { setCategory } from '../category/testing/index.ts';
import { certify, credit } from '../wallet/testing/index.ts';

describeEachDialect('首页 overview', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  it('a new enterprise: the creator alone, one department, nothing pending, category unset, not certified', async () => {
    const w = await world(t);
    const res = await w.client.get('/api/v1/overview');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, {
      members: { activated: 1, notActivated: 0 },
      departments: 1,
      wallet: { balanceFen: 0, alert: { enabled: false, thresholdFen: 0, below: false } },
      approvals: { running: 0, todoForMe: 0 },
      customers: { served: 0, limit: 100 },
      category: { status: 'unset', entry: null },
      certification: { certified: false, until: null },
    });
  });

  it('the enterprise at a glance: members by activation, departments, the balance below its alert, approvals waiting for me, customers against the quota, category and certification', async () => {
    t.clock.set('2026-05-01T10:00:00+08:00');
    const w = await world(t);
    const sales = await w.org.department('销售部');
    await w.org.department('华东区', sales);
    const applicant = await w.org.member('李四', sales);
    await w.org.member('王五', sales);
    // 赵六 has an account (activated); 李四 and 王五 were added without one.
    await w.org.member('赵六', sales, { login: `ov${process.pid}`, password: PASSWORD, scrypt });
    await credit(t, w.corpId, 250_000);
    const alert = await w.client.put('/api/v1/wallet/alert', { enabled: true, amountYuan: 3_000, frequency: 'weekly', recipients: { memberIds: [w.adminId], departmentIds: [], tagIds: [] } });
    assert.equal(alert.status, 200);
    const node: Parameters<typeof simpleTemplate>[0][number] = { id: 'a', kind: 'approver', name: 'a', assignee: { type: 'members', memberIds: [w.adminId], mode: 'all' } };
    const tpl = await template(w, simpleTemplate([node]));
    await submit(w, applicant, { templateId: tpl, form: { reason: '出差' } });
    await submit(w, applicant, { templateId: tpl, form: { reason: '采购' } });
    await certify(t, w.corpId);
    await setCategory(t.deps.db, w.corpId, 'review', t.clock.now());
    const added = await w.client.post('/api/v1/customers/friends', { externalId: 'wx-ov-1', name: '钱女士' });
    assert.equal(added.status, 201);

    const res = await w.client.get<Record<string, unknown>>('/api/v1/overview');
    assert.deepEqual(res.body.members, { activated: 2, notActivated: 2 });
    assert.equal(res.body.departments, 3);
    assert.deepEqual(res.body.wallet, { balanceFen: 250_000, alert: { enabled: true, thresholdFen: 300_000, below: true } });
    assert.deepEqual(res.body.approvals, { running: 2, todoForMe: 2 });
    assert.deepEqual(res.body.customers, { served: 1, limit: 2_000 });
    assert.deepEqual(res.body.category, { status: 'review', entry: {
        code: '01-02',
        level1: 'IT互联网',
        level2: '软件开发/运营',
        scope: '提供开发建站/代运营/投流推广的服务',
        en: { level1: 'IT & internet', level2: 'Software development & operation', scope: 'Website building, outsourced operation and paid promotion' },
      },
    });
    assert.deepEqual(res.body.certification, { certified: true, until: '2027-05-01T02:00:00.000Z' });
  });
});
