import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, keepSessions, type Client, type TestApp } from '../../../test/support/app.ts';
import { errorCode, securityBought, signedInMember } from '../customers/testing/index.ts';
import { cameraPhoto, ruleBody } from './testing/index.ts';
import { burnWatermark, watermarkText } from './photos.ts';
import type { ClockInView, RuleInputValue, RuleView } from './attendance.schema.ts';

const HQ = { lat: 39.908823, lng: 116.39747 };

describeEachDialect('拍照打卡 photos: watermark, EXIF capture time, files', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  async function setUp(rule: Partial<RuleInputValue> = {}) {
    const owner = await t.register();
    const corpId = owner.me.currentCorp!.id;
    const m = await signedInMember(t, corpId);
    const created = await owner.post<RuleView>('/api/v1/attendance/rules', ruleBody({ photo: true, places: [{ name: '总部大厦', ...HQ, radiusM: 200 }], ...rule, members: { memberIds: [m.memberId], departmentIds: [], tagIds: [] } }));
    assert.equal(created.status, 201);
    return { owner, corpId, member: m };
  }
  const punch = (client: Client, instant: string, body: Record<string, unknown>) => {
    t.clock.set(instant);
    return client.post<ClockInView>('/api/v1/attendance/clock-ins', { deviceId: 'phone-1', ...HQ, ...body });
  };
  const photoOf = (client: Client, id: string) => client.request<string>('GET', `/api/v1/attendance/clock-ins/${id}/photo`);

  it('the watermark text is the place and the server time in Asia/Shanghai', () => {
    assert.equal(watermarkText('总部大厦', Date.parse('2026-01-05T01:05:09.999Z')), '总部大厦 2026-01-05 09:05:09');
    assert.equal(watermarkText('', Date.parse('2026-07-06T16:00:00.000Z')), '2026-07-07 00:00:00');
  });

  it('a photo gets a burned-in watermark of place and server time, is stored content-addressed under the data directory, and only the member and admins in scope fetch it', async () => {
    const { owner, corpId, member } = await setUp();
    const photo = await cameraPhoto('2026:01:05 09:00:00');
    const res = await punch(member.client, '2026-01-05T09:00:00.000+08:00', { photo });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const fetched = await member.client.request('GET', `/api/v1/attendance/clock-ins/${res.body.id}/photo`);
    assert.equal(fetched.status, 200);
    assert.equal(fetched.headers['content-type'], 'image/jpeg');
    const inject = await t.app.inject({ method: 'GET', url: `/api/v1/attendance/clock-ins/${res.body.id}/photo`, headers: { cookie: [...member.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    const marked = inject.rawPayload;
    const meta = await sharp(marked).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', 320, 240]);
    // The bottom band is darkened (the text's backing), the top is the picture as it was (#4a7ab0).
    const pixel = async (x: number, y: number) => [...(await sharp(marked).extract({ left: x, top: y, width: 1, height: 1 }).raw().toBuffer())];
    const [top, bottom] = [await pixel(300, 10), await pixel(300, 235)];
    assert.ok(Math.abs(top[0]! - 0x4a) < 8 && Math.abs(top[2]! - 0xb0) < 8, `top ${top}`);
    assert.ok(bottom[2]! < 0x60, `bottom ${bottom}`);
    // Stored once, named by its SHA-256.
    const digest = createHash('sha256').update(marked).digest('hex');
    assert.deepEqual(await readFile(join(t.deps.config.dataDir, 'attendance-photos', digest.slice(0, 2), `${digest}.jpg`)), marked);
    const again = await punch(member.client, '2026-01-05T09:00:00.000+08:00', { photo });
    assert.equal(again.status, 201);
    assert.deepEqual((await readdir(join(t.deps.config.dataDir, 'attendance-photos', digest.slice(0, 2)))).filter((f) => f.startsWith(digest)), [`${digest}.jpg`], 'the same watermarked picture is one file');
    // An admin in scope (the owner) sees it; another member does not; an unknown clock-in is a 404.
    assert.equal((await photoOf(owner, res.body.id)).status, 200);
    const other = await signedInMember(t, corpId);
    assert.equal((await photoOf(other.client, res.body.id)).status, 403);
    assert.equal(errorCode((await photoOf(owner, 'atc_nothing')).body), 'attendance.clockin_not_found');
  });

  it('a rule requiring a camera photo refuses one without an EXIF capture time, or taken more than 10 minutes from the server time; nothing is written', async () => {
    const { member } = await setUp();
    const instant = '2026-01-05T09:00:00.000+08:00';
    const refused = async (photo: object, code: string) => {
      const res = await punch(member.client, instant, { photo });
      assert.deepEqual([res.status, errorCode(res.body)], [422, code]);
    };
    await refused(await cameraPhoto(), 'attendance.photo_not_camera');
    await refused(await cameraPhoto('2026:01:05 08:49:59'), 'attendance.photo_stale');
    await refused(await cameraPhoto('2026:01:05 09:10:01'), 'attendance.photo_stale');
    await refused({ contentType: 'image/jpeg', dataBase64: '/9j/4AAQSkZJRg==' }, 'attendance.photo_not_camera');
    assert.deepEqual((await member.client.get<{ items: unknown[] }>('/api/v1/attendance/my-clock-ins?day=2026-01-05')).body.items, []);
    // At the edges, and a camera that wrote its offset (01:00 UTC is 09:00 in Shanghai).
    for (const photo of [await cameraPhoto('2026:01:05 08:50:00'), await cameraPhoto('2026:01:05 09:10:00'), await cameraPhoto('2026:01:05 01:00:00', '+00:00')]) {
      assert.equal((await punch(member.client, instant, { photo })).status, 201);
    }
  });

  it('issue rule with 安全管理 暗水印 on, a clock-in photo is served with the viewer and the minute in its pixels (the member, an admin), decoded on the decode route; off, and from the lapse instant, the stored photo', async () => {
    const instant = '2026-01-05T09:00:00.000+08:00';
    t.clock.set(instant);
    const { corp, activeUntil } = await securityBought(t);
    const member = await signedInMember(t, corp.corpId, '打卡人');
    assert.equal((await corp.client.post('/api/v1/attendance/rules', ruleBody({ photo: true, places: [{ name: '总部大厦', ...HQ, radiusM: 200 }], members: { memberIds: [member.memberId], departmentIds: [], tagIds: [] } }))).status, 201);
    const res = await punch(member.client, instant, { photo: await cameraPhoto('2026:01:05 09:00:00') });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const fetch = async (client: Client) => {
      const got = await t.app.inject({ method: 'GET', url: `/api/v1/attendance/clock-ins/${res.body.id}/photo`, headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
      return { type: got.headers['content-type'], cache: got.headers['cache-control'], body: got.rawPayload };
    };
    const decode = async (image: Buffer) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(image)]), 'photo.jpg');
      return (await corp.client.postForm<{ marks: { memberId: string; markedAt: string }[] }>('/api/v1/security/hidden-watermark/decode-image', form)).body.marks.map((m) => [m.memberId, m.markedAt]);
    };
    const stored = await fetch(member.client);
    assert.deepEqual([stored.type, stored.cache, await decode(stored.body)], ['image/jpeg', 'private, max-age=3600', []]);

    const off = { enabled: false, content: [] };
    const policy = await corp.client.put('/api/v1/security/watermark-policy', { chat: off, contacts: { enabled: false, content: [], hidden: true }, mail: off, docs: off, drive: off, customText: '' });
    assert.equal(policy.status, 200);
    t.clock.set('2026-01-05T09:03:30.000+08:00');
    const mine = await fetch(member.client);
    assert.deepEqual([mine.type, mine.cache, (await sharp(mine.body).metadata()).format], ['image/jpeg', 'private, no-store', 'jpeg']);
    assert.deepEqual(await decode(mine.body), [[member.memberId, '2026-01-05T01:03:00.000Z']]);
    // Re-encoded by whoever saved it (JPEG quality 75), it still names them.
    assert.deepEqual(await decode(await sharp((await fetch(corp.client)).body).jpeg({ quality: 75 }).toBuffer()), [[corp.creatorId, '2026-01-05T01:03:00.000Z']]);

    await keepSessions(t);
    t.clock.set(activeUntil);
    assert.equal((await fetch(member.client)).body.equals(stored.body), true);
  });

  it('a camera photo over 750 KB (a phone camera\'s full-size JPEG) is taken as it is: its EXIF capture time passes the rule, and the watermarked photo keeps that time and no other metadata; a body over the limit is a 413', async () => {
    const { member } = await setUp();
    const photo = await cameraPhoto('2026:01:05 09:03:00', '+08:00', true);
    const bytes = Buffer.from(photo.dataBase64, 'base64').length;
    assert.ok(bytes > 750_000 && photo.dataBase64.length > 1024 * 1024, `${bytes} bytes`);
    const res = await punch(member.client, '2026-01-05T09:00:00.000+08:00', { photo });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const stored = await t.app.inject({ method: 'GET', url: `/api/v1/attendance/clock-ins/${res.body.id}/photo`, headers: { cookie: [...member.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    assert.equal(stored.statusCode, 200);
    assert.deepEqual(await exifr.parse(stored.rawPayload, { pick: ['DateTimeOriginal', 'OffsetTimeOriginal', 'Make'], reviveValues: false }), { DateTimeOriginal: '2026:01:05 09:03:00', OffsetTimeOriginal: '+08:00' }, 'the camera\'s make is left behind');
    const tooLarge = await punch(member.client, '2026-01-05T09:00:00.000+08:00', { photo: { contentType: 'image/jpeg', dataBase64: 'A'.repeat(11_000_000) } });
    assert.deepEqual([tooLarge.status, errorCode(tooLarge.body)], [413, 'request.too_large']);
  });

  it('without the photo rule, any readable image is taken (EXIF not needed) and watermarked; bytes that are no image are refused', async () => {
    const { member } = await setUp({ photo: false });
    const taken = await punch(member.client, '2026-01-05T09:00:00.000+08:00', { photo: await cameraPhoto() });
    assert.equal(taken.status, 201);
    assert.equal((await photoOf(member.client, taken.body.id)).status, 200);
    const junk = await punch(member.client, '2026-01-05T09:00:00.000+08:00', { photo: { contentType: 'image/jpeg', dataBase64: '/9j/4AAQSkZJRg==' } });
    assert.deepEqual([junk.status, errorCode(junk.body)], [422, 'attendance.photo_unreadable']);
  });
});

describe('拍照打卡 watermark drawing', () => {
  it('a place too long for a small photo is shrunk to fit the band, one margin from each side, in white on the dark band', async () => {
    const small = await sharp({ create: { width: 200, height: 150, channels: 3, background: '#4a7ab0' } }).jpeg().toBuffer();
    const marked = await burnWatermark(small, watermarkText('总部大厦（深圳南山区科技园）', Date.parse('2026-01-05T01:05:09.000Z')));
    // The band is 16 px (8% of 150, at least 16), its margin 5 px.
    const { data, info } = await sharp(marked).extract({ left: 0, top: 134, width: 200, height: 16 }).greyscale().raw().toBuffer({ resolveWithObject: true });
    const litColumns = new Set<number>();
    for (let y = 0; y < info.height; y++) for (let x = 0; x < info.width; x++) if (data[y * info.width + x]! > 160) litColumns.add(x);
    assert.ok(Math.min(...litColumns) >= 4 && Math.min(...litColumns) <= 7, `first lit column ${Math.min(...litColumns)}`);
    assert.ok(Math.max(...litColumns) >= 185 && Math.max(...litColumns) <= 195, `last lit column ${Math.max(...litColumns)}`);
  });
});
