import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { createAccount } from '../../src/modules/account/index.ts';
import { DirectoryFixture } from '../../src/modules/directory/testing/index.ts';
import { cameraPhoto } from '../../src/modules/attendance/testing/index.ts';
import { wgs84ToGcj02 } from '../../web/src/features/attendance/gcj02.ts';
import { TEST_SCRYPT } from '../support/app.ts';
import { assertFitsPhone, browserSkip, csrfHeaders, FAKE_MEDIA_ARGS, onPhone, PASSWORD, pickOption, registerEnterprise, useConsole } from './browser.ts';

// Where the phone is (WGS-84, as a browser reports it): Tiananmen, Beijing. The rule's place is the
// same spot in GCJ-02, as an admin reads it off a Chinese map; 0.01° north is about 1.1 km away.
const AT_OFFICE = { latitude: 39.9087, longitude: 116.3975 };
const FAR_AWAY = { latitude: 39.9187, longitude: 116.3975 };
const PLACE = wgs84ToGcj02(AT_OFFICE.latitude, AT_OFFICE.longitude);
/** Chinese characters and full-width punctuation: none may show on a page in English. */
const CJK = /[\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** The page's text less the language switch (which names 中文 in any language). */
function shownText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const node of body.querySelectorAll('[data-testid="language-switch"]')) node.remove();
    return body.textContent ?? '';
  });
}

const TEXT = {
  'zh-CN': {
    admin: '孙考勤',
    rules: '打卡规则',
    add: '新增规则',
    name: '规则名称',
    members: '成员',
    monday: ['周一', '周二', '周三', '周四', '周五'],
    addPlace: '添加地点',
    placeName: '地点名称',
    lat: '纬度',
    lng: '经度',
    radius: '范围（米）',
    addWifi: '添加 Wi-Fi',
    ssid: 'Wi-Fi 名称',
    bssid: 'MAC 地址（BSSID）',
    bssidInvalid: 'MAC 地址格式有误，应为 6 组十六进制数，如 a4:5e:60:c2:3b:01',
    save: '保存',
    saved: '已保存',
    antiCheat: '防作弊管理',
    limit: '打卡常用设备数量',
    limitOne: '限制1台',
    manage: '成员常用设备管理',
    unbind: '解绑',
    confirm: /^确\s*定$/,
    noDevices: '该规则下还没有成员的常用设备',
    notCreator: '只有创建该打卡规则的管理员可以管理其成员的常用设备',
    faceRules: '已设置人脸识别的打卡规则',
    noFaceRules: '未设置人脸识别的打卡规则',
    clock: '打卡',
    located: '已获取位置',
    ok: '正常',
    placeOff: '地点异常',
    wifiOff: 'wifi异常',
    camera: '拍照',
    capture: '拍下',
    note: '备注',
    records: '打卡记录与汇总',
    summary: '汇总',
    inKind: '上班',
  },
  en: {
    admin: 'Sam Attendance',
    rules: 'Clock-in rules',
    add: 'New rule',
    name: 'Rule name',
    members: 'Members',
    monday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'],
    addPlace: 'Add a place',
    placeName: 'Place name',
    lat: 'Latitude',
    lng: 'Longitude',
    radius: 'Radius (m)',
    addWifi: 'Add a Wi-Fi network',
    ssid: 'Wi-Fi name (SSID)',
    bssid: 'MAC address (BSSID)',
    bssidInvalid: 'Not a MAC address: six hex pairs, such as a4:5e:60:c2:3b:01',
    save: 'Save',
    saved: 'Saved',
    antiCheat: 'Anti-cheating',
    limit: 'Usual devices per member',
    limitOne: 'At most 1',
    manage: 'Members’ usual devices',
    unbind: 'Unbind',
    confirm: /^OK$/,
    noDevices: 'No member has a usual device under this rule yet',
    notCreator: "Only the admin who created this rule manages its members' usual devices.",
    faceRules: 'Rules with face recognition',
    noFaceRules: 'Rules without face recognition',
    clock: 'Clock in',
    located: 'Location found',
    ok: 'Normal',
    placeOff: 'Place exception',
    wifiOff: 'Wi-Fi exception',
    camera: 'Take a photo',
    capture: 'Capture',
    note: 'Note',
    records: 'Records and summaries',
    summary: 'Summary',
    inKind: 'Clock-in',
  },
} as const;

/**
 * Issue 13, the attendance console in real Chromium, in zh-CN and English: the admin creates a rule
 * with a place (a malformed BSSID refused at its field first) and a one-device limit; on a phone
 * (375 px) the member clocks in with the browser's position inside the radius (正常), outside it
 * (地点异常) and with a photo from the (fake) camera; 防作弊管理 counts the rules with and without face
 * and lists the bound device, which is unbound; the records and the summary show the clock-ins. The
 * rule has no work days, so the time of day the suite runs at never makes a 时间异常.
 */
describe('attendance console', { skip: browserSkip, timeout: 300_000 }, () => {
  const ui = useConsole({}, { browserArgs: FAKE_MEDIA_ARGS });

  for (const language of ['zh-CN', 'en'] as const) {
    const x = TEXT[language];
    it(`${language}: a rule with a place; 正常 inside and 地点异常 outside the radius at 375 px; a photo clock-in; anti-cheat counts; records and summary`, async () => {
      const page = await ui.page();
      const suffix = language === 'en' ? 'en' : 'zh';
      const res = await registerEnterprise(page, { admin: x.admin, loginName: `attendance_${suffix}`, corp: `Banyan Attendance ${suffix}`, shortName: `Att ${suffix}` });
      await page.goto('/login');
      await page.evaluate((lng) => localStorage.setItem('banyan.lang', lng), language);

      await createRule(page, x);
      await limitDevices(page, x);
      await clockIns(page, x);
      await antiCheat(page, x);
      await records(page, x);
      const corpId = res.corpId;
      await notTheCreator(page, x, corpId, suffix);
    });
  }

  it('zh-CN: 人脸识别 on: the member enrols a face from the camera, then clocks in with a passing face check', async () => {
    const page = await ui.page();
    const { memberId, headers, origin } = await registerEnterprise(page, { admin: '钱人脸', loginName: 'attendance_face', corp: 'Banyan Face', shortName: 'Face' });
    const rule = { name: '人脸', members: { memberIds: [memberId], departmentIds: [], tagIds: [] }, workDays: [], shift: { start: '09:00', end: '18:00', lateGraceMinutes: 0, earlyGraceMinutes: 0 }, holidays: [], places: [], wifi: [], photo: false, face: true, machines: false, usualDeviceLimit: 0, overLimit: 'photo_note' };
    assert.equal((await page.request.post('/api/v1/attendance/rules', { data: rule, headers })).status(), 201);
    await page.context().grantPermissions(['geolocation', 'camera'], { origin });
    await page.context().setGeolocation({ ...AT_OFFICE, accuracy: 20 });
    await onPhone(page);
    await page.goto('/app/attendance');
    await page.getByText('尚未录入人脸，请先录入').waitFor();
    await page.getByRole('button', { name: '拍照' }).click();
    await page.getByTestId('camera').waitFor();
    await page.getByRole('button', { name: '录入人脸' }).click();
    await page.getByText('已录入人脸').waitFor();
    await page.getByRole('button', { name: '打卡', exact: true }).last().click();
    await page.getByTestId('clock-result').getByText('正常').waitFor();
    await assertFitsPhone(page, '/app/attendance with the camera open');
  });

  it('zh-CN: 拍照打卡 with the phone camera: the photo field opens the back camera (a file input, image/*, capture environment); at 375 px a full-size camera JPEG (over 750 KB) is uploaded as it is, its EXIF time passes the rule, and the stored photo is watermarked, keeping that time', async () => {
    const page = await ui.page();
    const { memberId, headers, origin } = await registerEnterprise(page, { admin: '周拍照', loginName: 'attendance_upload', corp: 'Banyan Upload', shortName: 'Upload' });
    const rule = { name: '拍照', members: { memberIds: [memberId], departmentIds: [], tagIds: [] }, workDays: [], shift: { start: '09:00', end: '18:00', lateGraceMinutes: 0, earlyGraceMinutes: 0 }, holidays: [], places: [], wifi: [], photo: true, face: false, machines: false, usualDeviceLimit: 0, overLimit: 'photo_note' };
    assert.equal((await page.request.post('/api/v1/attendance/rules', { data: rule, headers })).status(), 201);
    await page.context().grantPermissions(['geolocation'], { origin });
    await page.context().setGeolocation({ ...AT_OFFICE, accuracy: 20 });
    await onPhone(page);
    await page.goto('/app/attendance');
    await page.getByText('该规则要求拍照打卡').waitFor();
    const field = page.getByTestId('photo-file');
    assert.deepEqual(await field.evaluate((input: HTMLInputElement) => [input.type, input.accept, input.getAttribute('capture')]), ['file', 'image/*', 'environment']);
    await page.getByRole('button', { name: '调用手机相机' }).waitFor();
    // What a phone's camera app hands back: a full-size JPEG whose EXIF says it was taken just now (Shanghai time).
    const takenAt = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ').replaceAll('-', ':');
    const shot = await cameraPhoto(takenAt, undefined, true);
    assert.ok(Buffer.from(shot.dataBase64, 'base64').length > 750_000);
    await field.setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(shot.dataBase64, 'base64') });
    // Shown as it was taken: the bytes are sent unchanged, EXIF and all.
    assert.equal(await page.getByTestId('photo').getAttribute('src'), `data:image/jpeg;base64,${shot.dataBase64}`);
    await assertFitsPhone(page, '/app/attendance with an uploaded photo');
    await page.getByRole('button', { name: '打卡', exact: true }).last().click();
    await page.getByTestId('clock-result').getByText('正常').waitFor();
    await page.getByTestId('photo').waitFor({ state: 'detached' });
    const today = (await (await page.request.get('/api/v1/attendance/my-clock-ins')).json()) as { items: { id: string }[] };
    assert.equal(today.items.length, 1);
    const stored = await page.request.get(`/api/v1/attendance/clock-ins/${today.items[0]!.id}/photo`);
    assert.equal(stored.status(), 200);
    assert.equal(stored.headers()['content-type'], 'image/jpeg');
    const { default: sharp } = await import('sharp');
    const bytes = await stored.body();
    assert.deepEqual(await sharp(bytes).metadata().then((m) => [m.width, m.height]), [1200, 900]);
    const { default: exifr } = await import('exifr');
    assert.deepEqual(await exifr.parse(bytes, { pick: ['DateTimeOriginal', 'Make'], reviveValues: false }), { DateTimeOriginal: takenAt });
    assert.notEqual(bytes.toString('base64'), shot.dataBase64);
  });

  const CORRECTION = {
    'zh-CN': {
      admin: '李补卡',
      rule: '补卡',
      located: '已获取位置',
      clock: '打卡',
      placeOff: '地点异常',
      ok: '正常',
      link: '打卡记录与补卡',
      title: '我的打卡记录',
      used: (n: number) => `本月已申请补卡 ${n} 次，共可申请 5 次`,
      correct: /^补\s*卡$/,
      form: '补卡申请',
      submit: /^提\s*交$/,
      reasonRequired: '请填写补卡事由',
      reason: '补卡事由',
      done: '已提交补卡申请，审批通过后记为正常打卡',
      pending: '补卡审批中',
      corrected: '已补卡',
      sources: ['手机:地点异常', '补卡:正常'],
      summary: '汇总',
      correctedColumn: '补卡次数',
    },
    en: {
      admin: 'Lee Correction',
      rule: 'Office',
      located: 'Location found',
      clock: 'Clock in',
      placeOff: 'Place exception',
      ok: 'Normal',
      link: 'Records and corrections',
      title: 'My clock-in records',
      used: (n: number) => `Corrections asked this month: ${n} of 5`,
      correct: /^Correct$/,
      form: 'Ask for a correction',
      submit: /^Submit$/,
      reasonRequired: 'Give the reason for the correction',
      reason: 'Reason',
      done: 'Correction asked for: once approved it counts as on time',
      pending: 'Correction awaiting approval',
      corrected: 'Corrected',
      sources: ['Correction:Normal', 'Phone:Place exception'],
      summary: 'Summary',
      correctedColumn: 'Corrections',
    },
  } as const;

  for (const language of ['zh-CN', 'en'] as const) {
    const x = CORRECTION[language];
    it(`${language}: 补卡: on 我的打卡记录 the member corrects a 地点异常 record with the form; approved, it counts as on time and the summary shows it`, async () => {
      const page = await ui.page();
      const suffix = language === 'en' ? 'en' : 'zh';
      const { memberId, headers, origin } = await registerEnterprise(page, { admin: x.admin, loginName: `attendance_correct_${suffix}`, corp: `Banyan Correct ${suffix}`, shortName: `Corr ${suffix}` });
      await page.goto('/login');
      await page.evaluate((lng) => localStorage.setItem('banyan.lang', lng), language);
      const place = { name: language === 'en' ? 'Tiananmen' : '天安门', lat: Number(PLACE.lat.toFixed(6)), lng: Number(PLACE.lng.toFixed(6)), radiusM: 200 };
      const rule = { name: x.rule, members: { memberIds: [memberId], departmentIds: [], tagIds: [] }, workDays: [], shift: { start: '09:00', end: '18:00', lateGraceMinutes: 0, earlyGraceMinutes: 0 }, holidays: [], places: [place], wifi: [], photo: false, face: false, machines: false, usualDeviceLimit: 0, overLimit: 'photo_note' };
      assert.equal((await page.request.post('/api/v1/attendance/rules', { data: rule, headers })).status(), 201);
      await page.context().grantPermissions(['geolocation'], { origin });
      await page.context().setGeolocation({ ...FAR_AWAY, accuracy: 20 });
      await onPhone(page);
      await page.goto('/app/attendance');
      await page.getByText(x.located).waitFor();
      await page.getByRole('button', { name: x.clock, exact: true }).last().click();
      await page.getByTestId('clock-result').getByText(x.placeOff).waitFor();

      await page.getByRole('link', { name: x.link }).click();
      await page.getByRole('heading', { name: x.title }).waitFor();
      await page.getByText(x.used(0)).waitFor();
      const record = page.getByTestId('my-record');
      await record.getByText(x.placeOff).waitFor();
      assert.equal(await record.count(), 1);
      await record.getByRole('button', { name: x.correct }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText(x.form).waitFor();
      // The reason is required: refused at its field, nothing is sent.
      await dialog.getByRole('button', { name: x.submit }).click();
      await dialog.getByText(x.reasonRequired).waitFor();
      await dialog.getByLabel(x.reason).fill(language === 'en' ? 'Clocked in at a customer: the position was off' : '在客户处打卡，定位偏差');
      await assertFitsPhone(page, 'the 补卡 form');
      if (language === 'en') assert.doesNotMatch(await shownText(page), CJK, 'the English 补卡 form shows no Chinese');
      await dialog.getByRole('button', { name: x.submit }).click();
      await page.getByText(x.done).waitFor();
      await dialog.waitFor({ state: 'detached' });
      // The enterprise's 补卡 template starts as WeCom's (the applicant's 上级): with no head the request is approved at once,
      // and the record follows once the server's outbox delivers the approval's result (it may already have).
      await record.getByText(x.pending).or(record.getByText(x.corrected)).waitFor();
      await page.getByText(x.used(1)).waitFor();
      await ui.delivered();
      await page.reload();
      await record.getByText(x.corrected).waitFor();
      await record.getByText(x.ok).waitFor();
      assert.equal(await record.getByRole('button', { name: x.correct }).count(), 0);
      await assertFitsPhone(page, '/app/attendance/records');
      if (language === 'en') assert.doesNotMatch(await shownText(page), CJK, 'the English records show no Chinese');

      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto('/attendance/records');
      const rows = page.getByTestId('attendance-records').locator('tbody tr.ant-table-row');
      await rows.nth(1).waitFor();
      const sources = await rows.evaluateAll((trs) => trs.map((tr) => `${tr.children[3]!.textContent}:${tr.children[5]!.textContent}`));
      assert.deepEqual(sources.sort(), x.sources);
      await page.getByRole('tab', { name: x.summary }).click();
      const summary = page.getByTestId('attendance-summary').locator('tbody tr.ant-table-row');
      await summary.first().waitFor();
      // name, late, early, missed, exceptions, corrections: the corrected record is no exception.
      assert.deepEqual(await summary.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent))), [[x.admin, '0', '0', '0', '0', '1']]);
      await page.getByRole('columnheader', { name: x.correctedColumn }).waitFor();
      if (language === 'en') return;

      // The admin's approval templates: 补卡 is a built-in template, set up but not stopped, its form fixed.
      await page.goto('/approvals');
      const row = page.locator('tbody tr.ant-table-row', { hasText: '系统模板' });
      await row.getByText('补卡', { exact: true }).waitFor();
      assert.equal(await row.getByRole('button', { name: '停用' }).count(), 0);
      await row.getByRole('button', { name: /^编\s*辑$/ }).click();
      await page.getByTestId('builtin-form').getByText('补卡日期、补卡班次、补卡事由', { exact: false }).waitFor();
    });
  }

  type Text = (typeof TEXT)[keyof typeof TEXT];

  async function createRule(page: Page, x: Text): Promise<void> {
    await page.goto('/attendance');
    await page.getByRole('heading', { name: x.rules }).waitFor();
    await page.getByRole('button', { name: x.add }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel(x.name).fill('总部');
    await pickOption(drawer.getByLabel(x.members, { exact: true }), x.admin);
    for (const day of x.monday) await drawer.getByRole('checkbox', { name: day }).uncheck();
    await drawer.getByRole('button', { name: x.addPlace }).click();
    await drawer.getByLabel(x.placeName).fill('天安门');
    await drawer.getByLabel(x.lat).fill(PLACE.lat.toFixed(6));
    await drawer.getByLabel(x.lng).fill(PLACE.lng.toFixed(6));
    await drawer.getByLabel(x.radius).fill('200');
    await drawer.getByRole('button', { name: x.addWifi }).click();
    await drawer.getByLabel(x.ssid).fill('Banyan-Office');
    await drawer.getByLabel(x.bssid).fill('a4:5e:60:c2:3b');
    await drawer.getByRole('button', { name: x.save }).click();
    // The server's 400 names /wifi/0/bssid: the message stands under that field.
    await drawer.getByText(x.bssidInvalid).waitFor();
    await drawer.getByLabel(x.bssid).fill('A4-5E-60-C2-3B-01');
    await drawer.getByRole('button', { name: x.save }).click();
    await page.getByText(x.saved).first().waitFor();
    await page.getByRole('cell', { name: '总部' }).waitFor();
    await page.getByRole('cell', { name: '天安门' }).waitFor();
  }

  async function limitDevices(page: Page, x: Text): Promise<void> {
    await page.goto('/attendance/anti-cheat');
    await page.getByRole('heading', { name: x.antiCheat }).waitFor();
    await pickOption(page.getByLabel(`总部 ${x.limit}`), x.limitOne);
    await page.getByText(x.saved).first().waitFor();
  }

  async function clockIns(page: Page, x: Text): Promise<void> {
    const context = page.context();
    await context.grantPermissions(['geolocation', 'camera'], { origin: new URL(page.url()).origin });
    await context.setGeolocation({ ...AT_OFFICE, accuracy: 20 });
    await onPhone(page);
    await page.goto('/app/attendance');
    await page.getByText('天安门').waitFor();
    await page.getByText(x.located).waitFor();
    const result = page.getByTestId('clock-result');
    await page.getByRole('button', { name: x.clock, exact: true }).last().click();
    await result.getByText(x.ok).waitFor();
    await assertFitsPhone(page, '/app/attendance after a clock-in');

    await context.setGeolocation({ ...FAR_AWAY, accuracy: 20 });
    await page.getByRole('button', { name: x.clock, exact: true }).last().click();
    await result.getByText(x.placeOff).waitFor();
    assert.equal(await result.getByText(x.ok).count(), 0);

    await context.setGeolocation({ ...AT_OFFICE, accuracy: 20 });
    await page.getByRole('button', { name: x.camera }).click();
    await page.getByTestId('camera').waitFor();
    await page.getByRole('button', { name: x.capture }).click();
    await page.getByTestId('photo').waitFor();
    await assertFitsPhone(page, '/app/attendance with a photo');
    await page.getByLabel(x.note).fill('外出拜访客户');
    await page.getByRole('button', { name: x.clock, exact: true }).last().click();
    await page.getByTestId('photo').waitFor({ state: 'detached' });
    await result.getByText(x.ok).waitFor();
    // Today's list: three clock-ins, the second outside the place.
    await page.getByTestId('my-clock-in').nth(2).waitFor();
    const verdicts = await page.getByTestId('my-clock-in').evaluateAll((items) => items.map((i) => i.querySelector('.ant-tag-success, .ant-tag-error')?.textContent));
    assert.deepEqual(verdicts, [x.ok, x.placeOff, x.ok]);
    await assertFitsPhone(page, '/app/attendance');
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  async function antiCheat(page: Page, x: Text): Promise<void> {
    await page.goto('/attendance/anti-cheat');
    await page.getByRole('heading', { name: x.antiCheat }).waitFor();
    assert.equal(await page.getByTestId('face-rules').locator('.ant-statistic-content-value').textContent(), '0');
    assert.equal(await page.getByTestId('no-face-rules').locator('.ant-statistic-content-value').textContent(), '1');
    await page.getByText(x.faceRules).waitFor();
    await page.getByText(x.noFaceRules).waitFor();
    // Wi-Fi is used by the rule; photo and machines by none.
    const methods = await page.getByTestId('place-method').evaluateAll((cards) => cards.map((c) => c.querySelectorAll('.ant-tag').length));
    assert.deepEqual(methods, [0, 1, 0]);
    // The one usual device is this browser's; unbound, the list is empty.
    await page.getByRole('button', { name: x.manage }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('cell', { name: x.admin }).waitFor();
    assert.match((await dialog.locator('td').nth(1).textContent()) ?? '', /^web-/);
    await dialog.getByRole('button', { name: x.unbind }).click();
    await page.getByRole('tooltip').getByRole('button', { name: x.confirm }).click();
    await dialog.getByText(x.noDevices).waitFor();
    await page.keyboard.press('Escape');
  }

  async function records(page: Page, x: Text): Promise<void> {
    await page.goto('/attendance/records');
    await page.getByRole('heading', { name: x.records }).waitFor();
    const rows = page.getByTestId('attendance-records').locator('tbody tr.ant-table-row');
    await rows.nth(2).waitFor();
    assert.equal(await rows.count(), 3);
    assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => [tr.children[0]!.textContent, tr.children[5]!.textContent])), [
      [x.admin, x.ok],
      // Neither the place nor the rule's Wi-Fi: both are listed.
      [x.admin, `${x.placeOff}${x.wifiOff}`],
      [x.admin, x.ok],
    ]);
    await page.getByRole('tab', { name: x.summary }).click();
    const summary = page.getByTestId('attendance-summary').locator('tbody tr.ant-table-row');
    await summary.first().waitFor();
    // name, late, early, missed, exceptions, corrections: the one clock-in outside the place is the one exception.
    assert.deepEqual(await summary.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent))), [[x.admin, '0', '0', '0', '1', '0']]);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /Excel/ }).click();
    const file = await (await download).path();
    assert.equal((await readFile(file)).subarray(0, 2).toString(), 'PK', 'an .xlsx (a zip) is downloaded');
  }

  /** A second super admin, who did not create the rule, is told so on 成员常用设备管理 (the server's 403). */
  async function notTheCreator(page: Page, x: Text, corpId: string, suffix: string): Promise<void> {
    const loginName = `attendance_other_${suffix}`;
    const account = await ui.db().transaction().execute((trx) => createAccount(trx, Date.now(), TEST_SCRYPT, { name: 'Other Admin', loginName, password: PASSWORD }));
    const memberId = await (await DirectoryFixture.open(ui.db(), corpId, Date.now)).member('Other Admin', undefined, { userid: loginName, accountId: account.id });
    const csrf = (await csrfHeaders(page))['x-csrf-token'];
    assert.equal((await page.request.post('/api/v1/admins/super', { data: { memberId }, headers: { 'x-csrf-token': csrf } })).status(), 204);
    const other = await ui.page();
    assert.equal((await other.request.post('/api/v1/auth/sign-in', { data: { login: loginName, password: PASSWORD } })).status(), 200);
    await other.goto('/login');
    await other.evaluate((lng) => localStorage.setItem('banyan.lang', lng), suffix === 'en' ? 'en' : 'zh-CN');
    await other.goto('/attendance/anti-cheat');
    await other.getByRole('button', { name: x.manage }).click();
    await other.getByRole('dialog').getByText(x.notCreator).waitFor();
    await other.context().close();
  }
});
