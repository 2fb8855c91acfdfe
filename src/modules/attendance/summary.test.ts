import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, keepSessions, type Client, type TestApp } from '../../../test/support/app.ts';
import { errorCode, signedInMember } from '../customers/testing/index.ts';
import { DirectoryFixture } from '../directory/testing/index.ts';
import { rights } from '../admin/testing/index.ts';
import { loadExcel } from '../../platform/excel.ts';
import { CLOSE_SHIFTS_JOB, ruleBody } from './testing/index.ts';
import type { ClockInView, RuleView } from './attendance.schema.ts';
import type { MemberSummary } from './summary.service.ts';

describeEachDialect('未打卡 at the end of the shift, records and summaries', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  async function runJobAt(instant: string) {
    t.clock.set(instant);
    await t.deps.jobs.enqueueSlot(CLOSE_SHIFTS_JOB, t.clock.now());
    await t.deps.jobs.runDue();
  }

  async function setUp() {
    t.clock.set('2026-01-04T20:00:00.000+08:00');
    const owner = await t.register();
    const corpId = owner.me.currentCorp!.id;
    const contacts = await DirectoryFixture.open(t.deps.db, corpId, () => t.clock.now());
    const sales = await contacts.department('销售部');
    const rd = await contacts.department('研发部');
    const a = await signedInMember(t, corpId, '甲');
    const b = await signedInMember(t, corpId, '乙');
    assert.equal((await owner.patch(`/api/v1/contacts/members/${b.memberId}`, { departmentIds: [rd] })).status, 200);
    const admin = await signedInMember(t, corpId, '丙');
    assert.equal((await owner.patch(`/api/v1/contacts/members/${a.memberId}`, { departmentIds: [sales] })).status, 200);
    assert.equal((await owner.post('/api/v1/admins/hierarchical', { memberId: admin.memberId, rights: rights({ departmentIds: [sales], apps: [{ appId: 'attendance', level: 'manage' }] }) })).status, 204);
    const rule = await owner.post<RuleView>('/api/v1/attendance/rules', ruleBody({ members: { memberIds: [], departmentIds: [sales, rd], tagIds: [] }, places: [{ name: '总部', lat: 39.9, lng: 116.4, radiusM: 200 }] }));
    assert.equal(rule.status, 201);
    await keepSessions(t);
    return { owner, a, b, admin };
  }

  const punch = async (client: Client, instant: string, body: Record<string, unknown> = { lat: 39.9, lng: 116.4 }) => {
    t.clock.set(instant);
    const res = await client.post<ClockInView>('/api/v1/attendance/clock-ins', { deviceId: 'phone', ...body });
    assert.equal(res.status, 201, JSON.stringify(res.body));
  };

  it('未打卡 is written by the job at the end of the shift (not a millisecond before), once, and only on work days', async () => {
    const { owner, a, b } = await setUp();
    // Monday 2026-01-05: 甲 in and out on time, 乙 in late and never out.
    await punch(a.client, '2026-01-05T09:00:00.000+08:00');
    await punch(b.client, '2026-01-05T09:10:00.000+08:00');
    await punch(a.client, '2026-01-05T18:00:00.000+08:00');
    const summary = async (from: string, to: string) => (await owner.get<{ items: MemberSummary[] }>(`/api/v1/attendance/summary?from=${from}&to=${to}`)).body.items.map(({ memberId: _, ...s }) => s);
    await runJobAt('2026-01-05T17:59:59.999+08:00');
    assert.deepEqual(await summary('2026-01-05', '2026-01-05'), [
      { name: '甲', late: 0, early: 0, missed: 0, exceptions: 0, corrected: 0 },
      { name: '乙', late: 1, early: 0, missed: 0, exceptions: 0, corrected: 0 },
    ]);
    await runJobAt('2026-01-05T18:00:00.000+08:00');
    await runJobAt('2026-01-05T18:05:00.000+08:00');
    assert.deepEqual(await summary('2026-01-05', '2026-01-05'), [
      { name: '甲', late: 0, early: 0, missed: 0, exceptions: 0, corrected: 0 },
      { name: '乙', late: 1, early: 0, missed: 1, exceptions: 0, corrected: 0 },
    ]);
    // Tuesday: nobody clocks in; the job runs the next morning and still closes Tuesday.
    await runJobAt('2026-01-07T08:00:00.000+08:00');
    // Saturday's run closes Wednesday, Thursday and Friday too; Saturday and Sunday are not work days of this rule.
    await runJobAt('2026-01-10T19:00:00.000+08:00');
    await runJobAt('2026-01-11T19:00:00.000+08:00');
    assert.deepEqual(await summary('2026-01-10', '2026-01-11'), []);
    // 甲 leaves early on Monday 12th and clocks in off site.
    await punch(a.client, '2026-01-12T09:00:00.000+08:00', { lat: 40.5, lng: 116.4 });
    await punch(a.client, '2026-01-12T17:00:00.000+08:00');
    assert.deepEqual(await summary('2026-01-01', '2026-01-31'), [
      { name: '甲', late: 0, early: 1, missed: 8, exceptions: 1, corrected: 0 },
      { name: '乙', late: 1, early: 0, missed: 9, exceptions: 0, corrected: 0 },
    ]);
  });

  it('the 未打卡 job closes every day since its last run (not only today and yesterday), once per member-day', async () => {
    const { owner, a } = await setUp();
    await punch(a.client, '2026-01-05T09:00:00.000+08:00');
    // (Instants the first test did not use: the job runs once per slot.)
    await runJobAt('2026-01-05T18:01:00.000+08:00');
    const missedOf = async () => (await owner.get<{ items: MemberSummary[] }>('/api/v1/attendance/summary?from=2026-01-01&to=2026-01-31')).body.items.map((s) => [s.name, s.missed]);
    assert.deepEqual(await missedOf(), [['甲', 1], ['乙', 2]]);
    // The server is down from Monday evening until the Wednesday of the week after: one run closes the
    // seven work days in between (Tue 6 … Fri 9, Mon 12 … Wed 14), the weekend has no shift.
    await runJobAt('2026-01-14T18:01:00.000+08:00');
    assert.deepEqual(await missedOf(), [['甲', 1 + 14], ['乙', 2 + 14]]);
    // Run again, and the next morning: nothing twice.
    await runJobAt('2026-01-14T18:06:00.000+08:00');
    await runJobAt('2026-01-15T08:01:00.000+08:00');
    assert.deepEqual(await missedOf(), [['甲', 15], ['乙', 16]]);
  });

  it("admins see their scope's records and summaries; members and an inverted or over-long range are refused; .xlsx export", async () => {
    const { owner, a, b, admin } = await setUp();
    await punch(a.client, '2026-01-05T09:00:00.000+08:00');
    await punch(b.client, '2026-01-05T09:06:00.000+08:00', {});
    const all = await owner.get<{ items: ClockInView[] }>('/api/v1/attendance/records?day=2026-01-05');
    assert.deepEqual(all.body.items.map((c) => [c.memberId, c.verdicts]), [[a.memberId, []], [b.memberId, ['时间异常', '地点异常']]]);
    const scoped = await admin.client.get<{ items: ClockInView[] }>('/api/v1/attendance/records?day=2026-01-05');
    assert.deepEqual(scoped.body.items.map((c) => c.memberId), [a.memberId]);
    const scopedSummary = await admin.client.get<{ items: MemberSummary[] }>('/api/v1/attendance/summary?from=2026-01-05&to=2026-01-05');
    assert.deepEqual(scopedSummary.body.items, [{ memberId: a.memberId, name: '甲', late: 0, early: 0, missed: 0, exceptions: 0, corrected: 0 }]);
    assert.equal((await a.client.get('/api/v1/attendance/records?day=2026-01-05')).status, 403);
    assert.equal((await a.client.get('/api/v1/attendance/summary?from=2026-01-05&to=2026-01-05')).status, 403);
    for (const [from, to] of [['2026-01-06', '2026-01-05'], ['2026-01-01', '2026-02-01']]) {
      const res = await owner.get(`/api/v1/attendance/summary?from=${from}&to=${to}`);
      assert.equal(res.status, 400);
      assert.equal(errorCode(res.body), 'attendance.range_invalid');
    }
    const file = await t.app.inject({ method: 'GET', url: '/api/v1/attendance/summary/export?from=2026-01-01&to=2026-01-31', headers: { cookie: [...owner.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const ExcelJS = await loadExcel();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const rows = workbook.worksheets[0]!.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    assert.equal(workbook.worksheets[0]!.name, '2026-01-01至2026-01-31');
    assert.deepEqual(rows, [
      ['姓名', '迟到次数', '早退次数', '未打卡次数', '异常打卡次数', '补卡次数'],
      ['甲', 0, 0, 0, 0, 0],
      ['乙', 1, 0, 0, 1, 0],
    ]);
  });
});
