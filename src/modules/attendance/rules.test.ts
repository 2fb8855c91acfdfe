import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type RegisteredClient, type TestApp } from '../../../test/support/app.ts';
import { errorCode, signedInMember } from '../customers/testing/index.ts';
import { DirectoryFixture } from '../directory/testing/index.ts';
import { rights } from '../admin/testing/index.ts';
import { ruleBody } from './testing/index.ts';
import { ruleForMember } from './rules.service.ts';
import { countingStatements } from '../../../test/support/statements.ts';
import type { RuleView, ClockInView } from './attendance.schema.ts';

describeEachDialect('attendance rules (打卡规则)', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  async function corp() {
    const owner = await t.register();
    const corpId = owner.me.currentCorp!.id;
    const contacts = await DirectoryFixture.open(t.deps.db, corpId, () => t.clock.now());
    return { owner, corpId, contacts };
  }

  /** A signed-in member sitting in the given departments. */
  async function member(owner: RegisteredClient, corpId: string, departmentIds?: string[]) {
    const m = await signedInMember(t, corpId);
    if (departmentIds) assert.equal((await owner.patch(`/api/v1/contacts/members/${m.memberId}`, { departmentIds })).status, 200);
    return m;
  }

  it('a rule keeps every setting as given; the BSSID is stored lower-case and the shift as HH:MM', async () => {
    const { owner, contacts } = await corp();
    const sales = await contacts.department('销售部');
    const res = await owner.post<RuleView>(
      '/api/v1/attendance/rules',
      ruleBody({
        members: { memberIds: [], departmentIds: [sales], tagIds: [] },
        workDays: [6, 1, 2, 3, 4, 5],
        holidays: ['2026-01-01'],
        places: [{ name: '总部大厦', lat: 39.908823, lng: 116.39747, radiusM: 300 }],
        wifi: [{ ssid: 'Banyan-Office', bssid: 'AA-BB-CC-DD-EE-0F' }],
        photo: true,
        usualDeviceLimit: 1,
      }),
    );
    assert.equal(res.status, 201);
    const { id, createdAt, updatedAt, ...rest } = res.body;
    assert.match(id, /^atr_/);
    assert.equal(createdAt, new Date(t.clock.now()).toISOString());
    assert.equal(updatedAt, createdAt);
    assert.deepEqual(rest, {
      name: '总部打卡',
      members: { memberIds: [], departmentIds: [sales], tagIds: [] },
      workDays: [1, 2, 3, 4, 5, 6],
      shift: { start: '09:00', end: '18:00', lateGraceMinutes: 5, earlyGraceMinutes: 5 },
      holidays: ['2026-01-01'],
      places: [{ name: '总部大厦', lat: 39.908823, lng: 116.39747, radiusM: 300 }],
      wifi: [{ ssid: 'Banyan-Office', bssid: 'aa:bb:cc:dd:ee:0f' }],
      photo: true,
      face: false,
      machines: false,
      usualDeviceLimit: 1,
      overLimit: 'photo_note',
      correctionsPerMonth: 5,
      createdBy: owner.me.member!.id,
    });
    assert.deepEqual((await owner.get<RuleView>(`/api/v1/attendance/rules/${id}`)).body, res.body);
    const renamed = await owner.put<RuleView>(`/api/v1/attendance/rules/${id}`, ruleBody({ name: '新规则' }));
    assert.equal(renamed.body.name, '新规则');
    assert.deepEqual(renamed.body.members, { memberIds: [], departmentIds: [], tagIds: [] });
    assert.equal((await owner.delete(`/api/v1/attendance/rules/${id}`)).status, 204);
    assert.equal(errorCode((await owner.get(`/api/v1/attendance/rules/${id}`)).body), 'attendance.rule_not_found');
  });

  it('a malformed MAC address is a 400; a shift that does not end after it starts is refused', async () => {
    const { owner } = await corp();
    for (const bssid of ['aa:bb:cc:dd:ee', 'aa:bb:cc:dd:ee:fg', 'aabbccddeeff', 'aa:bb:cc:dd:ee:ff:00']) {
      const res = await owner.post('/api/v1/attendance/rules', ruleBody({ wifi: [{ ssid: 'Office', bssid }] }));
      assert.equal(res.status, 400, bssid);
      assert.equal(errorCode(res.body), 'request.invalid');
    }
    const inverted = await owner.post('/api/v1/attendance/rules', ruleBody({ shift: { start: '18:00', end: '09:00', lateGraceMinutes: 0, earlyGraceMinutes: 0 } }));
    assert.equal(inverted.status, 400);
    assert.equal(errorCode(inverted.body), 'attendance.shift_invalid');
    assert.equal((await owner.get<{ items: unknown[] }>('/api/v1/attendance/rules')).body.items.length, 0);
  });

  it('one rule per member, the most specific wins: the member by name, then a tag, then the nearest department', async () => {
    const { owner, corpId, contacts } = await corp();
    const company = await contacts.department('公司');
    const sales = await contacts.department('销售部', company);
    const east = await contacts.department('华东组', sales);
    const m = await member(owner, corpId, [east]);
    const make = async (name: string, members: Partial<RuleView['members']>) =>
      (await owner.post<RuleView>('/api/v1/attendance/rules', ruleBody({ name, members: { memberIds: [], departmentIds: [], tagIds: [], ...members } }))).body.id;
    const ruleOf = async () => (await m.client.post<ClockInView>('/api/v1/attendance/clock-ins', { deviceId: 'phone-1' })).body.ruleId;

    assert.equal(errorCode((await m.client.post('/api/v1/attendance/clock-ins', { deviceId: 'phone-1' })).body), 'attendance.no_rule');
    const companyRule = await make('公司', { departmentIds: [company] });
    assert.equal(await ruleOf(), companyRule);
    const salesRule = await make('销售部', { departmentIds: [sales] });
    assert.equal(await ruleOf(), salesRule, 'the nearer department wins');
    const tag = await contacts.tag('外勤', [m.memberId]);
    const tagRule = await make('外勤', { tagIds: [tag] });
    assert.equal(await ruleOf(), tagRule, 'a tag is more specific than a department');
    const ownRule = await make('个人', { memberIds: [m.memberId] });
    assert.equal(await ruleOf(), ownRule, 'naming the member is the most specific');
    assert.equal((await owner.delete(`/api/v1/attendance/rules/${ownRule}`)).status, 204);
    assert.equal(await ruleOf(), tagRule);
    // Among equals, the rule saved last wins.
    t.clock.advance(1);
    const laterSales = await make('销售部二', { departmentIds: [east, sales] });
    assert.equal(await ruleOf(), tagRule);
    assert.equal((await owner.delete(`/api/v1/attendance/rules/${tagRule}`)).status, 204);
    assert.equal(await ruleOf(), laterSales, 'its own department (华东组) is nearer than 销售部');
    // A tag holding a department covers its subtree.
    const deptTag = await contacts.tag('销售标签', [], [sales]);
    t.clock.advance(1);
    const deptTagRule = await make('部门标签', { tagIds: [deptTag] });
    assert.equal(await ruleOf(), deptTagRule);
  });

  it('a member under tag rules: their rule is found in 2 statements however many tags they hold (their placement, then the candidates), a tag held through a department above theirs counting', async () => {
    const { owner, corpId, contacts } = await corp();
    const company = await contacts.department('公司');
    const sales = await contacts.department('销售部', company);
    const m = await member(owner, corpId, [sales]);
    const make = async (name: string, tagIds: string[]) => (await owner.post<RuleView>('/api/v1/attendance/rules', ruleBody({ name, members: { memberIds: [], departmentIds: [], tagIds } }))).body.id;
    const direct: string[] = [];
    for (const name of ['外勤一', '外勤二', '外勤三']) direct.push(await contacts.tag(name, [m.memberId]));
    const throughCompany = await contacts.tag('公司标签', [], [company]);
    const notHeld = await contacts.tag('别人的标签', [await contacts.member('别人', [company])]);
    const ruleOf = async () => {
      const counted = countingStatements(t.deps.db);
      const row = await ruleForMember(counted.db, corpId, m.memberId);
      return { ruleId: row?.id, statements: counted.count() };
    };
    assert.deepEqual(await ruleOf(), { ruleId: undefined, statements: 2 });
    const rules: string[] = [];
    for (const tag of [...direct, throughCompany]) {
      t.clock.advance(1);
      rules.push(await make(`规则${rules.length}`, [tag]));
    }
    assert.deepEqual(await ruleOf(), { ruleId: rules[3], statements: 2 }, 'the tag rule saved last among the four held wins');
    t.clock.advance(1);
    await make('别人的', [notHeld]);
    assert.deepEqual(await ruleOf(), { ruleId: rules[3], statements: 2 }, 'a tag the member does not hold names no rule of theirs');
  });

  it('who sets rules: admins with manage on 打卡, only for members in their contacts rights; members and other admins are refused', async () => {
    const { owner, corpId, contacts } = await corp();
    const sales = await contacts.department('销售部');
    const rd = await contacts.department('研发部');
    const inSales = await contacts.member('销售甲', [sales]);
    const inRd = await contacts.member('研发乙', [rd]);
    const rdTag = await contacts.tag('研发标签', [inRd]);
    const attendanceAdmin = await member(owner, corpId);
    const appless = await member(owner, corpId);
    const plain = await member(owner, corpId);
    assert.equal((await owner.post('/api/v1/admins/hierarchical', { memberId: attendanceAdmin.memberId, rights: rights({ departmentIds: [sales], apps: [{ appId: 'attendance', level: 'manage' }] }) })).status, 204);
    assert.equal((await owner.post('/api/v1/admins/hierarchical', { memberId: appless.memberId, rights: rights({ departmentIds: [sales], apps: [{ appId: 'attendance', level: 'send' }] }) })).status, 204);

    const ok = await attendanceAdmin.client.post<RuleView>('/api/v1/attendance/rules', ruleBody({ members: { memberIds: [inSales], departmentIds: [sales], tagIds: [] } }));
    assert.equal(ok.status, 201);
    assert.equal(ok.body.createdBy, attendanceAdmin.memberId);
    for (const members of [{ memberIds: [inRd], departmentIds: [], tagIds: [] }, { memberIds: [], departmentIds: [rd], tagIds: [] }, { memberIds: [], departmentIds: [], tagIds: [rdTag] }]) {
      const res = await attendanceAdmin.client.post('/api/v1/attendance/rules', ruleBody({ members }));
      assert.equal(res.status, 403, JSON.stringify(members));
    }
    assert.equal((await appless.client.post('/api/v1/attendance/rules', ruleBody({ members: { memberIds: [inSales], departmentIds: [], tagIds: [] } }))).status, 403);
    assert.equal((await appless.client.get('/api/v1/attendance/rules')).status, 403);
    assert.equal((await plain.client.post('/api/v1/attendance/rules', ruleBody())).status, 403);
    // A rule naming members outside the admin's rights cannot be edited or deleted by them either.
    const rdRule = (await owner.post<RuleView>('/api/v1/attendance/rules', ruleBody({ members: { memberIds: [inRd], departmentIds: [], tagIds: [] } }))).body.id;
    assert.equal((await attendanceAdmin.client.put(`/api/v1/attendance/rules/${rdRule}`, ruleBody())).status, 403);
    assert.equal((await attendanceAdmin.client.delete(`/api/v1/attendance/rules/${rdRule}`)).status, 403);
    // Ids of another enterprise name nothing here.
    const other = await corp();
    const res = await owner.post('/api/v1/attendance/rules', ruleBody({ members: { memberIds: [other.owner.me.member!.id], departmentIds: [], tagIds: [] } }));
    assert.equal(res.status, 422);
    assert.equal(errorCode(res.body), 'request.unknown_id');
    assert.equal((await other.owner.get(`/api/v1/attendance/rules/${ok.body.id}`)).status, 404);
  });

  it("the member's clock-in page reads their own rule (never whom it covers) and whether today is a rest day; no rule: null", async () => {
    const { owner, corpId } = await corp();
    const m = await member(owner, corpId);
    // 2026-01-10 is a Saturday: off under a Monday-to-Friday rule; 2026-01-09 (Friday) is a holiday.
    t.clock.set('2026-01-10T10:00:00.000+08:00');
    assert.deepEqual((await m.client.get('/api/v1/attendance/my-rule')).body, { rule: null, day: '2026-01-10', restDay: true });
    const place = { name: '总部大楼', lat: 39.908823, lng: 116.39747, radiusM: 200 };
    const created = await owner.post<RuleView>('/api/v1/attendance/rules', ruleBody({ members: { memberIds: [m.memberId], departmentIds: [], tagIds: [] }, holidays: ['2026-01-09'], places: [place], photo: true }));
    assert.equal(created.status, 201);
    const mine = await m.client.get<{ rule: Record<string, unknown>; day: string; restDay: boolean }>('/api/v1/attendance/my-rule');
    assert.equal(mine.status, 200);
    assert.deepEqual(mine.body, {
      rule: { id: created.body.id, name: '总部打卡', workDays: [1, 2, 3, 4, 5], shift: { start: '09:00', end: '18:00', lateGraceMinutes: 5, earlyGraceMinutes: 5 }, holidays: ['2026-01-09'], places: [place], wifi: [], photo: true, face: false, machines: false, usualDeviceLimit: 0, overLimit: 'photo_note', correctionsPerMonth: 5 },
      day: '2026-01-10',
      restDay: true,
    });
    t.clock.set('2026-01-09T10:00:00.000+08:00');
    assert.equal((await m.client.get<{ restDay: boolean }>('/api/v1/attendance/my-rule')).body.restDay, true, 'a holiday is off');
    t.clock.set('2026-01-08T23:59:59.999+08:00');
    assert.deepEqual((await m.client.get<{ day: string; restDay: boolean }>('/api/v1/attendance/my-rule')).body.restDay, false);
  });
});
