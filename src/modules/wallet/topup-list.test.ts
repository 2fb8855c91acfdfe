import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type Client, type TestApp } from '../../../test/support/app.ts';
import { HOUR } from '../../platform/clock.ts';
import { approveCategory, balanceOf, codeOf, key, operatorClient, topUp, type TopupResponse } from './testing/index.ts';

type Row = { type: string; amountFen: number; operator: string; operatorKind: string; channel: string | null };

describeEachDialect('wallet top-up list and 操作者', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  const transfer = (client: Client, amountFen: number) => client.post<TopupResponse>('/api/v1/wallet/topups', { channel: 'bank_transfer', amountFen, idempotencyKey: key(), agreementVersion: 1 });

  it('seed rule 对公转账 识别码: pending and past top-ups stay listed with code, amount, state and time, for the caller\'s enterprise only', async () => {
    t.clock.set('2026-05-06T10:00:00+08:00');
    const a = { owner: await t.register({ name: '吴会计', corpName: '吴氏贸易有限公司' }), corpName: '吴氏贸易有限公司' };
    const b = { owner: await t.register({ name: '郑会计', corpName: '郑氏贸易有限公司' }) };
    const pending = await transfer(a.owner, 300_000);
    t.clock.advance(HOUR);
    const closing = await transfer(a.owner, 200_000);
    t.clock.advance(HOUR);
    const paid = await topUp(a.owner, 10_000);
    const other = await transfer(b.owner, 99_900);

    const closed = await a.owner.post<TopupResponse>(`/api/v1/wallet/topups/${closing.body.id}/close`);
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.deepEqual([closed.body.status, closed.body.closedAt], ['closed', '2026-05-06T04:00:00.000Z']);
    const again = await a.owner.post(`/api/v1/wallet/topups/${closing.body.id}/close`);
    assert.deepEqual([again.status, codeOf(again.body)], [409, 'wallet.topup_not_pending']);
    const paidCannot = await a.owner.post(`/api/v1/wallet/topups/${paid.id}/close`);
    assert.deepEqual([paidCannot.status, codeOf(paidCannot.body)], [409, 'wallet.topup_not_pending']);

    const list = await a.owner.get<{ items: TopupResponse[]; nextCursor: string | null }>('/api/v1/wallet/topups');
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.items.map((r) => [r.channel, r.code, r.amountFen, r.status, r.createdBy, (r as TopupResponse & { createdAt: string }).createdAt]),
      [
        ['wechat_pay', null, 10_000, 'paid', '吴会计', '2026-05-06T04:00:00.000Z'],
        ['bank_transfer', closing.body.code, 200_000, 'closed', '吴会计', '2026-05-06T03:00:00.000Z'],
        ['bank_transfer', pending.body.code, 300_000, 'pending', '吴会计', '2026-05-06T02:00:00.000Z'],
      ],
    );
    assert.equal(list.body.nextCursor, null);
    const page = await a.owner.get<{ items: TopupResponse[]; nextCursor: string | null }>('/api/v1/wallet/topups?limit=2');
    assert.deepEqual(page.body.items.map((r) => r.id), [paid.id, closing.body.id]);
    const rest = await a.owner.get<{ items: TopupResponse[]; nextCursor: string | null }>(`/api/v1/wallet/topups?limit=2&cursor=${page.body.nextCursor}`);
    assert.deepEqual([rest.body.items.map((r) => r.id), rest.body.nextCursor], [[pending.body.id], null]);
    const onlyPending = await a.owner.get<{ items: TopupResponse[] }>('/api/v1/wallet/topups?status=pending');
    assert.deepEqual(onlyPending.body.items.map((r) => r.id), [pending.body.id]);

    // Another enterprise's top-up is neither listed, shown nor closable.
    assert.deepEqual((await b.owner.get<{ items: TopupResponse[] }>('/api/v1/wallet/topups')).body.items.map((r) => r.id), [other.body.id]);
    assert.equal((await b.owner.get(`/api/v1/wallet/topups/${pending.body.id}`)).status, 404);
    const foreignClose = await b.owner.post(`/api/v1/wallet/topups/${pending.body.id}/close`);
    assert.deepEqual([foreignClose.status, codeOf(foreignClose.body)], [404, 'not_found']);
    assert.equal((await a.owner.get<TopupResponse>(`/api/v1/wallet/topups/${pending.body.id}`)).body.status, 'pending');

    // A closed transfer's code confirms nothing; it left the operator's queue.
    const op = await operatorClient(t);
    const queue = await op.get<{ items: { topupId: string }[] }>('/api/v1/operator/wallet/bank-transfers');
    assert.deepEqual(queue.body.items.filter((i) => [pending.body.id, closing.body.id].includes(i.topupId)).map((i) => i.topupId), [pending.body.id]);
    const late = await op.post('/api/v1/operator/wallet/bank-transfers/confirm', { code: closing.body.code, amountFen: 200_000, payerName: a.corpName });
    assert.deepEqual([late.status, codeOf(late.body), (late.body as { error: { details: unknown } }).error.details], [409, 'wallet.bank_transfer_mismatch', { reason: 'not_pending' }]);
    assert.equal(await balanceOf(a.owner), 10_000);
  });

  it('seed rule 资金明细 操作者: the person who topped up, the operator who refunded, 系统 for auto-deductions; the export says the same', async () => {
    const owner = await t.register({ name: '冯出纳', corpName: '冯氏贸易有限公司' });
    const e = { owner, corpId: owner.me.currentCorp!.id, corpName: '冯氏贸易有限公司' };
    const sent = await transfer(e.owner, 500_000);
    const op = await operatorClient(t);
    assert.equal((await op.post('/api/v1/operator/wallet/bank-transfers/confirm', { code: sent.body.code, amountFen: 500_000, payerName: e.corpName })).status, 200);
    await approveCategory(t, e.owner);
    assert.equal((await e.owner.put('/api/v1/wallet/auto-deduction/acquisition', { enabled: true, quotedFen: 100 })).status, 200);
    assert.equal((await e.owner.post('/api/v1/wallet/deductions', { item: 'acquisition', amountFen: 100, idempotencyKey: key(), description: '获客助手 添加客户' })).status, 201);
    assert.equal((await op.post(`/api/v1/operator/wallet/corps/${e.corpId}/refunds`, { amountFen: 1_000, reason: '客服退款', idempotencyKey: key() })).status, 200);

    const ledger = await e.owner.get<{ items: Row[] }>('/api/v1/wallet/ledger');
    assert.deepEqual(
      ledger.body.items.map((r) => [r.type, r.amountFen, r.operator, r.operatorKind, r.channel]),
      [
        ['manual_refund', -1_000, '运营小王', 'operator', null],
        ['auto_deduct', -100, '', 'system', null],
        ['topup', 500_000, '冯出纳', 'member', 'bank_transfer'],
      ],
    );
    const csv = await t.app.inject({ method: 'GET', url: '/api/v1/wallet/ledger/export?format=csv', headers: { cookie: [...e.owner.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    const operators = csv.body.trim().split('\r\n').slice(1).map((line) => line.split(',')[5]);
    assert.deepEqual(operators, ['冯出纳', '系统', '运营小王']);
  });
});
