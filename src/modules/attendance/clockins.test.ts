import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, keepSessions, type Client, type TestApp } from '../../../test/support/app.ts';
import { errorCode, signedInMember } from '../customers/testing/index.ts';
import { cameraPhoto, ruleBody } from './testing/index.ts';
import type { ClockInView, RuleInputValue, RuleView } from './attendance.schema.ts';

// 100 m north of 39.908823 is 0.000899321° of latitude (mean Earth radius).
const HQ = { lat: 39.908823, lng: 116.39747 };

describeEachDialect('clock-ins (打卡) and their verdicts', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  /** An enterprise with one rule covering one signed-in member. */
  async function setUp(rule: Partial<RuleInputValue> = {}) {
    const owner = await t.register();
    const corpId = owner.me.currentCorp!.id;
    const m = await signedInMember(t, corpId);
    const created = await owner.post<RuleView>('/api/v1/attendance/rules', ruleBody({ ...rule, members: { memberIds: [m.memberId], departmentIds: [], tagIds: [] } }));
    assert.equal(created.status, 201);
    return { owner, corpId, member: m, ruleId: created.body.id };
  }

  const punch = (client: Client, body: Record<string, unknown> = {}) => client.post<ClockInView>('/api/v1/attendance/clock-ins', { deviceId: 'phone-1', ...body });
  const at = async (client: Client, instant: string, body: Record<string, unknown> = {}) => {
    t.clock.set(instant);
    const res = await punch(client, body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };

  it('the server time, never the device time, in Asia/Shanghai: late after start + window, early before end − window, to the millisecond', async () => {
    const { member, ruleId } = await setUp();
    // 2026-01-05 is a Monday; the shift is 09:00–18:00 with 5 minutes either way.
    const onTime = await at(member.client, '2026-01-05T09:05:00.000+08:00');
    assert.deepEqual(
      { ...onTime, id: undefined },
      { id: undefined, memberId: member.memberId, ruleId, at: '2026-01-05T01:05:00.000Z', day: '2026-01-05', kind: 'in', restDay: false, source: 'phone', deviceId: 'phone-1', faceCheck: null, verdicts: [], approvalId: null },
    );
    assert.deepEqual((await at(member.client, '2026-01-05T09:05:00.001+08:00')).verdicts, ['时间异常']);
    assert.deepEqual((await at(member.client, '2026-01-05T08:00:00.000+08:00')).verdicts, [], 'early for the shift is on time');
    // The middle of the shift (13:30) divides clock-in from clock-out.
    assert.equal((await at(member.client, '2026-01-05T13:29:59.999+08:00')).kind, 'in');
    const leavingEarly = await at(member.client, '2026-01-05T17:54:59.999+08:00');
    assert.deepEqual([leavingEarly.kind, leavingEarly.verdicts], ['out', ['时间异常']]);
    assert.deepEqual((await at(member.client, '2026-01-05T17:55:00.000+08:00')).verdicts, []);
    // The device's idea of the time is not an input at all.
    t.clock.set('2026-01-05T18:30:00.000+08:00');
    const claimed = await punch(member.client, { at: '2026-01-05T09:00:00.000+08:00' });
    assert.equal(claimed.status, 400);
    // The Shanghai day turns at 16:00 UTC, all year (no daylight saving: July is the same offset).
    assert.equal((await at(member.client, '2026-01-05T15:59:59.999Z')).day, '2026-01-05');
    assert.equal((await at(member.client, '2026-01-05T16:00:00.000Z')).day, '2026-01-06');
    await keepSessions(t);
    const summer = await at(member.client, '2026-07-06T01:05:00.001Z');
    assert.deepEqual([summer.day, summer.kind, summer.verdicts], ['2026-07-06', 'in', ['时间异常']]);
    const mine = await member.client.get<{ items: ClockInView[] }>('/api/v1/attendance/my-clock-ins?day=2026-01-05');
    assert.deepEqual(mine.body.items.map((c) => c.at), [
      '2026-01-05T00:00:00.000Z',
      '2026-01-05T01:05:00.000Z',
      '2026-01-05T01:05:00.001Z',
      '2026-01-05T05:29:59.999Z',
      '2026-01-05T09:54:59.999Z',
      '2026-01-05T09:55:00.000Z',
      '2026-01-05T15:59:59.999Z',
    ]);
  });

  it('work days and holidays: the 7th day (Sunday) of a Monday–Saturday rule and a holiday are rest days with no time verdict', async () => {
    const { member } = await setUp({ workDays: [1, 2, 3, 4, 5, 6], holidays: ['2026-01-07'] });
    const saturday = await at(member.client, '2026-01-10T10:00:00.000+08:00');
    assert.deepEqual([saturday.restDay, saturday.verdicts], [false, ['时间异常']]);
    const sunday = await at(member.client, '2026-01-11T10:00:00.000+08:00');
    assert.deepEqual([sunday.restDay, sunday.verdicts], [true, []]);
    const holiday = await at(member.client, '2026-01-07T10:00:00.000+08:00');
    assert.deepEqual([holiday.restDay, holiday.verdicts], [true, []]);
    const monday = await at(member.client, '2026-01-12T10:00:00.000+08:00');
    assert.deepEqual([monday.restDay, monday.verdicts], [false, ['时间异常']]);
  });

  it('places: inside the radius (haversine on GCJ-02) is on site, outside or without coordinates is 地点异常', async () => {
    const { member } = await setUp({ places: [{ name: '总部大厦', ...HQ, radiusM: 100 }] });
    const instant = '2026-01-05T09:00:00.000+08:00';
    assert.deepEqual((await at(member.client, instant, { lat: HQ.lat + 0.00089, lng: HQ.lng })).verdicts, []);
    assert.deepEqual((await at(member.client, instant, { lat: HQ.lat + 0.00091, lng: HQ.lng })).verdicts, ['地点异常']);
    assert.deepEqual((await at(member.client, instant)).verdicts, ['地点异常']);
  });

  it('Wi-Fi: SSID and BSSID must both match, the BSSID in any case; place and Wi-Fi are alternatives', async () => {
    const { member } = await setUp({ places: [{ name: '总部大厦', ...HQ, radiusM: 100 }], wifi: [{ ssid: 'Banyan', bssid: 'aa:bb:cc:dd:ee:ff' }] });
    const instant = '2026-01-05T09:00:00.000+08:00';
    const far = { lat: HQ.lat + 0.01, lng: HQ.lng };
    assert.deepEqual((await at(member.client, instant, { ...far, wifi: { ssid: 'Banyan', bssid: 'AA-BB-CC-DD-EE-FF' } })).verdicts, []);
    assert.deepEqual((await at(member.client, instant, { ...far, wifi: { ssid: 'banyan', bssid: 'aa:bb:cc:dd:ee:ff' } })).verdicts, ['地点异常', 'wifi异常']);
    assert.deepEqual((await at(member.client, instant, { lat: HQ.lat, lng: HQ.lng, wifi: { ssid: 'Banyan', bssid: 'aa:bb:cc:dd:ee:00' } })).verdicts, []);
    assert.deepEqual((await at(member.client, '2026-01-05T09:06:00.000+08:00', far)).verdicts, ['时间异常', '地点异常', 'wifi异常']);
    const malformed = await punch(member.client, { wifi: { ssid: 'Banyan', bssid: 'aa:bb:cc:dd:ee' } });
    assert.equal(malformed.status, 400);
    assert.equal(errorCode(malformed.body), 'request.invalid');
  });

  it('seed rule 拍照打卡 (设置后成员每次打卡均需拍照): a photo rule refuses a clock-in without a photo', async () => {
    const { member } = await setUp({ photo: true });
    t.clock.set('2026-01-05T09:00:00.000+08:00');
    const refused = await punch(member.client);
    assert.equal(refused.status, 422);
    assert.equal(errorCode(refused.body), 'attendance.photo_required');
    assert.deepEqual((await member.client.get<{ items: unknown[] }>('/api/v1/attendance/my-clock-ins?day=2026-01-05')).body.items, []);
    assert.deepEqual((await at(member.client, '2026-01-05T09:00:00.000+08:00', { photo: await cameraPhoto('2026:01:05 09:00:00') })).verdicts, []);
  });

  it('seed rule 打卡常用设备数量 限制1台, 超过1台设备打卡 需拍照备注: the other device needs a photo and a note, is 非常用设备 and does not become usual', async () => {
    const { member } = await setUp({ usualDeviceLimit: 1, overLimit: 'photo_note' });
    const instant = '2026-01-05T09:00:00.000+08:00';
    const PHOTO = await cameraPhoto();
    assert.deepEqual((await at(member.client, instant, { deviceId: 'phone-A' })).verdicts, []);
    t.clock.set(instant);
    for (const body of [{}, { photo: PHOTO }, { note: '手机没电' }]) {
      const refused = await punch(member.client, { deviceId: 'phone-B', ...body });
      assert.equal(refused.status, 422);
      assert.equal(errorCode(refused.body), 'attendance.photo_note_required');
    }
    assert.deepEqual((await at(member.client, instant, { deviceId: 'phone-B', photo: PHOTO, note: '手机没电' })).verdicts, ['非常用设备']);
    assert.deepEqual((await at(member.client, instant, { deviceId: 'phone-B', photo: PHOTO, note: '还是没电' })).verdicts, ['非常用设备'], 'still not usual');
    assert.deepEqual((await at(member.client, instant, { deviceId: 'phone-A' })).verdicts, []);
  });

  it('超过限制 without 需拍照备注: a clock-in from another device is refused with its own code', async () => {
    const { member } = await setUp({ usualDeviceLimit: 2, overLimit: 'refuse' });
    const instant = '2026-01-05T09:00:00.000+08:00';
    await at(member.client, instant, { deviceId: 'phone-A' });
    await at(member.client, instant, { deviceId: 'phone-B' });
    const refused = await punch(member.client, { deviceId: 'phone-C', photo: await cameraPhoto(), note: '新手机' });
    assert.equal(refused.status, 409);
    assert.equal(errorCode(refused.body), 'attendance.device_not_usual');
  });

  it('seed rule 成员常用设备管理 (管理员可查看、解绑创建的规则中成员的常用设备): only the rule creator; after an unbind the next device binds', async () => {
    const { owner, corpId, member, ruleId } = await setUp({ usualDeviceLimit: 1, overLimit: 'refuse' });
    const instant = '2026-01-05T09:00:00.000+08:00';
    await at(member.client, instant, { deviceId: 'phone-A' });
    const listed = await owner.get<{ items: unknown[] }>(`/api/v1/attendance/rules/${ruleId}/usual-devices`);
    assert.deepEqual(listed.body.items, [{ memberId: member.memberId, deviceId: 'phone-A', boundAt: '2026-01-05T01:00:00.000Z' }]);
    // A super admin who did not create the rule may not.
    const other = await signedInMember(t, corpId);
    assert.equal((await owner.post('/api/v1/admins/super', { memberId: other.memberId })).status, 204);
    for (const res of [await other.client.get(`/api/v1/attendance/rules/${ruleId}/usual-devices`), await other.client.delete(`/api/v1/attendance/rules/${ruleId}/usual-devices/${member.memberId}/phone-A`)]) {
      assert.equal(res.status, 403);
      assert.equal(errorCode(res.body), 'attendance.not_rule_creator');
    }
    assert.equal((await member.client.get(`/api/v1/attendance/rules/${ruleId}/usual-devices`)).status, 403);
    assert.equal((await owner.delete(`/api/v1/attendance/rules/${ruleId}/usual-devices/${member.memberId}/phone-A`)).status, 204);
    assert.equal(errorCode((await owner.delete(`/api/v1/attendance/rules/${ruleId}/usual-devices/${member.memberId}/phone-A`)).body), 'attendance.usual_device_not_found');
    assert.deepEqual((await at(member.client, instant, { deviceId: 'phone-B' })).verdicts, []);
    assert.equal((await punch(member.client, { deviceId: 'phone-A' })).status, 409);
    assert.deepEqual((await owner.get<{ items: { deviceId: string }[] }>(`/api/v1/attendance/rules/${ruleId}/usual-devices`)).body.items.map((d) => d.deviceId), ['phone-B']);
  });

  it('打卡常用设备数量 under concurrency: eight first clock-ins from eight new devices at once bind exactly one usual device (limit 1)', async () => {
    const { owner, member, ruleId } = await setUp({ usualDeviceLimit: 1, overLimit: 'refuse' });
    t.clock.set('2026-01-05T09:00:00.000+08:00');
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => punch(member.client, { deviceId: `phone-${i}` })));
    assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409, 409, 409, 409, 409, 409, 409]);
    const winner = answers.find((a) => a.status === 201)!.body.deviceId;
    assert.deepEqual((await owner.get<{ items: { deviceId: string }[] }>(`/api/v1/attendance/rules/${ruleId}/usual-devices`)).body.items.map((d) => d.deviceId), [winner]);
  });
});
