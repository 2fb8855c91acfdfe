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

describe('hidden watermark in images (暗水印)', () => {
  it('issue rule a pixel-level mark of the member and the minute: embedded in a PNG, read back exactly', async () => {
    const marked = (await embedImageMark(await picture(64, 48).png().toBuffer(), MEMBER, AT + 59_000))!;
    assert.equal((await sharp(marked).metadata()).format, 'png');
    assert.deepEqual(await readImageMark(marked), { memberId: MEMBER, at: AT });
  });

  it('the mark changes no pixel by more than 1 in blue, and none in red or green', async () => {
    const original = await picture(64, 48).png().toBuffer();
    const marked = (await embedImageMark(original, MEMBER, AT))!;
    const [a, b] = await Promise.all([original, marked].map((img) => sharp(img).ensureAlpha().raw().toBuffer()));
    const worst = [0, 0, 0, 0];
    for (let i = 0; i < a!.length; i++) worst[i % 4] = Math.max(worst[i % 4]!, Math.abs(a![i]! - b![i]!));
    assert.deepEqual(worst, [0, 0, 1, 0]);
  });

  it('decision survives a PNG re-save (another compression level, grey to colour) and a JPEG source, which is served as PNG', async () => {
    const fromJpeg = (await embedImageMark(await picture(64, 48).jpeg().toBuffer(), MEMBER, AT))!;
    const resaved = await sharp(fromJpeg).png({ compressionLevel: 0 }).toBuffer();
    assert.deepEqual(await readImageMark(resaved), { memberId: MEMBER, at: AT });
    const grey = (await embedImageMark(await picture(40, 40).grayscale().png().toBuffer(), MEMBER, AT))!;
    assert.deepEqual(await readImageMark(grey), { memberId: MEMBER, at: AT });
  });

  it('decision survives an edit of part of the picture: a band of a quarter of the rows painted over still decodes (majority of the copies)', async () => {
    const marked = (await embedImageMark(await picture(200, 100).png().toBuffer(), MEMBER, AT))!;
    const band = await sharp({ create: { width: 200, height: 25, channels: 4, background: '#ffffff' } }).png().toBuffer();
    const painted = await sharp(marked).composite([{ input: band, top: 10, left: 0 }]).png().toBuffer();
    assert.deepEqual(await readImageMark(painted), { memberId: MEMBER, at: AT });
  });

  it('decision does not survive a JPEG re-encoding or a resize: nothing is decoded, never a wrong member', async () => {
    const marked = (await embedImageMark(await picture(200, 100).png().toBuffer(), MEMBER, AT))!;
    assert.equal(await readImageMark(await sharp(marked).jpeg({ quality: 95 }).toBuffer()), undefined);
    assert.equal(await readImageMark(await sharp(marked).resize(150).png().toBuffer()), undefined);
  });

  it('decision an image smaller than one frame (568 pixels: 23 × 24 is, 24 × 24 is not) or no image is not marked; an unmarked image decodes nothing', async () => {
    assert.equal(await embedImageMark(await picture(23, 24).png().toBuffer(), MEMBER, AT), undefined);
    assert.notEqual(await embedImageMark(await picture(24, 24).png().toBuffer(), MEMBER, AT), undefined);
    assert.equal(await embedImageMark(Buffer.from('not an image'), MEMBER, AT), undefined);
    assert.equal(await readImageMark(await picture(64, 48).png().toBuffer()), undefined);
    assert.equal(await readImageMark(Buffer.from('not an image')), undefined);
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
      const png = await picture(120, 80).png().toBuffer();
      const jpeg = await picture(120, 80).jpeg().toBuffer();
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

      const downloaded = await bytes(member.client, `/api/v1/files/${jpegId}/download`);
      assert.deepEqual([downloaded.status, downloaded.type, downloaded.disposition.endsWith(`''${encodeURIComponent('照片.png')}`)], [200, 'application/octet-stream', true]);
      assert.equal((await sharp(downloaded.body).metadata()).format, 'png');
      assert.deepEqual((await decodeImage(corp.client, await sharp(downloaded.body).png({ compressionLevel: 1 }).toBuffer())).body.marks, expected);

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
      const gif = await picture(40, 40).gif().toBuffer();
      const png = await picture(40, 40).png().toBuffer();
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
      const { id } = (await upload(member.client, await picture(60, 60).png().toBuffer(), 'c.png')).body;
      const marked = (await bytes(member.client, `/api/v1/files/${id}/view`)).body;
      assert.equal((await decodeImage(member.client, marked)).status, 403);
      assert.deepEqual((await decodeImage(other.corp.client, marked)).body.marks, []);
      assert.deepEqual((await decodeImage(corp.client, Buffer.from('plain text'))).body.marks, []);
      assert.deepEqual((await decodeImage(corp.client, await picture(60, 60).png().toBuffer())).body.marks, []);
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
