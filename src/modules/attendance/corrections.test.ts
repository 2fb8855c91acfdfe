import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, keepSessions, type Client, type TestApp } from '../../../test/support/app.ts';
import { errorCode, signedInMember } from '../customers/testing/index.ts';
import { DirectoryFixture } from '../directory/testing/index.ts';
import { systemActor } from '../../platform/context.ts';
import { CLOSE_SHIFTS_JOB, ruleBody } from './testing/index.ts';
import type { ClockInView, CorrectionView, MyRecordsView, RuleView } from './attendance.schema.ts';
import type { MemberSummary } from './summary.service.ts';

interface TemplateView {
  id: string;
  name: string;
  form: unknown[];
  flow: unknown[];
  settings: Record<string, unknown>;
  version: number;
  builtin: string | null;
}

describeEachDialect('补卡: corrections through the approval engine', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  let slot = 0;
  /** The job runs once per slot: each run here is a minute later than the last one of the same instant. */
  async function runJobAt(instant: string) {
    t.clock.set(new Date(Date.parse(instant) + ++slot * 60_000).toISOString());
    await t.deps.jobs.enqueueSlot(CLOSE_SHIFTS_JOB, t.clock.now());
    await t.deps.jobs.runDue();
  }

  const punch = async (client: Client, instant: string) => {
    t.clock.set(instant);
    const res = await client.post<ClockInView>('/api/v1/attendance/clock-ins', { deviceId: 'phone', lat: 39.9, lng: 116.4 });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };

  /**
   * An enterprise whose rule covers 销售部 (甲 and 乙), 09:00–18:00. The 补卡 template exists from the
   * first rule on, and the owner sends it to 主管. On Monday 2026-01-05 甲 clocks in late (09:10)
   * and never out; 乙 clocks in and out on time.
   */
  async function setUp(rule: Partial<Parameters<typeof ruleBody>[0]> = {}) {
    t.clock.set('2026-01-04T20:00:00.000+08:00');
    const owner = await t.register();
    const corpId = owner.me.currentCorp!.id;
    const contacts = await DirectoryFixture.open(t.deps.db, corpId, () => t.clock.now());
    const sales = await contacts.department('销售部');
    const a = await signedInMember(t, corpId, '甲', [sales]);
    const b = await signedInMember(t, corpId, '乙', [sales]);
    const boss = await signedInMember(t, corpId, '主管');
    const created = await owner.post<RuleView>('/api/v1/attendance/rules', ruleBody({ members: { memberIds: [], departmentIds: [sales], tagIds: [] }, places: [{ name: '总部', lat: 39.9, lng: 116.4, radiusM: 200 }], ...rule }));
    assert.equal(created.status, 201);
    const templates = await owner.get<{ items: TemplateView[] }>('/api/v1/approvals/templates');
    const template = templates.body.items.find((x) => x.builtin === 'attendance.correction')!;
    assert.equal(template.name, '补卡');
    const { id: templateId, version, builtin: _b, ...rest } = template as TemplateView & { description: string; archived: boolean; updatedAt: string };
    const { archived: _a, updatedAt: _u, canManage: _c, ...input } = rest as typeof rest & { archived: boolean; updatedAt: string; canManage: boolean };
    const flow = [{ id: 'boss', kind: 'approver', name: '主管审批', assignee: { type: 'members', memberIds: [boss.memberId], mode: 'any' } }];
    const put = await owner.put(`/api/v1/approvals/templates/${templateId}`, { ...input, flow, expectedVersion: version });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const late = await punch(a.client, '2026-01-05T09:10:00.000+08:00');
    await punch(b.client, '2026-01-05T09:00:00.000+08:00');
    await punch(b.client, '2026-01-05T18:00:00.000+08:00');
    await runJobAt('2026-01-05T18:00:00.000+08:00');
    await keepSessions(t);
    return { owner, a, b, boss: boss.client, late, rule: created.body, templateId };
  }

  const summaryOf = async (owner: Client, name: string) => {
    const res = await owner.get<{ items: MemberSummary[] }>('/api/v1/attendance/summary?from=2026-01-01&to=2026-01-31');
    const { memberId: _, ...s } = res.body.items.find((x) => x.name === name)!;
    return s;
  };

  /** The approver's open tasks, in order, and a decision on each. */
  const todo = async (boss: Client) => (await boss.get<{ items: { taskId: string; requestId: string }[] }>('/api/v1/approvals/requests?box=todo')).body.items;
  const decide = async (boss: Client, taskId: string, action: 'approve' | 'reject') => {
    const res = await boss.post(`/api/v1/approvals/tasks/${taskId}/actions`, { action });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  };

  it('approved: the corrected clock-in is recorded on time (source correction, linked to the approval) and the summary counts it so', async () => {
    const { owner, a, boss, late } = await setUp();
    const before = await a.client.get<MyRecordsView>('/api/v1/attendance/my-records?month=2026-01');
    assert.equal(before.status, 200);
    assert.deepEqual(before.body.corrections, { used: 0, limit: 5 }, 'WeCom default: 5 corrections a month');
    assert.deepEqual(before.body.items.map((r) => [r.day, r.kind, r.verdicts, r.clockIn?.id ?? null, r.correction]), [
      ['2026-01-05', 'in', ['时间异常'], late.id, null],
      ['2026-01-05', 'out', ['未打卡'], null, null],
    ]);
    assert.deepEqual(await summaryOf(owner, '甲'), { name: '甲', late: 1, early: 0, missed: 1, exceptions: 0, corrected: 0 });

    t.clock.set('2026-01-06T10:00:00.000+08:00');
    const asked = await a.client.post<CorrectionView>('/api/v1/attendance/corrections', { day: '2026-01-05', kind: 'in', reason: '地铁故障', clockInId: late.id });
    assert.equal(asked.status, 201, JSON.stringify(asked.body));
    assert.equal(asked.body.status, 'pending');
    assert.equal(asked.body.punchAt, '2026-01-05T01:00:00.000Z');
    assert.match(asked.body.approvalId, /^apr_/);
    const missedOut = await a.client.post<CorrectionView>('/api/v1/attendance/corrections', { day: '2026-01-05', kind: 'out', reason: '忘记打卡' });
    assert.equal(missedOut.status, 201);
    assert.equal(missedOut.body.punchAt, '2026-01-05T10:00:00.000Z');

    // The request is an approval of the 补卡 template, with the approver the template names.
    const detail = await boss.get<{ templateName: string; form: Record<string, unknown> }>(`/api/v1/approvals/requests/${asked.body.approvalId}`);
    assert.equal(detail.status, 200);
    assert.equal(detail.body.templateName, '补卡');
    assert.deepEqual(detail.body.form, { day: '2026-01-05', punch: '上班 09:00', reason: '地铁故障' });
    const tasks = await todo(boss);
    assert.equal(tasks.length, 2);
    // Nothing changes until the approval is decided.
    await t.deps.outbox.drain();
    assert.deepEqual(await summaryOf(owner, '甲'), { name: '甲', late: 1, early: 0, missed: 1, exceptions: 0, corrected: 0 });
    for (const task of tasks) await decide(boss, task.taskId, 'approve');
    await t.deps.outbox.drain();

    const after = await a.client.get<MyRecordsView>('/api/v1/attendance/my-records?month=2026-01');
    assert.deepEqual(after.body.corrections, { used: 2, limit: 5 });
    assert.deepEqual(
      after.body.items.map((r) => [r.kind, r.verdicts, r.clockIn?.source, r.clockIn?.at, r.clockIn?.approvalId, r.correction?.status]),
      [
        ['in', [], 'correction', '2026-01-05T01:00:00.000Z', asked.body.approvalId, 'approved'],
        ['out', [], 'correction', '2026-01-05T10:00:00.000Z', missedOut.body.approvalId, 'approved'],
      ],
    );
    assert.deepEqual(await summaryOf(owner, '甲'), { name: '甲', late: 0, early: 0, missed: 0, exceptions: 0, corrected: 2 });
    const records = await owner.get<{ items: ClockInView[] }>('/api/v1/attendance/records?day=2026-01-05');
    assert.deepEqual(
      records.body.items.filter((c) => c.memberId === a.memberId).map((c) => [c.at, c.source, c.verdicts, c.approvalId]),
      [
        ['2026-01-05T01:00:00.000Z', 'correction', [], asked.body.approvalId],
        ['2026-01-05T01:10:00.000Z', 'phone', ['时间异常'], null],
        ['2026-01-05T10:00:00.000Z', 'correction', [], missedOut.body.approvalId],
      ],
    );
    // Corrected once: asking again is refused.
    const again = await a.client.post('/api/v1/attendance/corrections', { day: '2026-01-05', kind: 'in', reason: '再来' });
    assert.deepEqual([again.status, errorCode(again.body)], [409, 'attendance.correction_exists']);
  });

  it('rejected (or withdrawn): nothing changes, and the allowance comes back', async () => {
    const { owner, a, boss } = await setUp();
    t.clock.set('2026-01-06T10:00:00.000+08:00');
    const asked = await a.client.post<CorrectionView>('/api/v1/attendance/corrections', { day: '2026-01-05', kind: 'out', reason: '忘记打卡' });
    assert.equal(asked.status, 201);
    await decide(boss, (await todo(boss))[0]!.taskId, 'reject');
    await t.deps.outbox.drain();
    assert.deepEqual(await summaryOf(owner, '甲'), { name: '甲', late: 1, early: 0, missed: 1, exceptions: 0, corrected: 0 });
    const mine = await a.client.get<MyRecordsView>('/api/v1/attendance/my-records?month=2026-01');
    assert.deepEqual(mine.body.corrections, { used: 0, limit: 5 });
    assert.deepEqual(mine.body.items.map((r) => [r.kind, r.verdicts, r.clockIn?.source ?? null, r.correction?.status ?? null]), [['in', ['时间异常'], 'phone', null], ['out', ['未打卡'], null, 'rejected']]);
    const day = await owner.get<{ items: ClockInView[] }>('/api/v1/attendance/records?day=2026-01-05');
    assert.deepEqual(day.body.items.filter((c) => c.memberId === a.memberId).map((c) => c.source), ['phone']);

    // A rejected record may be asked for again; withdrawn, it too changes nothing.
    const second = await a.client.post<CorrectionView>('/api/v1/attendance/corrections', { day: '2026-01-05', kind: 'out', reason: '确实忘了' });
    assert.equal(second.status, 201, JSON.stringify(second.body));
    assert.equal((await a.client.post(`/api/v1/approvals/requests/${second.body.approvalId}/withdraw`, {})).status, 200);
    await t.deps.outbox.drain();
    const withdrawn = await a.client.get<MyRecordsView>('/api/v1/attendance/my-records?month=2026-01');
    assert.deepEqual([withdrawn.body.corrections.used, withdrawn.body.items[1]!.correction?.status], [0, 'withdrawn']);
    assert.deepEqual(await summaryOf(owner, '甲'), { name: '甲', late: 1, early: 0, missed: 1, exceptions: 0, corrected: 0 });
  });

  it('a repeated approval event records the correction once', async () => {
    const { owner, a, boss } = await setUp();
    t.clock.set('2026-01-06T10:00:00.000+08:00');
    const asked = await a.client.post<CorrectionView>('/api/v1/attendance/corrections', { day: '2026-01-05', kind: 'out', reason: '忘记打卡' });
    await decide(boss, (await todo(boss))[0]!.taskId, 'approve');
    await t.deps.outbox.drain();
    // The outbox delivers at least once: hand the same event to the subscriber twice more.
    const subscriber = t.deps.registry.outboxSubscribers.get('approval.builtin_decided')!.find((s) => s.name === 'attendance.correction-decided')!;
    const payload = { instanceId: asked.body.approvalId, kind: 'attendance.correction', applicantId: a.memberId, status: 'approved' };
    for (let i = 0; i < 2; i++) {
      await t.deps.db.transaction().execute((trx) =>
        subscriber.run({ corpId: owner.me.currentCorp!.id, actor: systemActor, trx, now: t.clock.now(), log: t.deps.log, registry: t.deps.registry }, payload, { eventId: 'evt_repeat', createdAt: t.clock.now() }),
      );
    }
    await t.deps.outbox.drain();
    const day = await owner.get<{ items: ClockInView[] }>('/api/v1/attendance/records?day=2026-01-05');
    assert.deepEqual(day.body.items.filter((c) => c.memberId === a.memberId).map((c) => [c.source, c.approvalId]), [['phone', null], ['correction', asked.body.approvalId]]);
    assert.deepEqual(await summaryOf(owner, '甲'), { name: '甲', late: 1, early: 0, missed: 0, exceptions: 0, corrected: 1 });
  });

  it('over the monthly limit (per rule, default 5) is attendance.correction_limit; a rejected one frees its place', async () => {
    const { owner, a, boss, rule } = await setUp({ correctionsPerMonth: 2 });
    assert.equal(rule.correctionsPerMonth, 2);
    // Tuesday: 甲 makes neither clock-in nor clock-out.
    await runJobAt('2026-01-06T18:00:00.000+08:00');
    t.clock.set('2026-01-07T10:00:00.000+08:00');
    const ask = (day: string, kind: 'in' | 'out') => a.client.post<CorrectionView>('/api/v1/attendance/corrections', { day, kind, reason: '忘记打卡' });
    assert.equal((await ask('2026-01-05', 'out')).status, 201);
    assert.equal((await ask('2026-01-06', 'in')).status, 201);
    const over = await ask('2026-01-06', 'out');
    assert.deepEqual([over.status, errorCode(over.body), (over.body as unknown as { error: { details: unknown } }).error.details], [409, 'attendance.correction_limit', { month: '2026-01', limit: 2, used: 2 }]);
    assert.equal((await todo(boss)).length, 2, 'nothing was submitted for the refused one');
    await decide(boss, (await todo(boss))[0]!.taskId, 'reject');
    await t.deps.outbox.drain();
    assert.equal((await ask('2026-01-06', 'out')).status, 201);
    // A replace that leaves the limit out keeps it.
    const { id, createdBy: _c, createdAt: _ca, updatedAt: _u, correctionsPerMonth: _l, ...body } = rule;
    const replaced = await owner.put<RuleView>(`/api/v1/attendance/rules/${id}`, body);
    assert.equal(replaced.body.correctionsPerMonth, 2);
  });

  it('at once: two requests for the last place of the month, or for one record, give one correction (compare-and-set, unique hold)', async () => {
    const { a, boss } = await setUp({ correctionsPerMonth: 1 });
    t.clock.set('2026-01-06T10:00:00.000+08:00');
    const ask = (kind: 'in' | 'out') => a.client.post<CorrectionView>('/api/v1/attendance/corrections', { day: '2026-01-05', kind, reason: '同时' });
    const lastPlace = await Promise.all([ask('in'), ask('out')]);
    assert.deepEqual(lastPlace.map((r) => r.status).sort(), [201, 409]);
    assert.equal(errorCode(lastPlace.find((r) => r.status === 409)!.body), 'attendance.correction_limit');
    assert.equal((await todo(boss)).length, 1, 'the refused one left no approval behind');
    // Rejected, the place comes back; then the same record twice at once.
    await decide(boss, (await todo(boss))[0]!.taskId, 'reject');
    await t.deps.outbox.drain();
    const sameRecord = await Promise.all([ask('out'), ask('out')]);
    assert.deepEqual(sameRecord.map((r) => r.status).sort(), [201, 409]);
    assert.equal((await todo(boss)).length, 1);
    assert.deepEqual((await a.client.get<MyRecordsView>('/api/v1/attendance/my-records?month=2026-01')).body.corrections, { used: 1, limit: 1 });
  });

  it("a member cannot correct someone else's record, nor a record that is not 未打卡 or abnormal (400), nor submit the 补卡 template directly", async () => {
    const { owner, a, b, late, templateId } = await setUp();
    t.clock.set('2026-01-06T10:00:00.000+08:00');
    const foreign = await b.client.post('/api/v1/attendance/corrections', { day: '2026-01-05', kind: 'in', reason: '帮忙', clockInId: late.id });
    assert.deepEqual([foreign.status, errorCode(foreign.body)], [404, 'attendance.clockin_not_found']);
    // 乙's own record of that morning was on time.
    const onTime = await b.client.post('/api/v1/attendance/corrections', { day: '2026-01-05', kind: 'in', reason: '多补一次' });
    assert.deepEqual([onTime.status, errorCode(onTime.body)], [400, 'attendance.correction_not_needed']);
    // A day without any record (no shift closed) is not missed either.
    const nothing = await a.client.post('/api/v1/attendance/corrections', { day: '2026-01-07', kind: 'in', reason: '未来' });
    assert.deepEqual([nothing.status, errorCode(nothing.body)], [400, 'attendance.correction_not_needed']);
    const direct = await a.client.post('/api/v1/approvals/requests', { templateId, form: { day: '2026-01-05', punch: '上班 09:00', reason: 'x' } });
    assert.deepEqual([direct.status, errorCode(direct.body)], [409, 'approval.template_builtin']);
    // The admin sets its flow (setUp did), but its form is attendance's and it cannot be archived.
    const template = (await owner.get<TemplateView & Record<string, unknown>>(`/api/v1/approvals/templates/${templateId}`)).body;
    const { id: _i, version, builtin: _b, archived: _a, updatedAt: _u, canManage: _c, ...input } = template;
    const reform = await owner.put(`/api/v1/approvals/templates/${templateId}`, { ...input, form: [{ id: 'reason', type: 'text', label: '事由', required: true }], expectedVersion: version });
    assert.deepEqual([reform.status, errorCode(reform.body), (reform.body as { error: { details: { reason: string } } }).error.details.reason], [409, 'approval.template_builtin', 'form_locked']);
    const archive = await owner.delete(`/api/v1/approvals/templates/${templateId}`);
    assert.deepEqual([archive.status, errorCode(archive.body)], [409, 'approval.template_builtin']);
    // Members do not see it among the templates to submit.
    assert.deepEqual((await a.client.get<{ items: TemplateView[] }>('/api/v1/approvals/templates')).body.items.filter((x) => x.builtin !== null), []);
    assert.equal((await b.client.get<MyRecordsView>('/api/v1/attendance/my-records?month=2026-01')).body.items.every((r) => r.verdicts.length === 0), true);
  });
});
