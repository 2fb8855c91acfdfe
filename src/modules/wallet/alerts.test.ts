import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { enterprise, type Enterprise } from '../../../test/support/enterprise.ts';
import { HOUR, DAY } from '../../platform/clock.ts';
import { ALERT_JOB, periodStart, runAlerts } from './alerts.service.ts';
import { buy, codeOf, topUp } from './testing/index.ts';
import { tablesOf } from '../../../test/support/tables.ts';
import { DirectoryFixture } from '../directory/testing/index.ts';

type Alert = { enabled: boolean; amountYuan: number; frequency: string; recipients: { memberIds: string[]; departmentIds: string[]; tagIds: string[] } };

describeEachDialect('wallet balance alert (余额预警)', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  /** The member's alert messages, once the outbox has delivered what the checks announced. */
  async function alertsOf(e: Enterprise, memberId: string): Promise<{ app: string; title: string; body: string }[]> {
    await t.deps.outbox.drain();
    return tablesOf(t.deps.db).selectFrom('inbox_messages').select(['app', 'title', 'body']).where('corp_id', '=', e.corpId).where('member_id', '=', memberId).where('title', '=', '余额不足提醒').orderBy('id').execute();
  }
  /** The scheduled job for this instant; a second pass at the same instant (its slot already ran) calls the pass directly. */
  let lastSlot = 0;
  async function runJob(): Promise<void> {
    if (lastSlot === t.clock.now()) {
      await runAlerts({ ...t.deps, now: t.clock.now() });
      return;
    }
    lastSlot = t.clock.now();
    await t.deps.jobs.enqueueSlot(ALERT_JOB, t.clock.now());
    await t.deps.jobs.runDue();
  }

  it('periods are China-time hours, days from 00:00 and weeks from Monday 00:00', () => {
    const at = Date.parse('2026-01-07T15:30:00+08:00'); // a Wednesday
    assert.equal(periodStart('hourly', at), Date.parse('2026-01-07T15:00:00+08:00'));
    assert.equal(periodStart('daily', at), Date.parse('2026-01-07T00:00:00+08:00'));
    assert.equal(periodStart('weekly', at), Date.parse('2026-01-05T00:00:00+08:00'));
    assert.equal(periodStart('weekly', Date.parse('2026-01-05T00:00:00+08:00')), Date.parse('2026-01-05T00:00:00+08:00'));
    assert.equal(periodStart('weekly', Date.parse('2026-01-04T23:59:59+08:00')), Date.parse('2025-12-29T00:00:00+08:00'));
  });

  it('seed rule 余额预警: off by default; the amount is a non-negative whole number of yuan; the default frequency is daily', async () => {
    const e = await enterprise(t);
    const initial = await e.owner.get<Alert>('/api/v1/wallet/alert');
    assert.deepEqual(initial.body, { enabled: false, amountYuan: 0, frequency: 'daily', recipients: { memberIds: [], departmentIds: [], tagIds: [] } });
    for (const amountYuan of [-1, 1.5, '10']) {
      const bad = await e.owner.put('/api/v1/wallet/alert', { enabled: true, amountYuan, recipients: { memberIds: [e.owner.me.member!.id] } });
      assert.equal(bad.status, 400, String(amountYuan));
      assert.equal(codeOf(bad.body), 'request.invalid');
    }
    const ok = await e.owner.put<Alert>('/api/v1/wallet/alert', { enabled: true, amountYuan: 0, recipients: { memberIds: [e.owner.me.member!.id] } });
    assert.deepEqual(ok.body, { enabled: true, amountYuan: 0, frequency: 'daily', recipients: { memberIds: [e.owner.me.member!.id], departmentIds: [], tagIds: [] } });
    // A balance of 0 is not below an alert amount of 0.
    await runJob();
    assert.deepEqual(await alertsOf(e, e.owner.me.member!.id), []);
  });

  it('seed rule 余额预警: exactly at the threshold no alert; one fen below, each recipient (members, departments, tags) gets one message per day', async () => {
    const e = await enterprise(t);
    const sales = await e.dept(e.root, '销售部');
    const a = await e.bareMember('成员甲', [sales]);
    const b = await e.bareMember('成员乙', [sales]);
    const c = await e.bareMember('成员丙');
    const tagId = `tag_${e.corpId.slice(-12)}`;
    await tablesOf(t.deps.db).insertInto('tags').values({ corp_id: e.corpId, id: tagId, name: '财务', created_at: t.clock.now(), updated_at: t.clock.now() }).execute();
    await tablesOf(t.deps.db).insertInto('tag_members').values([{ corp_id: e.corpId, tag_id: tagId, member_id: c }, { corp_id: e.corpId, tag_id: tagId, member_id: a }]).execute();
    await topUp(e.owner, 16_000);
    const set = await e.owner.put<Alert>('/api/v1/wallet/alert', { enabled: true, amountYuan: 100, frequency: 'daily', recipients: { memberIds: [a], departmentIds: [sales], tagIds: [tagId] } });
    assert.equal(set.status, 200);
    // 160.00 - 60.00 = 100.00: exactly at the alert amount.
    assert.equal((await buy(e.owner, 'mail')).status, 200);
    await runJob();
    for (const m of [a, b, c]) assert.deepEqual(await alertsOf(e, m), []);

    await tablesOf(t.deps.db).updateTable('wallets').set({ alert_fen: 10_001 }).where('corp_id', '=', e.corpId).execute();
    await runJob();
    for (const m of [a, b, c]) {
      const messages = await alertsOf(e, m);
      assert.equal(messages.length, 1, m);
      assert.deepEqual(messages[0], { app: 'features', title: '余额不足提醒', body: '企业可用余额 ¥100.00，低于预警金额 ¥100.01，请及时充值，避免影响业务使用。' });
    }
    assert.deepEqual(await alertsOf(e, e.owner.me.member!.id), [], 'the owner is not a recipient');
    t.clock.advance(3 * HOUR);
    await runJob();
    assert.equal((await alertsOf(e, a)).length, 1, 'one message per day');
    t.clock.advance(DAY);
    await runJob();
    assert.equal((await alertsOf(e, a)).length, 2, 'the next day, again');
    await topUp(e.owner, 1);
    t.clock.advance(DAY);
    await runJob();
    assert.equal((await alertsOf(e, a)).length, 2, 'back at the alert amount: none');
  });

  it('seed rule 余额预警: an hourly alert across an hour boundary, and right after a debit', async () => {
    t.clock.set('2026-02-02T10:58:00+08:00');
    const e = await enterprise(t);
    const me = e.owner.me.member!.id;
    await topUp(e.owner, 6_500);
    await e.owner.put('/api/v1/wallet/alert', { enabled: true, amountYuan: 10, frequency: 'hourly', recipients: { memberIds: [me] } });
    assert.equal((await alertsOf(e, me)).length, 0);
    // The debit takes the balance to 5.00 < 10.00: the alert goes out in the same transaction.
    assert.equal((await buy(e.owner, 'docs')).status, 200);
    assert.equal((await alertsOf(e, me)).length, 1);
    t.clock.set('2026-02-02T10:59:59.999+08:00');
    await runJob();
    assert.equal((await alertsOf(e, me)).length, 1, 'still the 10:00 hour');
    t.clock.set('2026-02-02T11:00:00+08:00');
    await runJob();
    assert.equal((await alertsOf(e, me)).length, 2, 'the 11:00 hour has its own message');
    // Switched off: nothing more.
    await e.owner.put('/api/v1/wallet/alert', { enabled: false, amountYuan: 10, frequency: 'hourly', recipients: { memberIds: [me] } });
    t.clock.set('2026-02-02T12:00:00+08:00');
    await runJob();
    assert.equal((await alertsOf(e, me)).length, 2);
  });

  it('seed rule 余额预警: the weekly frequency sends once a week', async () => {
    t.clock.set('2026-03-02T09:00:00+08:00'); // a Monday
    const e = await enterprise(t);
    const me = e.owner.me.member!.id;
    await e.owner.put('/api/v1/wallet/alert', { enabled: true, amountYuan: 1, frequency: 'weekly', recipients: { memberIds: [me] } });
    assert.equal((await alertsOf(e, me)).length, 1, 'below at once when switched on');
    t.clock.set('2026-03-08T23:59:00+08:00');
    await runJob();
    assert.equal((await alertsOf(e, me)).length, 1);
    t.clock.set('2026-03-09T00:00:00+08:00');
    await runJob();
    assert.equal((await alertsOf(e, me)).length, 2);
  });

  it("seed rule 余额预警 b) 提醒对象 are the enterprise's own: another enterprise's member, department or tag, or an id of nothing, is refused with 422 and its field path, and nothing is written", async () => {
    const e = await enterprise(t);
    const ours = await DirectoryFixture.open(t.deps.db, e.corpId, () => t.clock.now());
    const sales = await ours.department('销售部');
    const member = await ours.member('成员甲', [sales]);
    const tag = await ours.tag('财务', [member]);
    const other = await enterprise(t);
    const theirs = await DirectoryFixture.open(t.deps.db, other.corpId, () => t.clock.now());
    const theirDept = await theirs.department('他们的部门');
    const theirMember = await theirs.member('他人', [theirDept]);
    const theirTag = await theirs.tag('他们的标签', [theirMember]);
    const saved = { enabled: true, amountYuan: 50, frequency: 'weekly', recipients: { memberIds: [member], departmentIds: [sales], tagIds: [tag] } };
    assert.equal((await e.owner.put('/api/v1/wallet/alert', saved)).status, 200);
    const auditRows = async () => (await e.owner.get<{ items: unknown[] }>('/api/v1/audit?action=wallet.alert')).body.items.length;
    const auditBefore = await auditRows();
    assert.equal(auditBefore, 1);

    // The first id that is not the enterprise's, in the order memberIds, departmentIds, tagIds.
    const cases: [Alert['recipients'], string, string][] = [
      [{ memberIds: [member, theirMember], departmentIds: [], tagIds: [] }, '/recipients/memberIds/1', theirMember],
      [{ memberIds: [], departmentIds: [sales, theirDept], tagIds: [] }, '/recipients/departmentIds/1', theirDept],
      [{ memberIds: [], departmentIds: [], tagIds: [theirTag] }, '/recipients/tagIds/0', theirTag],
      [{ memberIds: ['mem_nobody', member], departmentIds: [theirDept], tagIds: [tag, 'tag_nothing'] }, '/recipients/memberIds/0', 'mem_nobody'],
    ];
    for (const [recipients, field, id] of cases) {
      const res = await e.owner.put('/api/v1/wallet/alert', { enabled: true, amountYuan: 1, frequency: 'hourly', recipients });
      assert.equal(res.status, 422, field);
      assert.deepEqual(res.body, {
        error: { code: 'request.unknown_id', message: 'An id in the request names nothing in this enterprise; details.field says which.', details: { in: 'body', field, id } },
      });
    }
    assert.deepEqual((await e.owner.get<Alert>('/api/v1/wallet/alert')).body, saved);
    assert.equal(await auditRows(), auditBefore);
    // A member of the enterprise who has departed is still the enterprise's: the form saves again (they receive nothing).
    await ours.setStatus(member, 'departed');
    assert.equal((await e.owner.put('/api/v1/wallet/alert', saved)).status, 200);
  });
});
