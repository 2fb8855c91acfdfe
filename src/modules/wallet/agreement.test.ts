import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { agreedVersion, balanceOf, codeOf, key, operatorClient, topUp, type TopupResponse } from './testing/index.ts';

type Agreement = { version: number; bodyZh: string; bodyEn: string; publishedAt: string; publishedBy: string };

/** 充值服务协议 (支持查看《腾讯企业微信充值服务协议》): the operator's versioned text, agreed to before every top-up. */
describeEachDialect('wallet top-up service agreement (充值服务协议)', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  it('seed rule 充值服务协议: version 1 is in force from the start, in both languages', async () => {
    const owner = await t.register();
    const res = await owner.get<Agreement>('/api/v1/wallet/agreement');
    assert.equal(res.status, 200);
    assert.equal(res.body.version, 1);
    assert.match(res.body.bodyZh, /^一、充值款项仅可用于为本企业购买高级功能/);
    assert.match(res.body.bodyEn, /^1\. Top-ups may only pay for this enterprise's advanced features/);
    assert.doesNotMatch(res.body.bodyEn, /[\u4e00-\u9fff]/);
  });

  it('seed rule 充值服务协议: a top-up without agreeing is a 400 wallet.agreement_required, and nothing is started', async () => {
    const owner = await t.register();
    const res = await owner.post('/api/v1/wallet/topups', { channel: 'bank_transfer', amountFen: 10_000, idempotencyKey: key() });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, { error: { code: 'wallet.agreement_required', message: 'Read and agree to the top-up service agreement (充值服务协议) before topping up.' } });
    assert.deepEqual((await owner.get<{ items: unknown[] }>('/api/v1/wallet/topups')).body.items, []);
  });

  it('seed rule 充值服务协议: only the operator publishes a new version; later top-ups record the version agreed, an older one is refused with 409', async () => {
    const e = { owner: await t.register({ name: '周出纳' }) };
    const first = await e.owner.post<TopupResponse>('/api/v1/wallet/topups', { channel: 'bank_transfer', amountFen: 50_000, idempotencyKey: key(), agreementVersion: await agreedVersion(e.owner) });
    assert.equal(first.status, 201);
    assert.equal(first.body.agreementVersion, 1);

    // Enterprise admins may not edit it: the operator's routes answer 401 to a corp session.
    const byAdmin = await e.owner.post('/api/v1/operator/wallet/agreements', { bodyZh: '改', bodyEn: 'changed' });
    assert.equal(byAdmin.status, 401);
    assert.equal((await e.owner.get('/api/v1/operator/wallet/agreements')).status, 401);

    const op = await operatorClient(t);
    const empty = await op.post('/api/v1/operator/wallet/agreements', { bodyZh: '   ', bodyEn: 'x' });
    assert.deepEqual([empty.status, codeOf(empty.body)], [400, 'request.invalid']);
    const published = await op.post<Agreement>('/api/v1/operator/wallet/agreements', { bodyZh: '新版充值服务协议', bodyEn: 'The new top-up service agreement' });
    assert.equal(published.status, 201, JSON.stringify(published.body));
    assert.deepEqual({ ...published.body, publishedAt: '' }, { version: 2, bodyZh: '新版充值服务协议', bodyEn: 'The new top-up service agreement', publishedAt: '', publishedBy: '运营小王' });
    const history = await op.get<{ items: Agreement[] }>('/api/v1/operator/wallet/agreements');
    assert.deepEqual(history.body.items.map((a) => a.version), [2, 1]);

    assert.equal((await e.owner.get<Agreement>('/api/v1/wallet/agreement')).body.bodyZh, '新版充值服务协议');
    const stale = await e.owner.post('/api/v1/wallet/topups', { channel: 'wechat_pay', amountFen: 10_000, idempotencyKey: key(), agreementVersion: 1 });
    assert.equal(stale.status, 409);
    assert.deepEqual(stale.body, { error: { code: 'wallet.agreement_outdated', message: 'The top-up service agreement changed since it was shown; read the new version and agree again.', details: { agreed: 1, current: 2 } } });
    const paid = await topUp(e.owner, 10_000);
    assert.equal(paid.agreementVersion, 2);
    assert.equal(await balanceOf(e.owner), 10_000);
    // The first top-up still says it agreed to version 1.
    assert.equal((await e.owner.get<TopupResponse>(`/api/v1/wallet/topups/${first.body.id}`)).body.agreementVersion, 1);
  });
});
