import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { enterprise, type Enterprise } from '../../../test/support/enterprise.ts';
import { errorCode } from '../customers/testing/index.ts';
import { ruleBody } from './testing/index.ts';
import { tables } from './attendance.tables.ts';
import type { ClockInView, MachinePunchView, MachineView, PunchResult, RuleView } from './attendance.schema.ts';

const rights = (r: object) => ({ departmentIds: [], apps: [], deviceBind: false, deviceIds: [], ...r });
const nobody = { memberIds: [], departmentIds: [], tagIds: [] };

describeEachDialect('考勤机: attendance machines for clock-in and door access', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  let serial = 0;
  async function addMachine(e: Enterprise, serves: { clockIn: boolean; door: boolean }, range: object = { ...nobody, departmentIds: [e.root] }) {
    const res = await e.owner.post<{ machine: MachineView; secret: string }>('/api/v1/attendance/machines', { name: '前台考勤机', serial: `SN-${process.pid}-${++serial}`, model: 'K1', ...serves, range });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  }
  const push = (secret: string, body: object) => t.client().request<{ results: PunchResult[] }>('POST', '/api/v1/attendance/machine-punches', body, { authorization: `Bearer ${secret}` });
  const count = async (table: 'attendance_clockins' | 'attendance_door_access' | 'attendance_machine_punches', corpId: string) =>
    Number((await tables(t.deps.db).selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('corp_id', '=', corpId).executeTakeFirstOrThrow()).n);

  /** An enterprise with one member under a rule that uses 考勤机 (09:00–18:00, 5 minutes either way). */
  async function setUp(rule: { machines: boolean } = { machines: true }) {
    const e = await enterprise(t);
    const memberId = await e.bareMember('张三');
    const created = await e.owner.post<RuleView>('/api/v1/attendance/rules', ruleBody({ ...rule, places: [{ name: '总部', lat: 39.9, lng: 116.4, radiusM: 200 }], members: { ...nobody, memberIds: [memberId] } }));
    assert.equal(created.status, 201);
    return { e, memberId, ruleId: created.body.id };
  }

  it('machines are devices: adding one needs the bind right (绑定新硬件), changing it needs manage on that device', async () => {
    const e = await enterprise(t);
    const binder = await e.member('绑定者');
    const keeper = await e.member('管理者');
    const plain = await e.member('成员');
    await e.owner.post('/api/v1/admins/hierarchical', { memberId: binder.memberId, rights: rights({ deviceBind: true }) });
    const body = { name: '大门考勤机', serial: `SN-${process.pid}-b`, model: 'K1', clockIn: true, door: true, range: { ...nobody, departmentIds: [e.root] } };
    assert.equal((await plain.client.post('/api/v1/attendance/machines', body)).status, 403);
    const added = await binder.client.post<{ machine: MachineView; secret: string }>('/api/v1/attendance/machines', body);
    assert.equal(added.status, 201);
    const deviceId = added.body.machine.deviceId;
    assert.deepEqual(
      { ...added.body.machine, createdAt: undefined },
      { deviceId, name: '大门考勤机', serial: `SN-${process.pid}-b`, model: 'K1', clockIn: true, door: true, range: { ...nobody, departmentIds: [e.root] }, createdAt: undefined },
    );
    // The machine is in the device registry, under the same id.
    assert.deepEqual((await e.owner.get<{ items: { id: string; name: string }[] }>('/api/v1/devices')).body.items.map((d) => [d.id, d.name]), [[deviceId, '大门考勤机']]);
    const change = { clockIn: true, door: false, range: body.range };
    // Binding gives no manage right by itself; manage on the device does.
    assert.equal((await binder.client.put(`/api/v1/attendance/machines/${deviceId}`, change)).status, 403);
    assert.equal((await binder.client.post(`/api/v1/attendance/machines/${deviceId}/secret`)).status, 403);
    assert.deepEqual((await binder.client.get<{ items: unknown[] }>('/api/v1/attendance/machines')).body.items, []);
    await e.owner.post('/api/v1/admins/hierarchical', { memberId: keeper.memberId, rights: rights({ deviceIds: [deviceId] }) });
    assert.equal((await keeper.client.put<MachineView>(`/api/v1/attendance/machines/${deviceId}`, change)).body.door, false);
    assert.deepEqual((await keeper.client.get<{ items: MachineView[] }>('/api/v1/attendance/machines')).body.items.map((m) => [m.deviceId, m.clockIn, m.door]), [[deviceId, true, false]]);
    // An id from the request that is not the enterprise's is refused; the same serial twice too.
    assert.equal(errorCode((await e.owner.put(`/api/v1/attendance/machines/${deviceId}`, { ...change, range: { ...nobody, memberIds: ['mem_other'] } })).body), 'request.unknown_id');
    assert.equal(errorCode((await e.owner.post('/api/v1/attendance/machines', body)).body), 'device.serial_taken');
    // Unbinding the device makes it no machine any more: its secret stops working.
    assert.equal((await e.owner.delete(`/api/v1/devices/${deviceId}`)).status, 204);
    assert.deepEqual((await e.owner.get<{ items: unknown[] }>('/api/v1/attendance/machines')).body.items, []);
    assert.equal((await push(added.body.secret, { corpId: e.corpId, deviceId, punches: [{ punchId: 'p1', memberId: plain.memberId }] })).status, 401);
  });

  it('each serves 打卡, 门禁 or both (配套使用); turning pairing off makes it serve one; switching both off is refused', async () => {
    const { e, memberId } = await setUp();
    const both = await addMachine(e, { clockIn: true, door: true });
    const deviceId = both.machine.deviceId;
    const range = both.machine.range;
    assert.equal(errorCode((await e.owner.post('/api/v1/attendance/machines', { name: 'x', serial: 'SN-none', model: 'K1', clockIn: false, door: false, range })).body), 'attendance.machine_serves_nothing');
    const off = await e.owner.put(`/api/v1/attendance/machines/${deviceId}`, { clockIn: false, door: false, range });
    assert.deepEqual([off.status, errorCode(off.body)], [400, 'attendance.machine_serves_nothing']);
    // Monday 2026-01-05, 08:58 Shanghai.
    t.clock.set('2026-01-05T08:58:00.000+08:00');
    const paired = await push(both.secret, { corpId: e.corpId, deviceId, punches: [{ punchId: 'p1', memberId }] });
    assert.equal(paired.status, 200);
    assert.deepEqual(Object.keys(paired.body.results[0]!).sort(), ['accessId', 'clockInId', 'punchId', 'status', 'verdicts']);
    assert.deepEqual([await count('attendance_clockins', e.corpId), await count('attendance_door_access', e.corpId)], [1, 1]);

    // Pairing off, 门禁 only: an access record and no clock-in.
    assert.equal((await e.owner.put(`/api/v1/attendance/machines/${deviceId}`, { clockIn: false, door: true, range })).status, 200);
    const door = await push(both.secret, { corpId: e.corpId, deviceId, punches: [{ punchId: 'p2', memberId }] });
    assert.deepEqual(Object.keys(door.body.results[0]!).sort(), ['accessId', 'punchId', 'status']);
    assert.deepEqual([await count('attendance_clockins', e.corpId), await count('attendance_door_access', e.corpId)], [1, 2]);

    // 打卡 only: a clock-in and no access record.
    assert.equal((await e.owner.put(`/api/v1/attendance/machines/${deviceId}`, { clockIn: true, door: false, range })).status, 200);
    const clock = await push(both.secret, { corpId: e.corpId, deviceId, punches: [{ punchId: 'p3', memberId }] });
    assert.deepEqual(Object.keys(clock.body.results[0]!).sort(), ['clockInId', 'punchId', 'status', 'verdicts']);
    assert.deepEqual([await count('attendance_clockins', e.corpId), await count('attendance_door_access', e.corpId)], [2, 2]);
  });

  it('clock-ins from machines go through the same evaluation as phone clock-ins: source machine, the server time, the machine is at the place', async () => {
    const { e, memberId, ruleId } = await setUp();
    const { machine, secret } = await addMachine(e, { clockIn: true, door: false });
    t.clock.set('2026-01-05T09:05:00.000+08:00');
    const onTime = await push(secret, { corpId: e.corpId, deviceId: machine.deviceId, punches: [{ punchId: 'a', memberId }] });
    assert.deepEqual(onTime.body.results[0]!.verdicts, [], 'no 地点异常: the machine stands at the place');
    t.clock.set('2026-01-05T09:05:00.001+08:00');
    const late = await push(secret, { corpId: e.corpId, deviceId: machine.deviceId, punches: [{ punchId: 'b', memberId }] });
    assert.deepEqual(late.body.results[0]!.verdicts, ['时间异常']);
    const records = await e.owner.get<{ items: ClockInView[] }>('/api/v1/attendance/records?day=2026-01-05');
    assert.deepEqual(
      records.body.items.map((c) => ({ ...c, id: undefined })),
      [
        { id: undefined, memberId, ruleId, at: '2026-01-05T01:05:00.000Z', day: '2026-01-05', kind: 'in', restDay: false, source: 'machine', deviceId: machine.deviceId, faceCheck: null, verdicts: [], approvalId: null },
        { id: undefined, memberId, ruleId, at: '2026-01-05T01:05:00.001Z', day: '2026-01-05', kind: 'in', restDay: false, source: 'machine', deviceId: machine.deviceId, faceCheck: null, verdicts: ['时间异常'], approvalId: null },
      ],
    );
    // The summary counts a day whose first clock-in, from the machine, was late as 迟到.
    t.clock.set('2026-01-06T09:06:00.000+08:00');
    await push(secret, { corpId: e.corpId, deviceId: machine.deviceId, punches: [{ punchId: 'c', memberId }] });
    const summary = await e.owner.get<{ items: { memberId: string; late: number }[] }>('/api/v1/attendance/summary?from=2026-01-05&to=2026-01-06');
    assert.equal(summary.body.items.find((s) => s.memberId === memberId)?.late, 1);
  });

  it('a member outside the machine\'s range is recorded as rejected, not dropped; so is one whose rule does not use 考勤机', async () => {
    const { e, memberId } = await setUp({ machines: false });
    const outsider = await e.bareMember('李四');
    const { machine, secret } = await addMachine(e, { clockIn: true, door: true }, { ...nobody, memberIds: [memberId] });
    t.clock.set('2026-01-05T09:00:00.000+08:00');
    const res = await push(secret, { corpId: e.corpId, deviceId: machine.deviceId, punches: [{ punchId: 'x1', memberId: outsider }, { punchId: 'x2', memberId }, { punchId: 'x3', memberId: 'mem_nobody' }] });
    assert.deepEqual(res.body.results, [
      { punchId: 'x1', status: 'rejected', reason: 'out_of_range' },
      { punchId: 'x2', status: 'rejected', reason: 'rule_without_machines' },
      { punchId: 'x3', status: 'rejected', reason: 'out_of_range' },
    ]);
    assert.deepEqual([await count('attendance_clockins', e.corpId), await count('attendance_door_access', e.corpId)], [0, 0]);
    const recorded = await e.owner.get<{ items: MachinePunchView[] }>(`/api/v1/attendance/machines/${machine.deviceId}/punches`);
    assert.deepEqual(recorded.body.items, [
      { punchId: 'x3', memberId: 'mem_nobody', at: '2026-01-05T01:00:00.000Z', status: 'rejected', reason: 'out_of_range', clockInId: null },
      { punchId: 'x2', memberId, at: '2026-01-05T01:00:00.000Z', status: 'rejected', reason: 'rule_without_machines', clockInId: null },
      { punchId: 'x1', memberId: outsider, at: '2026-01-05T01:00:00.000Z', status: 'rejected', reason: 'out_of_range', clockInId: null },
    ]);
  });

  it('batches of at most 200 (201 is a 400), idempotent by the machine\'s punch id: a replayed batch writes nothing new', async () => {
    const { e, memberId } = await setUp();
    const { machine, secret } = await addMachine(e, { clockIn: true, door: true });
    const batch = (n: number, from = 0) => ({ corpId: e.corpId, deviceId: machine.deviceId, punches: Array.from({ length: n }, (_, i) => ({ punchId: `p${from + i}`, memberId })) });
    t.clock.set('2026-01-05T09:00:00.000+08:00');
    const tooMany = await push(secret, batch(201));
    assert.equal(tooMany.status, 400);
    assert.equal(await count('attendance_machine_punches', e.corpId), 0);
    const first = await push(secret, batch(200));
    assert.deepEqual([first.status, first.body.results.filter((r) => r.status === 'accepted').length], [200, 200]);
    const replay = await push(secret, batch(200));
    assert.deepEqual([replay.status, new Set(replay.body.results.map((r) => r.status))], [200, new Set(['duplicate'])]);
    // Half old, half new, and a punch id twice in one batch: only the new ones write, once each.
    const mixed = await push(secret, { ...batch(200, 100), punches: [...batch(199, 100).punches, { punchId: 'p298', memberId }] });
    assert.deepEqual([mixed.body.results.filter((r) => r.status === 'accepted').length, mixed.body.results.at(-1)!.status], [99, 'duplicate']);
    assert.deepEqual([await count('attendance_machine_punches', e.corpId), await count('attendance_clockins', e.corpId), await count('attendance_door_access', e.corpId)], [299, 299, 299]);
  });

  it('the device API is authenticated by a per-machine secret, shown once, stored hashed and rotatable', async () => {
    const { e, memberId } = await setUp();
    const { machine, secret } = await addMachine(e, { clockIn: false, door: true });
    const other = await addMachine(e, { clockIn: false, door: true });
    const batch = (punchId: string) => ({ corpId: e.corpId, deviceId: machine.deviceId, punches: [{ punchId, memberId }] });
    assert.equal((await t.client().post('/api/v1/attendance/machine-punches', batch('n0'))).status, 401);
    assert.equal((await push('bym_wrong', batch('n1'))).status, 401);
    assert.equal((await push(other.secret, batch('n2'))).status, 401, "another machine's secret does not speak for this one");
    assert.equal((await push(secret, batch('n3'))).status, 200);
    const stored = await tables(t.deps.db).selectFrom('attendance_machines').select('secret_hash').where('corp_id', '=', e.corpId).where('device_id', '=', machine.deviceId).executeTakeFirstOrThrow();
    assert.notEqual(stored.secret_hash, secret);
    assert.ok(!JSON.stringify((await e.owner.get('/api/v1/attendance/machines')).body).includes(secret), 'the list never shows a secret');
    const rotated = await e.owner.post<{ secret: string }>(`/api/v1/attendance/machines/${machine.deviceId}/secret`);
    assert.equal(rotated.status, 200);
    assert.match(rotated.body.secret, /^bym_/);
    assert.equal((await push(secret, batch('n4'))).status, 401, 'the old secret stops at once');
    assert.equal((await push(rotated.body.secret, batch('n5'))).status, 200);
  });
});
