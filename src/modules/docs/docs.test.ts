import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type Client, type Response, type TestApp } from '../../../test/support/app.ts';
import { errorCode, newCorp, signedInMember } from '../customers/testing/index.ts';
import { DirectoryFixture } from '../directory/testing/index.ts';
import { DAY } from '../../platform/clock.ts';
import { loadExcel } from '../../platform/excel.ts';
import { tables } from './docs.tables.ts';
import { xlsxFixture } from './testing/index.ts';
import { columnName, declaredSize, parseRef, readSharedStrings, scanCells, scannedSize, sizeOfRef, Workbook } from './xlsx.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
interface FileBody {
  id: string;
  access: string;
  kind: string;
  title: string;
}
interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}
const message = (res: Response) => (res.body as ErrorBody).error.message;

describe('.xlsx reading (pure)', () => {
  it('a dimension ref gives rows and columns to its far corner and the cells of its range', () => {
    assert.deepEqual(sizeOfRef('A1:E200000'), { rows: 200_000, cols: 5, cells: 1_000_000 });
    assert.deepEqual(sizeOfRef('B2:C3'), { rows: 3, cols: 3, cells: 4 });
    assert.deepEqual(sizeOfRef('A1'), { rows: 1, cols: 1, cells: 1 });
    assert.deepEqual([parseRef('BXX1'), columnName(1_999), columnName(2_000)], [{ row: 0, col: 1_999 }, 'BXX', 'BXY']);
    assert.equal(declaredSize('<worksheet><sheetData><row r="1"/></sheetData></worksheet>'), null);
  });
  it('cells are read from the XML with shared, inline, boolean and numeric values; a sheet without a dimension is sized by a scan', () => {
    const shared = readSharedStrings('<sst><si><t>甲</t></si><si><r><t>A&amp;</t></r><r><t>B</t></r><rPh><t>ignored</t></rPh></si><si/></sst>');
    assert.deepEqual(shared, ['甲', 'A&B', '']);
    const xml = '<worksheet><sheetData><row r="2"><c r="B2" t="s"><v>1</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" s="3"/></row><row r="3"><c t="inlineStr"><is><t>x&lt;y</t></is></c><c><f>1+1</f><v>2</v></c></row></sheetData></worksheet>';
    assert.deepEqual([...scanCells(xml, shared)], [
      { row: 1, col: 1, value: 'A&B' },
      { row: 1, col: 2, value: 'TRUE' },
      { row: 2, col: 0, value: 'x<y' },
      { row: 2, col: 1, value: '2' },
    ]);
    // The styled empty D2 is no content: the used range is B2:C3 plus A3.
    assert.deepEqual(scannedSize(xml, shared), { rows: 3, cols: 3, cells: 6 });
  });
  it('a sheet is scanned as it is inflated, in batches, with the same cells as a scan of its whole XML (prefixed tags, shared strings, no dimension)', async () => {
    const rows = Array.from({ length: 3_000 }, (_, r) => `<x:row r="${r + 1}"><x:c r="A${r + 1}" t="s"><x:v>${r % 2}</x:v></x:c><x:c r="C${r + 1}"><x:v>${r}</x:v></x:c></x:row>`);
    const sheetXml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${rows.join('')}</x:sheetData><x:legacyDrawing r:id="rId9"/></x:worksheet>`;
    const zip = new JSZip();
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    zip.file('xl/workbook.xml', `<workbook xmlns:r="${rel}"><sheets><sheet name="前缀" sheetId="1" r:id="rId1"/></sheets></workbook>`);
    zip.file('xl/_rels/workbook.xml.rels', `<Relationships><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`);
    zip.file('xl/sharedStrings.xml', '<sst><si><t>甲</t></si><si><t>乙</t></si></sst>');
    zip.file('xl/worksheets/sheet1.xml', sheetXml);
    const book = await Workbook.open(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const sheet = book.sheets[0]!;
    // Shared strings count: A3000 is a string cell, so the used range runs from A1 to C3000.
    assert.deepEqual(await book.size(sheet), { rows: 3_000, cols: 3, cells: 9_000 });
    const batches: number[] = [];
    const cells = [];
    for await (const batch of book.cells(sheet, 500)) {
      batches.push(batch.length);
      cells.push(...batch);
    }
    assert.deepEqual(batches, Array.from({ length: 12 }, () => 500));
    assert.deepEqual(cells, [...scanCells(sheetXml, ['甲', '乙'])]);
    assert.deepEqual(cells.slice(0, 3), [
      { row: 0, col: 0, value: '甲' },
      { row: 0, col: 2, value: '0' },
      { row: 1, col: 0, value: '乙' },
    ]);
  });
});

describeEachDialect('文档/表格', (use) => {
  let t: TestApp;
  before(async () => {
    // Each test signs in several members from the one test address.
    t = await createTestApp(use(), { signInLimitPerMinute: 10_000 });
  });
  after(() => t.close());

  let n = 0;
  async function world() {
    const corp = await newCorp(t);
    const contacts = await DirectoryFixture.open(t.deps.db, corp.corpId, () => t.clock.now());
    const member = async (name: string, departmentIds?: string[]) => {
      const full = `${name}${++n}`;
      return { ...(await signedInMember(t, corp.corpId, full, departmentIds)), name: full };
    };
    return { corp, contacts, member };
  }
  async function newFile(client: Client, kind: 'document' | 'sheet', spaceId?: string): Promise<FileBody> {
    const res = await client.post<FileBody>('/api/v1/docs/files', { kind, title: `文件${++n}`, ...(spaceId ? { spaceId } : {}) });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  }
  const share = (client: Client, fileId: string, shares: { kind: string; id: string; access: string }[], linkAccess = 'off') => client.put(`/api/v1/docs/files/${fileId}/shares`, { shares, linkAccess });

  describe('spaces, files and sharing', () => {
    it('seed rule 如果不是在对应文件空间范围里，需要收到文件链接或者有人转发对应的文件，才能打开查看: a member outside the space gets 404 until it is shared, and never sees it in their own space', async () => {
      const { member } = await world();
      const owner = await member('创建人');
      const other = await member('同事');
      const file = await newFile(owner.client, 'document');
      assert.equal((await other.client.get(`/api/v1/docs/files/${file.id}`)).status, 404);
      assert.equal((await share(owner.client, file.id, [{ kind: 'member', id: other.memberId, access: 'view' }])).status, 200);
      const opened = await other.client.get<FileBody>(`/api/v1/docs/files/${file.id}`);
      assert.deepEqual([opened.status, opened.body.access], [200, 'view']);
      const spaces = await other.client.get<{ items: { id: string; kind: string }[] }>('/api/v1/docs/spaces');
      assert.deepEqual(spaces.body.items.map((s) => s.kind), ['personal']);
      const own = await other.client.get<{ items: unknown[] }>(`/api/v1/docs/spaces/${spaces.body.items[0]!.id}/files`);
      assert.deepEqual(own.body.items, []);
      const ownerSpace = (await owner.client.get<{ items: { id: string }[] }>('/api/v1/docs/spaces')).body.items[0]!.id;
      assert.equal((await other.client.get(`/api/v1/docs/spaces/${ownerSpace}/files`)).status, 404);
    });

    it('seed rule 仅浏览权限/可编辑权限: a view-only member cannot save, an editor can; shares to a department (with its sub-departments) and a tag reach their members', async () => {
      const { member, contacts } = await world();
      const owner = await member('创建人');
      const sales = await contacts.department('销售部');
      const east = await contacts.department('华东', sales);
      const inDept = await member('华东销售', [east]);
      const tagged = await member('标签成员');
      const outsider = await member('旁人');
      const tag = await contacts.tag('项目组', [tagged.memberId]);
      const file = await newFile(owner.client, 'document');
      const res = await share(owner.client, file.id, [
        { kind: 'department', id: sales, access: 'edit' },
        { kind: 'tag', id: tag, access: 'view' },
      ]);
      assert.equal(res.status, 200);
      assert.equal((await inDept.client.patch(`/api/v1/docs/files/${file.id}`, { body: '华东改的' })).status, 200);
      assert.equal((await tagged.client.get<FileBody>(`/api/v1/docs/files/${file.id}`)).body.access, 'view');
      const refused = await tagged.client.patch(`/api/v1/docs/files/${file.id}`, { body: '不许' });
      assert.deepEqual([refused.status, errorCode(refused.body)], [403, 'forbidden']);
      assert.equal((await outsider.client.get(`/api/v1/docs/files/${file.id}`)).status, 404);
      assert.equal((await owner.client.get<{ body: string }>(`/api/v1/docs/files/${file.id}`)).body.body, '华东改的');
    });

    it('a share naming an id of another enterprise is a 422 at its place and changes nothing; only the creator or a space manager shares', async () => {
      const { member } = await world();
      const elsewhere = await world();
      const stranger = await elsewhere.member('别家');
      const owner = await member('创建人');
      const editor = await member('编辑');
      const file = await newFile(owner.client, 'sheet');
      await share(owner.client, file.id, [{ kind: 'member', id: editor.memberId, access: 'edit' }]);
      const res = await share(owner.client, file.id, [{ kind: 'member', id: editor.memberId, access: 'view' }, { kind: 'member', id: stranger.memberId, access: 'view' }]);
      assert.deepEqual([res.status, errorCode(res.body), (res.body as ErrorBody).error.details.field], [422, 'request.unknown_id', '/shares/memberIds/1']);
      const kept = await owner.client.get<{ shares: unknown[] }>(`/api/v1/docs/files/${file.id}/shares`);
      assert.deepEqual(kept.body.shares, [{ kind: 'member', id: editor.memberId, access: 'edit' }]);
      assert.equal((await editor.client.put(`/api/v1/docs/files/${file.id}/shares`, { shares: [], linkAccess: 'edit' })).status, 403);
      const people = await editor.client.get<{ members: { id: string }[] }>('/api/v1/docs/people');
      assert.deepEqual([people.body.members.some((m) => m.id === owner.memberId), people.body.members.some((m) => m.id === stranger.memberId)], [true, false]);
      assert.equal((await stranger.client.get(`/api/v1/docs/files/${file.id}`)).status, 404);
    });

    it('seed rule 收到文件链接: a member who opens the link gets its access while the link is on, and loses it when it is turned off', async () => {
      const { member } = await world();
      const owner = await member('创建人');
      const reader = await member('读者');
      const file = await newFile(owner.client, 'document');
      const token = (await owner.client.get<{ linkToken: string }>(`/api/v1/docs/files/${file.id}/shares`)).body.linkToken;
      assert.equal((await reader.client.post(`/api/v1/docs/links/${token}`)).status, 404);
      await share(owner.client, file.id, [], 'view');
      const opened = await reader.client.post<FileBody>(`/api/v1/docs/links/${token}`);
      assert.deepEqual([opened.status, opened.body.id, opened.body.access], [200, file.id, 'view']);
      assert.equal((await reader.client.get(`/api/v1/docs/files/${file.id}`)).status, 200);
      await share(owner.client, file.id, [], 'off');
      assert.equal((await reader.client.get(`/api/v1/docs/files/${file.id}`)).status, 404);
    });

    it('a team space: its members see its files in it, with their role; a view member cannot create there', async () => {
      const { member } = await world();
      const owner = await member('空间管理员');
      const editor = await member('空间成员');
      const viewer = await member('空间访客');
      const created = await owner.client.post<{ id: string; role: string }>('/api/v1/docs/spaces', { name: '项目空间', members: [{ memberId: editor.memberId, role: 'edit' }, { memberId: viewer.memberId, role: 'view' }] });
      assert.deepEqual([created.status, created.body.role], [201, 'manage']);
      const file = await newFile(editor.client, 'sheet', created.body.id);
      assert.equal(file.access, 'edit');
      const listed = await viewer.client.get<{ items: FileBody[] }>(`/api/v1/docs/spaces/${created.body.id}/files`);
      assert.deepEqual(listed.body.items.map((f) => [f.id, f.access]), [[file.id, 'view']]);
      const refused = await viewer.client.post('/api/v1/docs/files', { kind: 'document', title: '不行', spaceId: created.body.id });
      assert.equal(refused.status, 403);
      const lastManager = await owner.client.put(`/api/v1/docs/spaces/${created.body.id}/members`, { members: [{ memberId: editor.memberId, role: 'edit' }] });
      assert.equal(errorCode(lastManager.body), 'docs.last_manager');
    });
  });

  describe('documents with tables', () => {
    it('seed rule 目前最多可插入 100 个表格: the 99th and 100th insert, the 101st is refused with 超过表格上限，请删除其他表格后插入。, and after deleting one the insert succeeds', async () => {
      const { member } = await world();
      const owner = await member('写文档的人');
      const file = await newFile(owner.client, 'document');
      const insert = () => owner.client.post<{ id: string }>(`/api/v1/docs/files/${file.id}/tables`, { rows: 2, cols: 3 });
      const ids: string[] = [];
      for (let i = 1; i <= 98; i++) ids.push((await insert()).body.id);
      const the99th = await insert();
      const the100th = await insert();
      assert.deepEqual([the99th.status, the100th.status], [201, 201]);
      const the101st = await insert();
      assert.deepEqual([the101st.status, errorCode(the101st.body), message(the101st)], [409, 'docs.table_limit', '超过表格上限，请删除其他表格后插入。']);
      const list = await owner.client.get<{ items: unknown[]; limit: number }>(`/api/v1/docs/files/${file.id}/tables`);
      assert.deepEqual([list.body.items.length, list.body.limit], [100, 100]);
      assert.equal((await owner.client.delete(`/api/v1/docs/files/${file.id}/tables/${ids[0]}`)).status, 204);
      const again = await insert();
      assert.equal(again.status, 201);
      assert.equal((await insert()).status, 409);
      const saved = await owner.client.put<{ cells: string[][] }>(`/api/v1/docs/files/${file.id}/tables/${again.body.id}`, { cells: [['季度', '收入'], ['Q1', '100']] });
      assert.deepEqual(saved.body.cells, [['季度', '收入'], ['Q1', '100']]);
    });
  });

  describe('sheets', () => {
    async function sheetOf(client: Client) {
      const file = await newFile(client, 'sheet');
      const sheets = await client.get<{ items: { id: string; name: string }[]; limits: unknown }>(`/api/v1/docs/files/${file.id}/sheets`);
      return { file, sheetId: sheets.body.items[0]!.id, sheets: sheets.body };
    }
    const edit = (client: Client, fileId: string, sheetId: string, cells: { row: number; col: number; value: string }[]) => client.patch<{ changed: number; revisionsCut: number }>(`/api/v1/docs/files/${fileId}/sheets/${sheetId}/cells`, { cells });

    it('seed rule 行 20 万，列 2000: row 199,999 and column 1,999 take a value, row 200,000 or column 2,000 refuse the whole edit', async () => {
      const { member } = await world();
      const owner = await member('表格');
      const { file, sheetId, sheets } = await sheetOf(owner.client);
      assert.deepEqual(sheets.limits, { cells: 1_000_000, rows: 200_000, cols: 2_000 });
      assert.equal((await edit(owner.client, file.id, sheetId, [{ row: 199_999, col: 1_999, value: '角' }])).status, 200);
      const rowOver = await edit(owner.client, file.id, sheetId, [{ row: 0, col: 0, value: 'a' }, { row: 200_000, col: 0, value: 'b' }]);
      const colOver = await edit(owner.client, file.id, sheetId, [{ row: 0, col: 2_000, value: 'c' }]);
      assert.deepEqual([rowOver.status, errorCode(rowOver.body), colOver.status], [422, 'docs.cell_out_of_range', 422]);
      const cells = await owner.client.get<{ items: unknown[] }>(`/api/v1/docs/files/${file.id}/sheets/${sheetId}/cells?fromRow=199000&toRow=200000`);
      assert.deepEqual(cells.body.items, [{ row: 199_999, col: 1_999, value: '角' }]);
    });

    it('seed rule 单元格支持 100 万: the 1,000,000th cell is taken, the 1,000,001st refused; emptying a cell makes room', async () => {
      const { member } = await world();
      const owner = await member('表格');
      const { file, sheetId } = await sheetOf(owner.client);
      await tables(t.deps.db).updateTable('docs_sheets').set({ cell_count: 999_999 }).where('id', '=', sheetId).execute();
      assert.equal((await edit(owner.client, file.id, sheetId, [{ row: 1, col: 1, value: '第一百万' }])).status, 200);
      const full = await edit(owner.client, file.id, sheetId, [{ row: 1, col: 2, value: '多一个' }]);
      assert.deepEqual([full.status, errorCode(full.body)], [409, 'docs.sheet_full']);
      assert.equal((await edit(owner.client, file.id, sheetId, [{ row: 1, col: 1, value: '' }, { row: 1, col: 2, value: '换一个' }])).status, 200);
      const sheets = await owner.client.get<{ items: { cellCount: number }[] }>(`/api/v1/docs/files/${file.id}/sheets`);
      assert.equal(sheets.body.items[0]!.cellCount, 1_000_000);
    });
  });

  describe('.xlsx import and export', () => {
    async function importing(client: Client, content: Buffer, title = '导入的表格') {
      return client.request<{ id: string; sheets: number; cells: number; comments: number } & ErrorBody>('POST', `/api/v1/docs/imports?title=${encodeURIComponent(title)}`, content, { 'content-type': XLSX });
    }
    const corners = (rows: number, cols: number, last: string) => [
      { ref: 'A1', value: '左上' },
      { ref: `${last}${rows}`, value: '右下' },
    ];

    it('seed rule 导入失败，请拆分单元格过多的工作表: from the declared dimension, 200,000 × 6 fails naming the sheet and the limit although its rows are allowed; 200,000 × 5 and 1 × 2,000 import; 1 × 2,001 fails', async () => {
      const { member } = await world();
      const owner = await member('导入者');
      const six = await importing(owner.client, await xlsxFixture([{ name: '小表', cells: [{ ref: 'A1', value: 1 }] }, { name: '明细', dimension: 'A1:F200000', cells: corners(200_000, 6, 'F') }]));
      assert.deepEqual([six.status, errorCode(six.body), six.body.error.details.sheet, six.body.error.details.limit], [422, 'docs.sheet_too_large', '明细', 'cells']);
      assert.equal(message(six), '导入失败，请拆分单元格过多的工作表：「明细」超过单元格 100 万的上限（200000 行 × 6 列）');
      const five = await importing(owner.client, await xlsxFixture([{ name: '明细', dimension: 'A1:E200000', cells: corners(200_000, 5, 'E') }]));
      assert.deepEqual([five.status, five.body.cells], [201, 2]);
      const wide = await importing(owner.client, await xlsxFixture([{ name: '宽表', dimension: 'A1:BXX1', fill: { rows: 1, cols: 2_000 } }]));
      assert.deepEqual([wide.status, wide.body.cells], [201, 2_000]);
      const wider = await importing(owner.client, await xlsxFixture([{ name: '更宽', dimension: 'A1:BXY1', fill: { rows: 1, cols: 2_001 } }]));
      assert.deepEqual([wider.status, wider.body.error.details.limit, message(wider)], [422, 'cols', '导入失败，请拆分单元格过多的工作表：「更宽」超过列 2000的上限（1 行 × 2001 列）']);
      const rows = await importing(owner.client, await xlsxFixture([{ name: '长表', dimension: 'A1:A200001', cells: [{ ref: 'A200001', value: 1 }] }]));
      assert.equal(rows.body.error.details.limit, 'rows');
      const files = await owner.client.get<{ items: FileBody[] }>(`/api/v1/docs/spaces/${(await owner.client.get<{ items: { id: string }[] }>('/api/v1/docs/spaces')).body.items[0]!.id}/files`);
      assert.equal(files.body.items.length, 2, 'a refused import leaves no file');
    });

    it('a sheet that declares no dimension is sized by scanning its cell references: 1 × 2,001 fails, 1 × 2,000 imports', async () => {
      const { member } = await world();
      const owner = await member('导入者');
      const wider = await importing(owner.client, await xlsxFixture([{ name: '无尺寸', fill: { rows: 1, cols: 2_001 } }]));
      assert.deepEqual([wider.status, wider.body.error.details.limit], [422, 'cols']);
      assert.equal((await importing(owner.client, await xlsxFixture([{ name: '无尺寸', fill: { rows: 1, cols: 2_000 } }]))).status, 201);
    });

    it('seed rule 将带有批注的文件导入表格，批注会以评论的形式存在: legacy notes and threaded comments become comments on their cells with author and text; the export carries them as notes', async () => {
      const { member } = await world();
      const owner = await member('导入者');
      const content = await xlsxFixture([
        {
          name: '预算',
          dimension: 'A1:C3',
          cells: [
            { ref: 'A1', value: '项目' },
            { ref: 'B2', value: 1200 },
            { ref: 'C3', value: '备注' },
          ],
          notes: [
            { ref: 'B2', author: '王会计', text: '含税' },
            { ref: 'C3', author: 'Excel', text: '[Threaded comment]\n这是 Excel 为旧版本留的副本' },
          ],
          threaded: [
            { ref: 'C3', person: '李经理', text: '请核对' },
            { ref: 'C3', person: '王会计', text: '已核对' },
          ],
        },
      ]);
      const imported = await importing(owner.client, content);
      assert.deepEqual([imported.status, imported.body.sheets, imported.body.cells, imported.body.comments], [201, 1, 3, 3]);
      const fileId = imported.body.id;
      const sheet = (await owner.client.get<{ items: { id: string; name: string; cellCount: number }[] }>(`/api/v1/docs/files/${fileId}/sheets`)).body.items[0]!;
      assert.deepEqual([sheet.name, sheet.cellCount], ['预算', 3]);
      const comments = await owner.client.get<{ threads: { row: number; col: number; authorName: string; authorId: string | null; body: string; replies: { authorName: string; body: string }[] }[] }>(`/api/v1/docs/files/${fileId}/comments`);
      assert.deepEqual(
        comments.body.threads.map((c) => [c.row, c.col, c.authorName, c.authorId, c.body, c.replies.map((r) => `${r.authorName}:${r.body}`)]),
        [
          [1, 1, '王会计', null, '含税', []],
          [2, 2, '李经理', null, '请核对', ['王会计:已核对']],
        ],
      );
      const exported = await owner.client.request('GET', `/api/v1/docs/files/${fileId}/export`);
      assert.equal(exported.status, 200);
      assert.equal(exported.headers['content-type'], XLSX);
      const ExcelJS = await loadExcel();
      const raw = await t.app.inject({ method: 'GET', url: `/api/v1/docs/files/${fileId}/export`, headers: { cookie: [...owner.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
      const again = new ExcelJS.Workbook();
      await again.xlsx.load(raw.rawPayload as never);
      const ws = again.getWorksheet('预算')!;
      assert.deepEqual([ws.getCell('A1').value, ws.getCell('B2').value, ws.getCell('C3').value], ['项目', '1200', '备注']);
      const noteText = (note: unknown) => (typeof note === 'string' ? note : (note as { texts: { text: string }[] }).texts.map((x) => x.text).join(''));
      assert.deepEqual([noteText(ws.getCell('B2').note), noteText(ws.getCell('C3').note)], ['王会计: 含税', '李经理: 请核对\n王会计: 已核对']);
      const reimported = await importing(owner.client, raw.rawPayload, '再导入');
      assert.deepEqual([reimported.status, reimported.body.cells, reimported.body.comments], [201, 3, 2]);
    });

    it('a body that is not an .xlsx is refused as such, with nothing written', async () => {
      const { member } = await world();
      const owner = await member('导入者');
      const res = await importing(owner.client, Buffer.from('not a zip'));
      assert.deepEqual([res.status, errorCode(res.body)], [422, 'docs.bad_workbook']);
    });
  });

  describe('comments', () => {
    it('seed rule 仅浏览也可以评论, unless the admin turns on 禁止仅浏览成员发表动态: then a view-only member is refused (403) and an editor still comments', async () => {
      const { member, corp } = await world();
      const owner = await member('创建人');
      const viewer = await member('只读');
      const file = await newFile(owner.client, 'document');
      await share(owner.client, file.id, [{ kind: 'member', id: viewer.memberId, access: 'view' }]);
      assert.equal((await viewer.client.post(`/api/v1/docs/files/${file.id}/comments`, { body: '我能评论' })).status, 201);
      assert.equal((await owner.client.put('/api/v1/docs/settings', { viewOnlyCommentsBanned: true })).status, 403, 'a member who is no admin cannot turn it on');
      assert.deepEqual((await corp.client.put('/api/v1/docs/settings', { viewOnlyCommentsBanned: true })).body, { viewOnlyCommentsBanned: true });
      const refused = await viewer.client.post(`/api/v1/docs/files/${file.id}/comments`, { body: '现在不行' });
      assert.deepEqual([refused.status, errorCode(refused.body)], [403, 'docs.comments_banned']);
      assert.equal((await viewer.client.get<{ canComment: boolean }>(`/api/v1/docs/files/${file.id}/comments`)).body.canComment, false);
      assert.equal((await owner.client.post(`/api/v1/docs/files/${file.id}/comments`, { body: '编辑者照常' })).status, 201);
      const list = await owner.client.get<{ threads: { body: string }[] }>(`/api/v1/docs/files/${file.id}/comments`);
      assert.deepEqual(list.body.threads.map((c) => c.body), ['我能评论', '编辑者照常']);
    });

    it('threads take replies and are resolved; an @mention reaches the mentioned member’s inbox once', async () => {
      const { member } = await world();
      const owner = await member('创建人');
      const mentioned = await member('被提到的');
      const file = await newFile(owner.client, 'document');
      const thread = await owner.client.post<{ id: string }>(`/api/v1/docs/files/${file.id}/comments`, { body: '请看一下', mentions: [mentioned.memberId] });
      assert.equal(thread.status, 201);
      const reply = await owner.client.post(`/api/v1/docs/files/${file.id}/comments`, { body: '补充', threadId: thread.body.id });
      assert.equal(reply.status, 201);
      assert.equal((await owner.client.put(`/api/v1/docs/files/${file.id}/comments/${thread.body.id}/resolved`, { resolved: true })).status, 204);
      const list = await owner.client.get<{ threads: { body: string; resolvedAt: string | null; replies: { body: string }[] }[] }>(`/api/v1/docs/files/${file.id}/comments`);
      assert.deepEqual(list.body.threads.map((c) => [c.body, c.resolvedAt !== null, c.replies.map((r) => r.body)]), [['请看一下', true, ['补充']]]);
      await t.deps.outbox.drain();
      await t.deps.outbox.drain();
      const inbox = await mentioned.client.get<{ items: { title: string; body: string; link: string }[] }>('/api/v1/inbox');
      assert.deepEqual(inbox.body.items.map((m) => [m.title, m.body, m.link]), [[`${owner.name} 在「${file.title}」中提到了你`, '请看一下', `/app/docs/${file.id}`]]);
      const stranger = await (await world()).member('别家');
      const bad = await owner.client.post(`/api/v1/docs/files/${file.id}/comments`, { body: 'x', mentions: [stranger.memberId] });
      assert.deepEqual([bad.status, errorCode(bad.body)], [422, 'request.unknown_id']);
    });
  });

  describe('revisions', () => {
    async function sheetWith(owner: Client) {
      const file = await newFile(owner, 'sheet');
      const sheetId = (await owner.get<{ items: { id: string }[] }>(`/api/v1/docs/files/${file.id}/sheets`)).body.items[0]!.id;
      return { fileId: file.id, sheetId };
    }
    const cells = (count: number, from = 0, value = (i: number) => `v${i}`) => Array.from({ length: count }, (_, i) => ({ row: from + i, col: 0, value: value(from + i) }));
    const history = (client: Client, fileId: string) => client.get<{ items: { id: string; authorName: string; cellsChanged: number; kind: string; restoredFrom: string | null }[]; pending: { authorName: string; cells: number }[] }>(`/api/v1/docs/files/${fileId}/revisions`);

    it('seed rule 根据个人修改 50 个单元格: 49 changed cells cut nothing, the 50th cuts a revision of 50, the 51st is pending for the next; idle time cuts nothing', async () => {
      const { member } = await world();
      const owner = await member('编辑者');
      const { fileId, sheetId } = await sheetWith(owner.client);
      const url = `/api/v1/docs/files/${fileId}/sheets/${sheetId}/cells`;
      await owner.client.patch(url, { cells: cells(49) });
      let h = await history(owner.client, fileId);
      assert.deepEqual([h.body.items.length, h.body.pending.map((p) => p.cells)], [0, [49]]);
      t.clock.advance(3 * DAY);
      assert.equal((await history(owner.client, fileId)).body.items.length, 0, 'idle time alone cuts nothing');
      // The same cell again is still one changed cell.
      await owner.client.patch(url, { cells: [{ row: 0, col: 0, value: '再改' }] });
      assert.equal((await history(owner.client, fileId)).body.pending[0]!.cells, 49);
      const the50th = await owner.client.patch<{ revisionsCut: number }>(url, { cells: cells(1, 49) });
      assert.equal(the50th.body.revisionsCut, 1);
      h = await history(owner.client, fileId);
      assert.deepEqual([h.body.items.map((r) => [r.authorName, r.cellsChanged, r.kind]), h.body.pending], [[[owner.name, 50, 'edit']], []]);
      await owner.client.patch(url, { cells: cells(1, 50) });
      h = await history(owner.client, fileId);
      assert.deepEqual([h.body.items.length, h.body.pending.map((p) => p.cells)], [1, [1]]);
      const detail = await owner.client.get<{ changes: { row: number; before: string; after: string }[]; cells: { row: number; value: string }[] }>(`/api/v1/docs/files/${fileId}/revisions/${h.body.items[0]!.id}?sheetId=${sheetId}`);
      assert.equal(detail.body.changes.length, 50);
      assert.deepEqual(detail.body.changes[0], { sheetId, row: 0, col: 0, before: '', after: '再改' });
      assert.deepEqual([detail.body.cells.length, detail.body.cells.at(-1)], [50, { sheetId, row: 49, col: 0, value: 'v49' }], 'the sheet as it stood: row 50 came later');
    });

    it('seed rule 其他人参与修改时每个人会生成一个历史记录: when another person starts editing, the pending changes of the first become their revision', async () => {
      const { member } = await world();
      const first = await member('甲');
      const second = await member('乙');
      const { fileId, sheetId } = await sheetWith(first.client);
      await share(first.client, fileId, [{ kind: 'member', id: second.memberId, access: 'edit' }]);
      const url = `/api/v1/docs/files/${fileId}/sheets/${sheetId}/cells`;
      await first.client.patch(url, { cells: cells(10) });
      const res = await second.client.patch<{ revisionsCut: number }>(url, { cells: cells(3, 20) });
      assert.equal(res.body.revisionsCut, 1);
      await first.client.patch(url, { cells: cells(2, 30) });
      const h = await history(first.client, fileId);
      assert.deepEqual(h.body.items.map((r) => [r.authorName.replace(/\d+$/, ''), r.cellsChanged]), [['乙', 3], ['甲', 10]]);
      assert.deepEqual(h.body.pending.map((p) => [p.authorName.replace(/\d+$/, ''), p.cells]), [['甲', 2]]);
    });

    it('seed rule 还原会生成一个独立的修订版本: restoring creates a new revision and deletes none; the cells are as they were', async () => {
      const { member } = await world();
      const owner = await member('编辑者');
      const { fileId, sheetId } = await sheetWith(owner.client);
      const url = `/api/v1/docs/files/${fileId}/sheets/${sheetId}/cells`;
      await owner.client.patch(url, { cells: cells(50) });
      await owner.client.patch(url, { cells: cells(50, 0, (i) => `改${i}`) });
      await owner.client.patch(url, { cells: [{ row: 100, col: 0, value: '待定' }] });
      const before = await history(owner.client, fileId);
      assert.deepEqual(before.body.items.map((r) => r.cellsChanged), [50, 50]);
      const first = before.body.items[1]!;
      const restored = await owner.client.post<{ kind: string; restoredFrom: string; cellsChanged: number }>(`/api/v1/docs/files/${fileId}/revisions/${first.id}/restore`);
      assert.deepEqual([restored.status, restored.body.kind, restored.body.restoredFrom, restored.body.cellsChanged], [201, 'restore', first.id, 51]);
      const after = await history(owner.client, fileId);
      assert.deepEqual(after.body.items.map((r) => [r.kind, r.cellsChanged]), [['restore', 51], ['edit', 1], ['edit', 50], ['edit', 50]]);
      const now = await owner.client.get<{ items: { row: number; value: string }[] }>(`${url}?fromRow=0&toRow=1000`);
      assert.deepEqual([now.body.items.length, now.body.items[0], now.body.items[49]], [50, { row: 0, col: 0, value: 'v0' }, { row: 49, col: 0, value: 'v49' }]);
      const sheets = await owner.client.get<{ items: { cellCount: number }[] }>(`/api/v1/docs/files/${fileId}/sheets`);
      assert.equal(sheets.body.items[0]!.cellCount, 50);
    });
  });
});
