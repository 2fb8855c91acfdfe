import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, keepSessions, type Client, type TestApp } from '../../../test/support/app.ts';
import { errorCode, securityBought, signedInMember, type Corp } from '../customers/testing/index.ts';
import { membersByIds } from '../directory/index.ts';
import { parseCsv } from '../../platform/csv.ts';
import { loadExcel } from '../../platform/excel.ts';
import { markRow } from '../../platform/export-marks.ts';
import { embedImageMark, readImageMark } from './hidden-image.ts';
import { decodeMarks } from './hidden-mark.ts';

const MEMBER = 'mem_01JDZ8Q3V0000000000000000A';
const AT = Date.parse('2026-12-03T10:41:00Z');
const picture = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#4a7ab0' } });

/** A picture with detail (smoothed noise, the same every run), as a photo has. */
function textured(width: number, height: number) {
  let seed = 7;
  const noise = Buffer.alloc(width * height * 3);
  for (let i = 0; i < noise.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    noise[i] = seed >>> 23;
  }
  return sharp(noise, { raw: { width, height, channels: 3 } }).blur(2);
}
/** Peak signal-to-noise ratio of the marked picture against the original, in dB. */
async function psnr(original: Buffer, marked: Buffer): Promise<number> {
  const [a, b] = await Promise.all([original, marked].map((img) => sharp(img).removeAlpha().raw().toBuffer()));
  let squared = 0;
  for (let i = 0; i < a!.length; i++) squared += (a![i]! - b![i]!) ** 2;
  return 10 * Math.log10((255 * 255) / (squared / a!.length));
}
const reencoded = (image: Buffer, quality: number) => sharp(image).jpeg({ quality }).toBuffer();

describe('hidden watermark in images (暗水印)', () => {
  it('issue rule a pixel-level mark of the member and the minute: embedded in a PNG, read back exactly, the PNG stays a PNG', async () => {
    const marked = (await embedImageMark(await textured(320, 240).png().toBuffer(), MEMBER, AT + 59_000))!;
    assert.equal((await sharp(marked).metadata()).format, 'png');
    assert.deepEqual(await readImageMark(marked), { memberId: MEMBER, at: AT });
  });

  it('issue rule the mark survives a JPEG re-encode at quality 75: a marked PNG and a marked JPEG, re-encoded by sharp, decode to the same member and time', async () => {
    const png = (await embedImageMark(await textured(320, 240).png().toBuffer(), MEMBER, AT))!;
    const jpeg = (await embedImageMark(await textured(320, 240).jpeg({ quality: 85 }).toBuffer(), MEMBER, AT))!;
    assert.equal((await sharp(jpeg).metadata()).format, 'jpeg');
    for (const marked of [png, jpeg]) assert.deepEqual(await readImageMark(await reencoded(marked, 75)), { memberId: MEMBER, at: AT });
    // A flat picture and one of white and saturated blue (pixels that cannot get brighter) too, and a re-encode of the re-encode.
    const flat = (await embedImageMark(await picture(320, 240).png().toBuffer(), MEMBER, AT))!;
    const bright = (await embedImageMark(await sharp({ create: { width: 320, height: 240, channels: 3, background: '#ffffff' } }).png().toBuffer(), MEMBER, AT))!;
    for (const marked of [flat, bright]) assert.deepEqual(await readImageMark(await reencoded(await reencoded(marked, 90), 75)), { memberId: MEMBER, at: AT });
  });

  it('issue rule the mark is invisible: PSNR at least 38 dB on a photo-like, a flat, a white and a saturated picture', async () => {
    const gradient = Buffer.alloc(320 * 240 * 3);
    for (let i = 0; i < 320 * 240; i++) gradient.set([((i % 320) * 255) / 320, (Math.floor(i / 320) * 255) / 240, 255], i * 3);
    const sources = [
      await textured(320, 240).png().toBuffer(),
      await picture(320, 240).png().toBuffer(),
      await sharp({ create: { width: 320, height: 240, channels: 3, background: '#ffffff' } }).png().toBuffer(),
      await sharp(gradient, { raw: { width: 320, height: 240, channels: 3 } }).png().toBuffer(),
    ];
    for (const source of sources) {
      const db = await psnr(source, (await embedImageMark(source, MEMBER, AT))!);
      assert.ok(db >= 38, `PSNR ${db.toFixed(1)} dB`);
    }
  });

  it('decision survives a PNG re-save (another compression level, grey to colour) and an edit of part of the picture: a band of a quarter of the rows painted over', async () => {
    const resaved = await sharp((await embedImageMark(await textured(320, 240).png().toBuffer(), MEMBER, AT))!).png({ compressionLevel: 0 }).toBuffer();
    assert.deepEqual(await readImageMark(resaved), { memberId: MEMBER, at: AT });
    const grey = (await embedImageMark(await textured(160, 160).grayscale().png().toBuffer(), MEMBER, AT))!;
    assert.deepEqual(await readImageMark(grey), { memberId: MEMBER, at: AT });
    const marked = (await embedImageMark(await textured(400, 300).png().toBuffer(), MEMBER, AT))!;
    const band = await sharp({ create: { width: 400, height: 75, channels: 4, background: '#ffffff' } }).png().toBuffer();
    const painted = await sharp(marked).composite([{ input: band, top: 40, left: 0 }]).jpeg({ quality: 75 }).toBuffer();
    assert.deepEqual(await readImageMark(painted), { memberId: MEMBER, at: AT });
  });

  it('decision a JPEG turned by its EXIF orientation is marked as it is shown: upright, without the orientation tag', async () => {
    const turned = await textured(320, 240).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const marked = (await embedImageMark(turned, MEMBER, AT))!;
    const meta = await sharp(marked).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height, meta.orientation], ['jpeg', 240, 320, undefined]);
    assert.deepEqual(await readImageMark(await reencoded(marked, 75)), { memberId: MEMBER, at: AT });
  });

  it('decision does not survive a resize or a crop off the 8-pixel grid: nothing is decoded, never a wrong member', async () => {
    const marked = (await embedImageMark(await textured(320, 240).png().toBuffer(), MEMBER, AT))!;
    assert.equal(await readImageMark(await sharp(marked).resize(240).png().toBuffer()), undefined);
    assert.equal(await readImageMark(await sharp(marked).extract({ left: 3, top: 5, width: 300, height: 220 }).png().toBuffer()), undefined);
  });

  it('decision an image of fewer 8 × 8 blocks than the 192 bits of a frame (120 × 96 is, 128 × 96 is not), no image, or an id that is no member id is not marked; an unmarked image decodes to no mark', async () => {
    assert.equal(await embedImageMark(await picture(120, 96).png().toBuffer(), MEMBER, AT), undefined);
    assert.notEqual(await embedImageMark(await picture(128, 96).png().toBuffer(), MEMBER, AT), undefined);
    assert.equal(await embedImageMark(Buffer.from('not an image'), MEMBER, AT), undefined);
    assert.equal(await embedImageMark(await picture(128, 96).png().toBuffer(), 'tok_01JDZ8Q3V0000000000000000A', AT), undefined);
    for (const unmarked of [await picture(320, 240).png().toBuffer(), await textured(320, 240).jpeg({ quality: 75 }).toBuffer(), Buffer.from('not an image')]) assert.equal(await readImageMark(unmarked), undefined);
  });

  it('decision the mark of an export follows the first text cell of a row; a row of no text is left as it is', () => {
    assert.deepEqual(markRow([3, '张三', 'x'], '<m>'), [3, '张三<m>', 'x']);
    assert.deepEqual(markRow([1, 2], '<m>'), [1, 2]);
    assert.deepEqual(markRow(['a'], ''), ['a']);
  });
});

describeEachDialect('暗水印 in served images and in every export', (use) => {
  let t: TestApp;
  let dataDir: string;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'banyan-watermark-'));
    t = await createTestApp(use(), { dataDir });
  });
  after(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  let start = 0;
  before(() => {
    start = t.clock.now();
  });

  const off = { enabled: false, content: [] };
  const hiddenOn = (corp: Corp, surface: 'contacts' | 'docs' | 'drive') =>
    corp.client.put('/api/v1/security/watermark-policy', { chat: off, contacts: off, mail: off, docs: off, drive: off, [surface]: { enabled: false, content: [], hidden: true }, customText: '' });
  const minute = () => new Date(Math.floor(t.clock.now() / 60_000) * 60_000).toISOString();
  /** The response's bytes as sent (Client gives text). */
  async function bytes(client: Client, url: string): Promise<{ status: number; type: string; disposition: string; body: Buffer }> {
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    return { status: res.statusCode, type: String(res.headers['content-type']), disposition: String(res.headers['content-disposition'] ?? ''), body: res.rawPayload };
  }
  function upload(client: Client, content: Buffer, name: string) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), name);
    return client.postForm<{ id: string }>('/api/v1/files', form);
  }
  function decodeImage(client: Client, content: Buffer) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), 'shot.png');
    return client.postForm<{ marks: { memberId: string; memberName: string; userid: string; markedAt: string }[] }>('/api/v1/security/hidden-watermark/decode-image', form);
  }
  const useridOf = async (corpId: string, memberId: string) => (await membersByIds(t.deps.db, corpId, [memberId])).get(memberId)!.userid;
  async function firstCells(content: Buffer): Promise<string[]> {
    const ExcelJS = await loadExcel();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
    const out: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => out.push(String(row.getCell(1).value)));
    return out;
  }
  const markedBy = (cells: readonly string[]) => cells.map((c) => decodeMarks(c).map((m) => m.memberId).join(','));

  describe('images the drive serves', () => {
    it('issue rule images served to a member carry a pixel mark an admin decodes back to the member name, userid and time; hidden off serves the original bytes; none at the lapse instant', async () => {
      const { corp, activeUntil } = await securityBought(t);
      const member = await signedInMember(t, corp.corpId, '郑十');
      const png = await textured(320, 240).png().toBuffer();
      const jpeg = await textured(320, 240).jpeg().toBuffer();
      const { id: pngId } = (await upload(member.client, png, '图表.png')).body;
      const { id: jpegId } = (await upload(member.client, jpeg, '照片.jpg')).body;

      const before = await bytes(member.client, `/api/v1/files/${pngId}/view`);
      assert.deepEqual([before.status, before.type, before.body.equals(png)], [200, 'image/png', true]);

      assert.equal((await hiddenOn(corp, 'drive')).status, 200);
      const viewed = await bytes(member.client, `/api/v1/files/${pngId}/view`);
      assert.deepEqual([viewed.status, viewed.type, viewed.body.equals(png)], [200, 'image/png', false]);
      const expected = [{ memberId: member.memberId, memberName: '郑十', userid: await useridOf(corp.corpId, member.memberId), markedAt: minute() }];
      const decoded = await decodeImage(corp.client, viewed.body);
      assert.deepEqual([decoded.status, decoded.body.marks], [200, expected]);

      // A JPEG stays a JPEG (its name too), and its mark outlives the member's re-encoding at quality 75.
      const downloaded = await bytes(member.client, `/api/v1/files/${jpegId}/download`);
      assert.deepEqual([downloaded.status, downloaded.type, downloaded.disposition.endsWith(`''${encodeURIComponent('照片.jpg')}`)], [200, 'application/octet-stream', true]);
      assert.deepEqual([(await sharp(downloaded.body).metadata()).format, downloaded.body.equals(jpeg)], ['jpeg', false]);
      assert.deepEqual((await decodeImage(corp.client, await reencoded(downloaded.body, 75))).body.marks, expected);
      const viewedJpeg = await bytes(member.client, `/api/v1/files/${jpegId}/view`);
      assert.deepEqual([viewedJpeg.status, viewedJpeg.type], [200, 'image/jpeg']);

      await keepSessions(t);
      t.clock.set(activeUntil - 1);
      assert.equal((await bytes(member.client, `/api/v1/files/${pngId}/view`)).body.equals(png), false);
      t.clock.set(activeUntil);
      assert.equal((await bytes(member.client, `/api/v1/files/${pngId}/view`)).body.equals(png), true);
      assert.equal((await bytes(member.client, `/api/v1/files/${jpegId}/download`)).body.equals(jpeg), true);
      t.clock.set(start);
    });

    it('a text file and a GIF are served as stored; drive marks follow drive only (contacts on leaves images alone)', async () => {
      const { corp } = await securityBought(t);
      const member = await signedInMember(t, corp.corpId, '冯十一');
      const gif = await picture(160, 120).gif().toBuffer();
      const png = await picture(160, 120).png().toBuffer();
      const { id: gifId } = (await upload(member.client, gif, 'a.gif')).body;
      const { id: pngId } = (await upload(member.client, png, 'b.png')).body;
      await hiddenOn(corp, 'contacts');
      assert.equal((await bytes(member.client, `/api/v1/files/${pngId}/view`)).body.equals(png), true);
      await hiddenOn(corp, 'drive');
      assert.equal((await bytes(member.client, `/api/v1/files/${gifId}/view`)).body.equals(gif), true);
    });

    it('the image decode is for admins of this enterprise: a member is refused, another enterprise decodes nothing, a non-image or unmarked image decodes nothing, an empty file is a 400', async () => {
      const { corp } = await securityBought(t);
      const other = await securityBought(t);
      const member = await signedInMember(t, corp.corpId, '陈十二');
      await hiddenOn(corp, 'drive');
      const { id } = (await upload(member.client, await picture(160, 120).png().toBuffer(), 'c.png')).body;
      const marked = (await bytes(member.client, `/api/v1/files/${id}/view`)).body;
      assert.equal((await decodeImage(member.client, marked)).status, 403);
      assert.deepEqual((await decodeImage(other.corp.client, marked)).body.marks, []);
      assert.deepEqual((await decodeImage(corp.client, Buffer.from('plain text'))).body.marks, []);
      assert.deepEqual((await decodeImage(corp.client, await picture(160, 120).png().toBuffer())).body.marks, []);
      const empty = await decodeImage(corp.client, Buffer.alloc(0));
      assert.deepEqual([empty.status, errorCode(empty.body)], [400, 'request.invalid']);
    });
  });

  describe('text exports', () => {
    it('issue rule every export carries the zero-width mark of the member in each row while the feature is active: audit log, fund ledger (.csv and .xlsx), attendance summary; none at the lapse instant', async () => {
      const { corp, activeUntil } = await securityBought(t);
      const me = corp.creatorId;
      const exports = async () => {
        const audit = await firstCells((await bytes(corp.client, '/api/v1/audit/export?lang=zh-CN')).body);
        const csv = parseCsv((await corp.client.request<string>('GET', '/api/v1/wallet/ledger/export?format=csv')).body.replace(/^\uFEFF/, '')).map((r) => r[0]!);
        const xlsx = await firstCells((await bytes(corp.client, '/api/v1/wallet/ledger/export?format=xlsx')).body);
        const summary = await firstCells((await bytes(corp.client, '/api/v1/attendance/summary/export?from=2026-01-01&to=2026-01-31')).body);
        return { audit, csv, xlsx, summary };
      };
      const plain = await exports();
      for (const cells of Object.values(plain)) assert.deepEqual(markedBy(cells), cells.map(() => ''));
      assert.equal((await hiddenOn(corp, 'contacts')).status, 200);
      const marked = await exports();
      for (const [name, cells] of Object.entries(marked)) {
        assert.ok(cells.length >= (name === 'summary' ? 1 : 2), name);
        assert.deepEqual(markedBy(cells), cells.map(() => me), name);
        assert.equal(cells[0]!.replace(/[\u2060\u200b\u200c]/g, ''), plain[name as keyof typeof plain][0], name);
      }
      const decoded = await corp.client.post<{ marks: { memberId: string; markedAt: string }[] }>('/api/v1/security/hidden-watermark/decode', { text: marked.summary[0]! });
      assert.deepEqual(decoded.body.marks.map((m) => [m.memberId, m.markedAt]), [[me, minute()]]);

      await keepSessions(t);
      t.clock.set(activeUntil);
      const lapsed = await exports();
      for (const cells of Object.values(lapsed)) assert.deepEqual(markedBy(cells), cells.map(() => ''));
      t.clock.set(start);
    });

    it('issue rule the file records export (drive) and a sheet export (docs) carry the mark while their surface’s hidden watermark is on; a sheet imported back has no mark', async () => {
      const { corp } = await securityBought(t);
      const me = corp.creatorId;
      assert.equal((await corp.client.put(`/api/v1/features/security/seats/${me}`)).status, 204);
      await corp.client.put('/api/v1/security/leak-policy', { enabled: true, scope: { memberIds: [], departmentIds: [], tagIds: [] }, whitelist: { memberIds: [], departmentIds: [], tagIds: [] }, blockDownload: false, blockExternalShare: false });
      assert.equal((await upload(corp.client, Buffer.from('机密'), '机密.txt')).status, 201);
      const sheet = (await corp.client.post<{ id: string }>('/api/v1/docs/files', { kind: 'sheet', title: '名单' })).body;
      const sheetId = (await corp.client.get<{ items: { id: string }[] }>(`/api/v1/docs/files/${sheet.id}/sheets`)).body.items[0]!.id;
      await corp.client.patch(`/api/v1/docs/files/${sheet.id}/sheets/${sheetId}/cells`, { cells: [{ row: 0, col: 0, value: '姓名' }, { row: 0, col: 1, value: '部门' }, { row: 1, col: 0, value: '张三' }, { row: 1, col: 1, value: '销售部' }] });
      const records = async () => firstCells((await bytes(corp.client, '/api/v1/security/file-records/export?lang=zh-CN')).body);
      const docs = async () => (await bytes(corp.client, `/api/v1/docs/files/${sheet.id}/export`)).body;

      await hiddenOn(corp, 'docs');
      assert.deepEqual(markedBy(await records()), ['', '']);
      const marked = await docs();
      assert.deepEqual(markedBy(await firstCells(marked)), [me, me]);
      const ExcelJS = await loadExcel();
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(marked as unknown as ArrayBuffer);
      assert.equal(String(workbook.worksheets[0]!.getCell('B2').value), '销售部');
      const imported = await corp.client.request<{ id: string }>('POST', `/api/v1/docs/imports?title=${encodeURIComponent('导回')}`, marked, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      assert.equal(imported.status, 201);
      const importedSheet = (await corp.client.get<{ items: { id: string }[] }>(`/api/v1/docs/files/${imported.body.id}/sheets`)).body.items[0]!.id;
      const back = await corp.client.get<{ items: { row: number; col: number; value: string }[] }>(`/api/v1/docs/files/${imported.body.id}/sheets/${importedSheet}/cells?fromRow=0&toRow=2`);
      assert.deepEqual(back.body.items.map((c) => c.value).sort(), ['姓名', '张三', '销售部', '部门'].sort());

      await hiddenOn(corp, 'drive');
      assert.deepEqual(markedBy(await records()), [me, me]);
      assert.deepEqual(markedBy(await firstCells(await docs())), ['', '']);
    });
  });
});
