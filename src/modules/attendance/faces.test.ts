import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { errorCode, signedInMember } from '../customers/testing/index.ts';
import { tablesOf } from '../../../test/support/tables.ts';
import { ruleBody } from './testing/index.ts';
import type { ClockInView, RuleView } from './attendance.schema.ts';

/** A descriptor of 128 numbers: `base` everywhere, moved by `delta` on the first number. */
const face = (base: number, delta = 0) => Array.from({ length: 128 }, (_, i) => (i === 0 ? base + delta : base));

describeEachDialect('face recognition (防止他人代打卡) and the anti-cheat summary', (use) => {
  let t: TestApp;
  let dataDir: string;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'banyan-face-'));
    t = await createTestApp(use(), { dataDir });
  });
  after(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seed rule 人脸录入具备唯一性: a face within the threshold of another member\'s is refused; the stored face is sealed', async () => {
    const owner = await t.register();
    const corpId = owner.me.currentCorp!.id;
    const a = await signedInMember(t, corpId);
    const b = await signedInMember(t, corpId);
    assert.deepEqual((await a.client.get('/api/v1/attendance/my-face')).body, { enrolled: false });
    assert.equal((await a.client.put('/api/v1/attendance/my-face', { descriptor: face(0.1) })).status, 204);
    assert.deepEqual((await a.client.get('/api/v1/attendance/my-face')).body, { enrolled: true });
    const taken = await b.client.put('/api/v1/attendance/my-face', { descriptor: face(0.1, 0.5) });
    assert.equal(taken.status, 409);
    assert.equal(errorCode(taken.body), 'attendance.face_taken');
    assert.equal((await b.client.put('/api/v1/attendance/my-face', { descriptor: face(0.1, 0.500001) })).status, 204);
    // Enrolling again replaces one's own face (it is not "another member's").
    assert.equal((await a.client.put('/api/v1/attendance/my-face', { descriptor: face(0.1, -0.1) })).status, 204);
    assert.equal((await a.client.put('/api/v1/attendance/my-face', { descriptor: face(0.1).slice(1) })).status, 400);
    // At rest: no number of the descriptor in the row; the key file is the server user's only.
    const row = await tablesOf(t.deps.db).selectFrom('attendance_faces').select('sealed').where('corp_id', '=', corpId).where('member_id', '=', a.memberId).executeTakeFirstOrThrow();
    assert.match(row.sealed, /^v1\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+$/);
    assert.ok(!row.sealed.includes('0.1'));
    assert.equal(statSync(join(dataDir, 'face.key')).mode & 0o777, 0o600);
    assert.equal(Buffer.from(readFileSync(join(dataDir, 'face.key'), 'utf8'), 'base64').length, 32);
  });

  it('seed rule 开启后成员每次打卡均需人脸识别: every clock-in under a face rule needs a passing check; nothing is written otherwise', async () => {
    const owner = await t.register();
    const corpId = owner.me.currentCorp!.id;
    const m = await signedInMember(t, corpId);
    const rule = await owner.post<RuleView>('/api/v1/attendance/rules', ruleBody({ face: true, members: { memberIds: [m.memberId], departmentIds: [], tagIds: [] } }));
    assert.equal(rule.body.face, true);
    t.clock.set('2026-01-05T09:00:00.000+08:00');
    const punch = (body: Record<string, unknown>) => m.client.post<ClockInView>('/api/v1/attendance/clock-ins', { deviceId: 'phone', ...body });
    assert.equal(errorCode((await punch({ face: face(0.3) })).body), 'attendance.face_not_enrolled');
    assert.equal((await m.client.put('/api/v1/attendance/my-face', { descriptor: face(0.3) })).status, 204);
    assert.equal(errorCode((await punch({})).body), 'attendance.face_required');
    const mismatch = await punch({ face: face(0.3, 0.500001) });
    assert.equal(mismatch.status, 422);
    assert.equal(errorCode(mismatch.body), 'attendance.face_mismatch');
    assert.deepEqual((await m.client.get<{ items: unknown[] }>('/api/v1/attendance/my-clock-ins?day=2026-01-05')).body.items, []);
    const passed = await punch({ face: face(0.3, 0.5) });
    assert.equal(passed.status, 201);
    assert.equal(passed.body.faceCheck, 'pass');
  });

  it('seed 防作弊管理: 已设置人脸识别的打卡规则 0 / 未设置 2, and which rules use photo, Wi-Fi and machines', async () => {
    const owner = await t.register();
    const first = await owner.post<RuleView>('/api/v1/attendance/rules', ruleBody({ name: '总部', photo: true, usualDeviceLimit: 1 }));
    const second = await owner.post<RuleView>('/api/v1/attendance/rules', ruleBody({ name: '门店', wifi: [{ ssid: 'Shop', bssid: '00:11:22:33:44:55' }], machines: true, overLimit: 'refuse' }));
    const summary = await owner.get('/api/v1/attendance/anti-cheat');
    assert.deepEqual(summary.body, {
      faceRules: 0,
      noFaceRules: 2,
      rules: [
        { id: first.body.id, name: '总部', face: false, photo: true, wifi: false, machines: false, usualDeviceLimit: 1, overLimit: 'photo_note' },
        { id: second.body.id, name: '门店', face: false, photo: false, wifi: true, machines: true, usualDeviceLimit: 0, overLimit: 'refuse' },
      ],
    });
    assert.equal((await owner.put(`/api/v1/attendance/rules/${first.body.id}`, ruleBody({ name: '总部', face: true }))).status, 200);
    const after = await owner.get<{ faceRules: number; noFaceRules: number }>('/api/v1/attendance/anti-cheat');
    assert.deepEqual([after.body.faceRules, after.body.noFaceRules], [1, 1]);
    const member = await signedInMember(t, owner.me.currentCorp!.id);
    assert.equal((await member.client.get('/api/v1/attendance/anti-cheat')).status, 403);
  });
});
