import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, importForm, type RegisteredClient, type TestApp } from '../../../test/support/app.ts';
import { enterprise as makeEnterprise } from '../../../test/support/enterprise.ts';
import { parseCsv } from '../../platform/csv.ts';
import { tablesOf } from '../../../test/support/tables.ts';

interface ImportStatus {
  id: string;
  status: string;
  done: number;
  total: number | null;
  result: { created: number } | null;
  error: { code: string; message: string; rows: { row: number; field: string; reason: string }[] } | null;
}
const code = (res: { body: unknown }) => (res.body as { error?: { code: string } }).error?.code;
const csv = (lines: string[]) => Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`);

async function xlsx(rows: (string | number | Date)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('成员');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describeEachDialect('通讯录 import and export', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  async function enterprise() {
    const e = await makeEnterprise(t);
    const dept = async (parentId: string, name: string) => (await e.owner.post<{ id: string }>('/api/v1/contacts/departments', { parentId, name })).body.id;
    const corpName = (await tablesOf(t.deps.db).selectFrom('departments').select('name').where('id', '=', e.root).executeTakeFirstOrThrow()).name;
    return { ...e, dept, corpName };
  }

  const upload = (client: RegisteredClient, body: { kind: string; format: string; content: Buffer }) => client.postForm<{ id: string }>('/api/v1/contacts/imports', importForm(body.kind, body.format, body.content));

  async function runImport(client: RegisteredClient, body: { kind: string; format: string; content: Buffer }): Promise<ImportStatus> {
    const res = await upload(client, body);
    assert.equal(res.status, 202, JSON.stringify(res.body));
    await t.deps.jobs.runDue();
    const status = await client.get<ImportStatus>(`/api/v1/contacts/imports/${res.body.id}`);
    assert.equal(status.status, 200);
    return status.body;
  }

  const count = async (corpId: string) => Number((await tablesOf(t.deps.db).selectFrom('members').select((eb) => eb.fn.countAll<number>().as('n')).where('corp_id', '=', corpId).executeTakeFirstOrThrow()).n);

  it('a CSV of members (UTF-8 with BOM, quoted cells, several departments) imports as a job with progress', async () => {
    const e = await enterprise();
    const rd = await e.dept(e.root, '研发中心');
    const pf = await e.dept(rd, '平台部');
    const mk = await e.dept(e.root, '市场部');
    const status = await runImport(e.owner, {
      kind: 'members',
      format: 'csv',
      content: csv([
        '姓名,账号,手机,邮箱,职务,部门,主部门,入职时间',
        `张伟,zhangwei,13800138001,zw@example.com,"工程师, 后端",研发中心/平台部;市场部,市场部,2024-03-01`,
        `李娜,lina,,,,${e.corpName}/研发中心,,`,
      ]),
    });
    assert.deepEqual(status, { id: status.id, status: 'done', done: 4, total: 4, result: { created: 2 }, error: null });
    const rows = await tablesOf(t.deps.db)
      .selectFrom('members')
      .select(['name', 'userid', 'name_initials', 'name_pinyin', 'position', 'main_department_id', 'joined_at', 'status'])
      .where('corp_id', '=', e.corpId)
      .where('userid', 'in', ['zhangwei', 'lina'])
      .orderBy('userid', 'desc')
      .execute();
    assert.deepEqual(rows[0], {
      name: '张伟',
      userid: 'zhangwei',
      name_initials: 'zw',
      name_pinyin: 'zhangwei',
      position: '工程师, 后端',
      main_department_id: mk,
      joined_at: Date.parse('2024-03-01T00:00:00+08:00'),
      status: 'active',
    });
    assert.equal(rows[1]!.main_department_id, rd);
    const links = await tablesOf(t.deps.db).selectFrom('member_departments').innerJoin('members', 'members.id', 'member_departments.member_id').select('department_id').where('members.userid', '=', 'zhangwei').execute();
    assert.deepEqual(links.map((l) => l.department_id).sort(), [pf, mk].sort());
    const search = await e.owner.get<{ items: { name: string }[] }>('/api/v1/contacts/members?q=zw');
    assert.deepEqual(search.body.items.map((m) => m.name), ['张伟']);
  });

  it('a file of 2,500 members is written in batches, all in one go', async () => {
    const e = await enterprise();
    const a = await e.dept(e.root, '批量一');
    const b = await e.dept(e.root, '批量二');
    const lines = ['姓名,账号,手机,部门'];
    for (let i = 0; i < 2500; i++) lines.push(`批量${i},bulk${i},1390000${String(i).padStart(4, '0')},${i % 2 ? '批量一' : '批量一;批量二'}`);
    const before = await count(e.corpId);
    const status = await runImport(e.owner, { kind: 'members', format: 'csv', content: csv(lines) });
    assert.deepEqual([status.status, status.result, status.done, status.total], ['done', { created: 2500 }, 5000, 5000]);
    assert.equal(await count(e.corpId), before + 2500);
    const linksA = await tablesOf(t.deps.db).selectFrom('member_departments').select((eb) => eb.fn.countAll<number>().as('n')).where('department_id', '=', a).executeTakeFirstOrThrow();
    const linksB = await tablesOf(t.deps.db).selectFrom('member_departments').select((eb) => eb.fn.countAll<number>().as('n')).where('department_id', '=', b).executeTakeFirstOrThrow();
    assert.deepEqual([Number(linksA.n), Number(linksB.n)], [2500, 1250]);
  });

  it('the whole file is validated first: every bad row is reported with its row number and reason, and nothing is imported', async () => {
    const e = await enterprise();
    await e.dept(e.root, '研发中心');
    await e.owner.post('/api/v1/contacts/members', { name: '已有', userid: 'taken1', phone: '13900000000', departmentIds: [e.root] });
    const before = await count(e.corpId);
    const status = await runImport(e.owner, {
      kind: 'members',
      format: 'csv',
      content: csv([
        'name,userid,phone,email,departments,joined at',
        '好人,good1,13800000001,,研发中心,',
        ',bad id,12,not-an-email,不存在的部门,昨天',
        '重复,good1,13800000001,,研发中心,',
        '占用,taken1,13900000000,,研发中心,',
        '',
        '没部门,good2,,,,',
      ]),
    });
    assert.equal(status.status, 'failed');
    assert.equal(status.result, null);
    assert.equal(status.error?.code, 'directory.import_invalid');
    assert.deepEqual(status.error?.rows, [
      { row: 3, field: 'name', reason: 'required' },
      { row: 3, field: 'userid', reason: 'format' },
      { row: 3, field: 'phone', reason: 'format' },
      { row: 3, field: 'email', reason: 'format' },
      { row: 3, field: 'departments', reason: 'unknown_department' },
      { row: 3, field: 'joinedAt', reason: 'format' },
      { row: 4, field: 'userid', reason: 'duplicate_in_file' },
      { row: 4, field: 'phone', reason: 'duplicate_in_file' },
      { row: 5, field: 'userid', reason: 'taken' },
      { row: 5, field: 'phone', reason: 'taken' },
      { row: 7, field: 'departments', reason: 'required' },
    ]);
    assert.equal(await count(e.corpId), before);
  });

  it('a file without the required columns, an empty file and an unreadable file are refused with a reason', async () => {
    const e = await enterprise();
    const missing = await runImport(e.owner, { kind: 'members', format: 'csv', content: csv(['姓名,手机', '张三,13800000000']) });
    assert.deepEqual(missing.error?.rows, [
      { row: 1, field: 'userid', reason: 'missing_column' },
      { row: 1, field: 'departments', reason: 'missing_column' },
    ]);
    const empty = await runImport(e.owner, { kind: 'members', format: 'csv', content: csv(['姓名,账号,部门']) });
    assert.deepEqual(empty.error?.rows, [{ row: 1, field: 'file', reason: 'empty_file' }]);
    const garbage = await runImport(e.owner, { kind: 'members', format: 'xlsx', content: Buffer.from('not a zip') });
    assert.deepEqual(garbage.error, { code: 'directory.import_unreadable', message: 'The file cannot be read as .xlsx or .csv.', rows: [] });
  });

  it('an .xlsx file imports departments (a parent may come later in the file), then members', async () => {
    const e = await enterprise();
    const deps = await runImport(e.owner, {
      kind: 'departments',
      format: 'xlsx',
      content: await xlsx([
        ['部门名称', '上级部门'],
        ['前端组', '产品研发/技术部'],
        ['产品研发', ''],
        ['技术部', `${e.corpName}/产品研发`],
      ]),
    });
    assert.equal(deps.status, 'done', JSON.stringify(deps.error));
    const tree = await e.owner.get<{ items: { name: string; depth: number }[] }>('/api/v1/contacts/departments');
    assert.deepEqual(
      tree.body.items.map((d) => [d.name, d.depth]),
      [
        [e.corpName, 0],
        ['产品研发', 1],
        ['技术部', 2],
        ['前端组', 3],
      ],
    );
    const again = await runImport(e.owner, { kind: 'departments', format: 'xlsx', content: await xlsx([['部门名称', '上级部门'], ['产品研发', ''], ['孤儿', '不存在']]) });
    assert.deepEqual(again.error?.rows, [
      { row: 2, field: 'name', reason: 'taken' },
      { row: 3, field: 'parent', reason: 'unknown_parent' },
    ]);
    const members = await runImport(e.owner, {
      kind: 'members',
      format: 'xlsx',
      content: await xlsx([
        ['姓名', '账号', '手机', '部门', '入职时间'],
        ['王芳', 'wangfang', 13700000001, '产品研发/技术部/前端组', new Date('2023-05-06T00:00:00Z')],
      ]),
    });
    assert.equal(members.status, 'done', JSON.stringify(members.error));
    const row = await tablesOf(t.deps.db).selectFrom('members').select(['phone', 'joined_at']).where('corp_id', '=', e.corpId).where('userid', '=', 'wangfang').executeTakeFirstOrThrow();
    assert.deepEqual(row, { phone: '13700000001', joined_at: Date.parse('2023-05-06T00:00:00+08:00') });
  });

  it('export writes what import reads back: CSV with BOM and .xlsx', async () => {
    const e = await enterprise();
    const rd = await e.dept(e.root, '研发中心');
    const pf = await e.dept(rd, '平台部');
    await e.owner.post('/api/v1/contacts/members', { name: '陈静', userid: 'chenjing', phone: '13600000001', email: 'cj@example.com', position: '=SUM(A1)', departmentIds: [pf, e.root], mainDepartmentId: pf, joinedAt: '2022-01-02T00:00:00+08:00' });
    const res = await e.owner.request('GET', '/api/v1/contacts/export?kind=members&format=csv');
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
    const text = res.body as string;
    assert.equal(text.charCodeAt(0), 0xfeff);
    const rows = parseCsv(text);
    assert.deepEqual(rows[0], ['姓名', '账号', '手机', '邮箱', '职务', '部门', '主部门', '入职时间']);
    const chen = rows.find((r) => r[1] === 'chenjing');
    assert.deepEqual(chen, ['陈静', 'chenjing', '13600000001', 'cj@example.com', "'=SUM(A1)", [e.corpName, `${e.corpName}/研发中心/平台部`].sort().join(';'), `${e.corpName}/研发中心/平台部`, '2022-01-02']);

    // Round trip: the departments file, then the members file, into a second enterprise with the same name.
    const deptsCsv = await e.owner.request('GET', '/api/v1/contacts/export?kind=departments&format=csv');
    assert.deepEqual(parseCsv(deptsCsv.body as string).slice(1), [
      ['研发中心', e.corpName],
      ['平台部', `${e.corpName}/研发中心`],
    ]);

    const xl = await t.app.inject({ method: 'GET', url: '/api/v1/contacts/export?kind=members&format=xlsx', headers: { cookie: [...e.owner.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'accept-language': 'en' } });
    assert.equal(xl.statusCode, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xl.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    assert.equal(sheet.name, 'Members');
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), ['name', 'userid', 'phone', 'email', 'position', 'departments', 'main department', 'joined at']);
    assert.equal(sheet.rowCount, 3);
  });

  it('a hierarchical admin imports only into its departments', async () => {
    const e = await enterprise();
    const mine = await e.dept(e.root, '我的部门');
    await e.dept(e.root, '别人的部门');
    const admin = await e.member('分级', [mine]);
    await e.owner.post('/api/v1/admins/hierarchical', { memberId: admin.memberId, rights: { departmentIds: [mine], apps: [], deviceBind: false, deviceIds: [] } });
    const status = await runImport(admin.client, { kind: 'members', format: 'csv', content: csv(['姓名,账号,部门', '甲,jia1,我的部门', '乙,yi1,别人的部门']) });
    assert.deepEqual(status.error?.rows, [{ row: 3, field: 'departments', reason: 'out_of_scope' }]);
    const ok = await runImport(admin.client, { kind: 'members', format: 'csv', content: csv(['姓名,账号,部门', '甲,jia1,我的部门']) });
    assert.equal(ok.status, 'done');
    // Export follows the same scope: only the members the admin sees.
    const exported = parseCsv((await admin.client.request('GET', '/api/v1/contacts/export?kind=members&format=csv')).body as string);
    assert.deepEqual(exported.slice(1).map((r) => r[0]).sort(), ['分级', '甲'].sort());
    const plain = await e.member('普通', [mine]);
    assert.equal(code(await upload(plain.client, { kind: 'members', format: 'csv', content: csv(['姓名,账号,部门']) })), 'forbidden');
  });

  const importCount = async (corpId: string) => Number((await tablesOf(t.deps.db).selectFrom('directory_imports').select((eb) => eb.fn.countAll<number>().as('n')).where('corp_id', '=', corpId).executeTakeFirstOrThrow()).n);

  it('a file over 20 MiB is refused with its own code, before it is read, and nothing is stored', async () => {
    const e = await enterprise();
    const limit = 20 * 1024 * 1024;
    const header = Buffer.from('\ufeff姓名,账号,部门\r\n');
    const atLimit = Buffer.concat([header, Buffer.alloc(limit - header.length, 'a')]);
    const over = Buffer.concat([atLimit, Buffer.from('a')]);
    const refused = await upload(e.owner, { kind: 'members', format: 'csv', content: over });
    assert.equal(refused.status, 413);
    assert.deepEqual(refused.body, {
      error: { code: 'directory.import_too_large', message: 'The file is larger than an import takes (details.limitBytes); split it into several files.', details: { limitBytes: 20_971_520 } },
    });
    assert.equal(await importCount(e.corpId), 0);
    // A body sent without a Content-Length is cut off at the limit as it streams.
    const form = importForm('members', 'csv', over);
    const encoded = new Request('http://banyan.test/', { method: 'POST', body: form });
    const streamed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts/imports',
      headers: { cookie: [...e.owner.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': e.owner.cookies.get('banyan_csrf')!, 'content-type': encoded.headers.get('content-type')!, 'transfer-encoding': 'chunked' },
      payload: Readable.from([Buffer.from(await encoded.arrayBuffer())]),
    });
    assert.equal(streamed.statusCode, 413);
    assert.equal(JSON.parse(streamed.body).error.code, 'directory.import_too_large');
    assert.equal(await importCount(e.corpId), 0);
    // Exactly at the limit the file is taken (as an .xlsx it is refused at once as unreadable).
    const taken = await runImport(e.owner, { kind: 'members', format: 'xlsx', content: atLimit });
    assert.equal(taken.error?.code, 'directory.import_unreadable');
    assert.equal(await importCount(e.corpId), 1);
  });

  it('the upload is multipart/form-data: JSON, a missing file or an unknown kind are refused and nothing is stored', async () => {
    const e = await enterprise();
    const json = await e.owner.post('/api/v1/contacts/imports', { kind: 'members', format: 'csv', contentBase64: 'eA==' });
    assert.equal(json.status, 415);
    assert.deepEqual(json.body, {
      error: { code: 'request.unsupported_media_type', message: 'This route does not take a body of this content type; details.accepted says which it takes.', details: { accepted: ['multipart/form-data'] } },
    });
    const noFile = new FormData();
    noFile.append('kind', 'members');
    noFile.append('format', 'csv');
    const missing = await e.owner.postForm('/api/v1/contacts/imports', noFile);
    assert.equal(missing.status, 400);
    assert.deepEqual((missing.body as { error: { details: unknown } }).error.details, { in: 'body', field: '/file', reason: 'required' });
    const badKind = await upload(e.owner, { kind: 'customers', format: 'csv', content: csv(['姓名,账号,部门']) });
    assert.deepEqual((badKind.body as unknown as { error: { details: unknown } }).error.details, { in: 'body', field: '/kind', reason: 'enum' });
    const broken = await e.owner.request('POST', '/api/v1/contacts/imports', '--x\r\nnot a part', { 'content-type': 'multipart/form-data; boundary=x' });
    assert.equal(broken.status, 400);
    assert.deepEqual(broken.body, { error: { code: 'request.invalid', message: 'The body is not a valid multipart/form-data upload.', details: { in: 'body', field: '/', reason: 'multipart' } } });
    assert.equal(await importCount(e.corpId), 0);
  });
});
