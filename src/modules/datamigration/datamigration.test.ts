import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type Client, type Me, type TestApp } from '../../../test/support/app.ts';
import { tablesOf } from '../../../test/support/tables.ts';
import { DAY } from '../../platform/clock.ts';
import { certifyUntil } from '../corp/testing/index.ts';
import { codeOf, credit, key, operatorClient, type ErrorBody } from '../wallet/testing/index.ts';
import { haltLapsed } from './datamigration.service.ts';

type Reason = { code: string; params: Record<string, string> };
type Migration = { id: string; status: string; reason: Reason | null; steps: { status: string; actor: string | null; reason: Reason | null }[] };

let scans = 0;
const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`material-${process.pid}-${++scans}`)]);

describeEachDialect('数据迁移 admission (数据迁移服务-企业准入要求)', (use) => {
  let t: TestApp;
  let dataDir: string;
  let operator: Client;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'banyan-dmig-'));
    t = await createTestApp(use(), { dataDir });
    operator = await operatorClient(t);
  });
  after(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** One admin with two certified enterprises: 唐云科技有限公司 (唐云科技, the source, signed in) and the target. */
  async function pair(target: { name?: string; shortName?: string; certified?: boolean } = {}) {
    const client = await t.register({ corpName: '唐云科技有限公司' });
    const sourceId = client.me.currentCorp!.id;
    await client.patch('/api/v1/corp', { shortName: '唐云科技' });
    const created = await client.post<{ me: Me }>('/api/v1/corps', { name: target.name ?? '唐云网络有限公司', shortName: target.shortName ?? '唐云', industry: 'general' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const targetId = created.body.me.currentCorp!.id;
    await client.put('/api/v1/me/current-corp', { corpId: sourceId });
    await certifyUntil(t.deps.db, sourceId, t.clock.now() + 365 * DAY);
    if (target.certified !== false) await certifyUntil(t.deps.db, targetId, t.clock.now() + 365 * DAY);
    return { client, sourceId, targetId };
  }
  async function upload(client: Client): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png())]), '材料.png');
    const res = await client.postForm<{ id: string }>('/api/v1/certification/files', form);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id;
  }
  async function materials(client: Client, keys: string[]): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const k of keys) out[k] = await upload(client);
    return out;
  }
  const apply = (client: Client, targetCorpId: string, relation: string, given: Record<string, string>) => client.post<Migration>('/api/v1/data-migrations', { targetCorpId, relation, materials: given });
  const step = (sourceId: string, id: string, body: { step: string; reason?: string }) => operator.post<Migration>(`/api/v1/operator/corps/${sourceId}/data-migrations/${id}/steps`, body);
  const BASE = ['entrustment_letter', 'business_licence'];

  it('seed rule "参与迁移的企业均需要在认证有效期内": an uncertified target is refused at submission', async () => {
    const { client, targetId } = await pair({ certified: false });
    const res = await apply(client, targetId, 'same_name', await materials(client, BASE));
    assert.equal(res.status, 409);
    assert.deepEqual((res.body as unknown as ErrorBody).error.details, { reason: 'target_not_certified' });
  });

  it('seed rule "视具体关系提供相关资料": each of the six relationships refuses an application missing one of its materials, naming it', async () => {
    const { client, targetId } = await pair();
    const cases: [string, string[], string, string][] = [
      ['brand', [...BASE, 'brand_authorization'], 'agency_authorization', '代理授权书'],
      ['trademark', [...BASE, 'trademark_authorization'], 'trademark_certificate', '商标注册证'],
      ['software', [...BASE, 'software_copyright'], 'name_authorization', '名称使用授权书'],
      ['website', [...BASE, 'name_authorization'], 'icp_screenshot', 'ICP备案截图'],
      ['app', [...BASE, 'name_authorization'], 'app_ownership_screenshot', 'APP Store或应用宝归属信息截图'],
      ['same_name', ['business_licence'], 'entrustment_letter', '数据迁移委托函'],
    ];
    for (const [relation, given, material, name] of cases) {
      const res = await apply(client, targetId, relation, await materials(client, given));
      assert.equal(res.status, 400, relation);
      assert.equal(codeOf(res.body), 'datamigration.material_missing');
      assert.deepEqual(((res.body as unknown as ErrorBody).error.details as { material: string; name: string }), { material, name, oneOf: [material] }, relation);
    }
    const noLicenceDoc = await apply(client, targetId, 'trademark', await materials(client, [...BASE, 'trademark_certificate']));
    assert.deepEqual((noLicenceDoc.body as unknown as ErrorBody).error.details, { material: 'trademark_authorization', name: '商标授权书', oneOf: ['trademark_authorization', 'trademark_licence_filing'] });
    const withFiling = await apply(client, targetId, 'trademark', await materials(client, [...BASE, 'trademark_certificate', 'trademark_licence_filing']));
    assert.equal(withFiling.status, 201, JSON.stringify(withFiling.body));
    assert.equal(withFiling.body.status, 'submitted');
  });

  it('seed rule "对外简称含相同命名字段 (唐云科技 / 唐云)": other short names are refused, except for 同一企业全称, which needs the same full name', async () => {
    const apart = await pair({ shortName: '星河' });
    const res = await apply(apart.client, apart.targetId, 'brand', await materials(apart.client, [...BASE, 'brand_authorization', 'agency_authorization']));
    assert.equal(res.status, 409);
    assert.deepEqual(res.body, { error: { code: 'datamigration.naming_field', message: 'The two short names (对外简称) must share a naming field, e.g. 唐云科技 / 唐云 (参与迁移企业微信对外简称含相同命名字段).', details: { source: '唐云科技', target: '星河' } } });
    const otherName = await apply(apart.client, apart.targetId, 'same_name', await materials(apart.client, BASE));
    assert.equal(codeOf(otherName.body), 'datamigration.not_same_name');
    const same = await pair({ name: '唐云科技有限公司', shortName: '星河' });
    const ok = await apply(same.client, same.targetId, 'same_name', await materials(same.client, BASE));
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
  });

  it('the applicant must be a super admin of the target too; a scan of another enterprise is refused', async () => {
    const { client } = await pair();
    const stranger = await t.register();
    await certifyUntil(t.deps.db, stranger.me.currentCorp!.id, t.clock.now() + 365 * DAY);
    const res = await apply(client, stranger.me.currentCorp!.id, 'same_name', await materials(client, BASE));
    assert.equal(codeOf(res.body), 'datamigration.not_admin_of_target');
    const own = await pair();
    const foreign = await materials(stranger, ['entrustment_letter']);
    const bad = await apply(own.client, own.targetId, 'brand', { ...(await materials(own.client, ['business_licence', 'brand_authorization', 'agency_authorization'])), ...foreign });
    assert.equal(codeOf(bad.body), 'certification.file_unknown');
  });

  it('the operator takes it submitted → approved (paper copies requested) → paper received → migrating → done, each step audited and told to both enterprises', async () => {
    const { client, sourceId, targetId } = await pair();
    const submitted = await apply(client, targetId, 'website', await materials(client, [...BASE, 'icp_screenshot', 'name_authorization']));
    assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
    const queue = await operator.get<{ items: Migration[] }>('/api/v1/operator/data-migrations');
    assert.ok(queue.body.items.some((m) => m.id === submitted.body.id));
    assert.equal(codeOf((await step(sourceId, submitted.body.id, { step: 'start' })).body), 'datamigration.wrong_step');
    for (const s of ['approve', 'paper_received', 'start']) assert.equal((await step(sourceId, submitted.body.id, { step: s })).status, 200, s);
    // The move (move.test.ts) runs as a job; with no customers it is done at once, and then it may finish.
    await t.deps.jobs.runDue();
    assert.equal((await step(sourceId, submitted.body.id, { step: 'finish' })).status, 200, 'finish');
    const list = await client.get<{ items: Migration[] }>('/api/v1/data-migrations');
    const done = list.body.items.find((m) => m.id === submitted.body.id)!;
    assert.deepEqual([done.status, done.steps.map((s) => s.status)], ['done', ['submitted', 'approved', 'paper_received', 'migrating', 'done']]);
    assert.deepEqual(done.steps.map((s) => s.actor), [client.me.account.name, '运营小王', '运营小王', '运营小王', '运营小王']);
    await t.deps.outbox.drain();
    for (const corpId of [sourceId, targetId]) {
      const audits = await tablesOf(t.deps.db).selectFrom('audit_log').select('action').where('corp_id', '=', corpId).where('action', 'like', 'datamigration.%').orderBy('id').execute();
      assert.deepEqual(audits.map((a) => a.action), ['datamigration.submitted', 'datamigration.approved', 'datamigration.paper_received', 'datamigration.migrating', 'datamigration.done'], corpId);
      const inbox = await tablesOf(t.deps.db).selectFrom('inbox_messages').select('title').where('corp_id', '=', corpId).where('link', '=', '/data-migrations').orderBy('id').execute();
      assert.deepEqual(inbox.map((m) => m.title), ['数据迁移申请已提交', '数据迁移申请审核通过，请邮寄盖章纸质版材料', '数据迁移纸质材料已收到', '数据迁移开始', '数据迁移完成'], corpId);
    }
    assert.equal(codeOf((await step(sourceId, submitted.body.id, { step: 'reject', reason: '晚了' })).body), 'datamigration.wrong_step');
  });

  it('rejected with a reason at any step: the operator’s as typed, none as not_approved', async () => {
    const { client, sourceId, targetId } = await pair();
    const app = await apply(client, targetId, 'software', await materials(client, [...BASE, 'software_copyright', 'name_authorization']));
    await step(sourceId, app.body.id, { step: 'approve' });
    const rejected = await step(sourceId, app.body.id, { step: 'reject', reason: ' 纸质材料与扫描件不一致 ' });
    assert.deepEqual([rejected.body.status, rejected.body.reason], ['rejected', { code: 'operator', params: { text: '纸质材料与扫描件不一致' } }]);
    assert.deepEqual(rejected.body.steps.at(-1)?.reason, { code: 'operator', params: { text: '纸质材料与扫描件不一致' } });
    const other = await pair();
    const second = await apply(other.client, other.targetId, 'software', await materials(other.client, [...BASE, 'software_copyright', 'name_authorization']));
    const bare = await step(other.sourceId, second.body.id, { step: 'reject' });
    assert.deepEqual([bare.body.status, bare.body.reason, bare.body.steps.at(-1)?.reason], ['rejected', { code: 'not_approved', params: {} }, { code: 'not_approved', params: {} }]);
  });

  it('either certification lapsing halts the application at the next step, with the reason', async () => {
    const { client, sourceId, targetId } = await pair();
    const app = await apply(client, targetId, 'brand', await materials(client, [...BASE, 'brand_authorization', 'agency_authorization']));
    assert.equal(app.status, 201, JSON.stringify(app.body));
    await step(sourceId, app.body.id, { step: 'approve' });
    await certifyUntil(t.deps.db, sourceId, t.clock.now());
    const halted = await step(sourceId, app.body.id, { step: 'paper_received' });
    assert.equal(halted.status, 200);
    // A code and the enterprise it names, for the console to word; the timeline's step says the same.
    assert.deepEqual([halted.body.status, halted.body.reason], ['halted', { code: 'source_not_certified', params: { corp: '唐云科技有限公司' } }]);
    assert.deepEqual(halted.body.steps.map((s) => [s.status, s.reason]), [
      ['submitted', null],
      ['approved', null],
      ['halted', { code: 'source_not_certified', params: { corp: '唐云科技有限公司' } }],
    ]);
    // Both enterprises hear of it: the notice as written in zh-CN, and its own text for the console to translate.
    await t.deps.outbox.drain();
    for (const corpId of [sourceId, targetId]) {
      const notice = await tablesOf(t.deps.db).selectFrom('inbox_messages').select(['body', 'notice_key', 'notice_params']).where('corp_id', '=', corpId).where('link', '=', '/data-migrations').orderBy('id', 'desc').executeTakeFirstOrThrow();
      assert.deepEqual([notice.body, notice.notice_key, JSON.parse(notice.notice_params ?? 'null')], ['原因：迁出企业「唐云科技有限公司」不在认证有效期内', 'datamigration.halted_source_not_certified', { corp: '唐云科技有限公司' }], corpId);
      const audit = await tablesOf(t.deps.db).selectFrom('audit_log').select('after_json').where('corp_id', '=', corpId).where('action', '=', 'datamigration.halted').executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(audit.after_json!), { status: 'halted', reason: { code: 'source_not_certified', params: { corp: '唐云科技有限公司' } } });
    }
    assert.equal(codeOf((await step(sourceId, app.body.id, { step: 'paper_received' })).body), 'datamigration.wrong_step');
  });

  it('seed rule "参与迁移的企业均需要在认证有效期内" while an application waits: the scheduled pass halts it at the instant the target’s certification ends, not before', async () => {
    const { client, sourceId, targetId } = await pair();
    const app = await apply(client, targetId, 'brand', await materials(client, [...BASE, 'brand_authorization', 'agency_authorization']));
    assert.equal((await step(sourceId, app.body.id, { step: 'approve' })).status, 200);
    const end = t.clock.now() + DAY;
    await certifyUntil(t.deps.db, targetId, end);
    const pass = () => haltLapsed({ ...t.deps, now: t.clock.now() });
    const mine = async () => (await client.get<{ items: Migration[] }>('/api/v1/data-migrations')).body.items.find((m) => m.id === app.body.id)!;
    t.clock.set(end - 1);
    await pass();
    assert.equal((await mine()).status, 'approved');
    t.clock.set(end);
    assert.ok((await pass()) >= 1);
    const halted = await mine();
    assert.deepEqual([halted.status, halted.reason], ['halted', { code: 'target_not_certified', params: { corp: '唐云网络有限公司' } }]);
    assert.deepEqual(halted.steps.at(-1), { status: 'halted', actor: null, reason: { code: 'target_not_certified', params: { corp: '唐云网络有限公司' } }, at: new Date(end).toISOString() });
    // Halted once: the next pass finds nothing more to do with it.
    await pass();
    assert.equal((await mine()).steps.length, 3);
  });

  it('seed rule "不能在迁移期间变更认证主体": a certification for another subject is refused while open; a changed full name halts the application', async () => {
    const { client, sourceId, targetId } = await pair();
    await credit(t, sourceId, 100_000);
    const app = await apply(client, targetId, 'brand', await materials(client, [...BASE, 'brand_authorization', 'agency_authorization']));
    assert.equal(app.status, 201, JSON.stringify(app.body));
    const licence = await upload(client);
    const certify = (subject: string) =>
      client.post('/api/v1/certification/applications', { subjectName: subject, licenceName: subject, creditCode: '91440300MA5DC0XX1A', licenceFileId: licence, contactName: '王小明', contactPhone: '13800138000', quotedFen: 30_000, idempotencyKey: key('c') });
    const changed = await certify('唐云控股有限公司');
    assert.equal(changed.status, 409);
    assert.deepEqual(changed.body, { error: { code: 'datamigration.subject_locked', message: 'The certified subject cannot change while a data migration is open (不能在迁移期间变更认证主体).', details: { migrationId: app.body.id, subjectName: '唐云科技有限公司' } } });
    assert.equal((await certify('唐云科技有限公司')).status, 201);
    await client.patch('/api/v1/corp', { name: '唐云控股有限公司' });
    const halted = await step(sourceId, app.body.id, { step: 'approve' });
    assert.deepEqual([halted.body.status, halted.body.reason], ['halted', { code: 'source_subject_changed', params: {} }]);
  });
  it('seed rule "如需下载数据迁移委托函和名称使用授权书模版": both templates download; the operator replaces one with a PDF or .docx and every enterprise gets it', async () => {
    const { client } = await pair();
    const letter = await client.request('GET', '/api/v1/data-migration-templates/entrustment_letter');
    assert.equal(letter.status, 200);
    assert.equal(letter.headers['content-type'], 'text/plain; charset=utf-8');
    assert.ok(String(letter.body).startsWith('数据迁移委托函\n'));
    assert.ok(String((await client.request('GET', '/api/v1/data-migration-templates/name_authorization')).body).startsWith('名称使用授权书\n'));
    const putTemplate = async (as: Client, kind: string, content: Buffer, name: string) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(content)]), name);
      const encoded = new Request('http://banyan.test/', { method: 'PUT', body: form });
      return as.request<{ kind: string; name: string; size: number }>('PUT', `/api/v1/operator/data-migration-templates/${kind}`, Buffer.from(await encoded.arrayBuffer()), { 'content-type': encoded.headers.get('content-type')! });
    };
    const pdf = Buffer.from('%PDF-1.4 委托函模版');
    const broken = await operator.request('PUT', '/api/v1/operator/data-migration-templates/entrustment_letter', Buffer.from('--x--'), { 'content-type': 'multipart/form-data; boundary=x' });
    assert.equal(broken.status, 400);
    const put = await putTemplate(operator, 'entrustment_letter', pdf, '委托函（2026版）.pdf');
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const uploaded = { kind: 'entrustment_letter', builtIn: false, name: '委托函（2026版）.pdf', mime: 'application/pdf', size: pdf.length, updatedBy: '运营小王', updatedAt: new Date(t.clock.now()).toISOString() };
    assert.deepEqual(put.body, uploaded);
    const other = await t.register();
    const replaced = await other.request('GET', '/api/v1/data-migration-templates/entrustment_letter');
    assert.equal(replaced.headers['content-type'], 'application/pdf');
    assert.equal(String(replaced.body), pdf.toString());
    assert.equal(codeOf((await putTemplate(operator, 'name_authorization', Buffer.from('plain'), 'a.txt')).body), 'datamigration.template_type');
    assert.equal((await putTemplate(client, 'name_authorization', pdf, 'a.pdf')).status, 401);
  });

  it('the operator’s templates: both as enterprises get them now; a newer file replaces the older, its type’s extension added; one over 5 MiB is refused; each replacement audited', async () => {
    const list = () => operator.get<{ items: Record<string, unknown>[] }>('/api/v1/operator/data-migration-templates');
    const before = await list();
    assert.equal(before.status, 200, JSON.stringify(before.body));
    const authorization = { kind: 'name_authorization', builtIn: true, name: '名称使用授权书.txt', mime: 'text/plain; charset=utf-8', size: Buffer.byteLength(String((await (await t.register()).request('GET', '/api/v1/data-migration-templates/name_authorization')).body)), updatedBy: null, updatedAt: null };
    assert.deepEqual(before.body.items[1], authorization);
    const { client } = await pair();
    assert.equal((await client.get('/api/v1/operator/data-migration-templates')).status, 401);
    const putTemplate = async (content: Buffer, name: string) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(content)]), name);
      const encoded = new Request('http://banyan.test/', { method: 'PUT', body: form });
      return operator.request<Record<string, unknown>>('PUT', '/api/v1/operator/data-migration-templates/entrustment_letter', Buffer.from(await encoded.arrayBuffer()), { 'content-type': encoded.headers.get('content-type')! });
    };
    await putTemplate(Buffer.from('%PDF-1.4 第一版'), '委托函.pdf');
    t.clock.advance(60_000);
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('word/document.xml 第二版')]);
    const newer = await putTemplate(docx, '委托函（新）');
    const docxMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const letter = { kind: 'entrustment_letter', builtIn: false, name: '委托函（新）.docx', mime: docxMime, size: docx.length, updatedBy: '运营小王', updatedAt: new Date(t.clock.now()).toISOString() };
    assert.deepEqual(newer.body, letter);
    assert.deepEqual((await list()).body.items, [letter, authorization]);
    const served = await client.request('GET', '/api/v1/data-migration-templates/entrustment_letter');
    assert.deepEqual([served.headers['content-type'], served.headers['content-disposition'], String(served.body)], [docxMime, `attachment; filename="entrustment_letter"; filename*=UTF-8''${encodeURIComponent('委托函（新）.docx')}`, docx.toString()]);
    const operatorCopy = await operator.request('GET', '/api/v1/operator/data-migration-templates/entrustment_letter');
    assert.deepEqual([operatorCopy.status, String(operatorCopy.body)], [200, docx.toString()]);
    const tooLarge = await putTemplate(Buffer.concat([Buffer.from('%PDF-1.4 '), Buffer.alloc(5 * 1024 * 1024)]), '大.pdf');
    assert.deepEqual([tooLarge.status, codeOf(tooLarge.body)], [413, 'datamigration.template_too_large']);
    assert.equal(String((await client.request('GET', '/api/v1/data-migration-templates/entrustment_letter')).body), docx.toString(), 'a refused file changes nothing');
    const audits = await tablesOf(t.deps.db).selectFrom('audit_log').select(['actor_name', 'target_id', 'after_json']).where('action', '=', 'datamigration.template').orderBy('id').execute();
    assert.deepEqual(
      audits.slice(-2).map((a) => [a.actor_name, a.target_id, (JSON.parse(a.after_json!) as { name: string }).name]),
      [
        ['运营小王', 'entrustment_letter', '委托函.pdf'],
        ['运营小王', 'entrustment_letter', '委托函（新）.docx'],
      ],
    );
  });
});
