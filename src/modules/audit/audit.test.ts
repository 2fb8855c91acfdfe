import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { enterprise } from '../../../test/support/enterprise.ts';
import { loadExcel } from '../../platform/excel.ts';
import { rights } from '../admin/testing/index.ts';
import { AUDIT_ACTIONS } from './audit.catalog.ts';

interface Row {
  action: string;
  actor: { name: string; role: string };
  target: { type: string; id: string; name: string | null };
}

describeEachDialect('操作日志 (audit log): readable rows', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  it("each row names its target and its actor's role: the creator is 创建者 (creator), not 成员", async () => {
    const e = await enterprise(t, '张三');
    const liSi = await e.member('李四');
    assert.equal((await e.owner.post('/api/v1/admins/hierarchical', { memberId: liSi.memberId, rights: rights({ departmentIds: [e.root] }) })).status, 204);
    const rows = (await e.owner.get<{ items: Row[] }>('/api/v1/audit?action=admin.')).body.items;
    assert.deepEqual(rows.map((row) => ({ action: row.action, actor: { name: row.actor.name, role: row.actor.role }, target: row.target })), [
      { action: 'admin.add_hierarchical_admin', actor: { name: '张三', role: 'creator' }, target: { type: 'member', id: liSi.memberId, name: '李四' } },
    ]);
  });

  it('the filter lists every action with its name and sentence in both languages', async () => {
    const e = await enterprise(t);
    const res = await e.owner.get<{ items: { action: string; label: { zh: string; en: string }; sentence: { zh: string; en: string } }[] }>('/api/v1/audit/actions');
    assert.equal(res.status, 200);
    assert.equal(res.body.items.length, Object.keys(AUDIT_ACTIONS).length);
    assert.deepEqual(
      res.body.items.find((item) => item.action === 'admin.add_hierarchical_admin'),
      { action: 'admin.add_hierarchical_admin', label: { zh: '添加分级管理员', en: 'Added a hierarchical admin' }, sentence: { zh: '{actor} 把 {target} 设为分级管理员', en: '{actor} made {target} a hierarchical admin' } },
    );
    const member = await e.member('王五');
    assert.equal((await member.client.get('/api/v1/audit/actions')).status, 403);
    assert.equal((await member.client.get('/api/v1/audit/export?lang=en')).status, 403);
  });

  it('exports the filtered log to .xlsx with the sentences in the language asked', async () => {
    const e = await enterprise(t, '张三');
    const liSi = await e.member('李四');
    await e.owner.post('/api/v1/admins/hierarchical', { memberId: liSi.memberId, rights: rights({ departmentIds: [e.root] }) });
    const ExcelJS = await loadExcel();
    for (const [lang, header, sentence, role] of [
      ['zh-CN', ['时间', '操作人', '操作人身份', '操作', '结果', 'IP 地址'], '张三 把 李四 设为分级管理员', '创建者'],
      ['en', ['Time', 'Actor', 'Role', 'Action', 'Outcome', 'IP address'], '张三 made 李四 a hierarchical admin', 'Creator'],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/audit/export?lang=${lang}&action=admin.`, headers: { cookie: [...e.owner.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), header);
      assert.equal(sheet.rowCount, 2);
      const cells = (sheet.getRow(2).values as unknown[]).slice(1);
      assert.deepEqual([cells[1], cells[2], cells[3], cells[4]], ['张三', role, sentence, lang === 'en' ? 'Done' : '已执行']);
    }
  });
});

/** Every `action:` a module or the platform writes, with the few built from a value spelled out. */
function writtenActions(): Set<string> {
  const found = new Set<string>();
  const built: Record<string, string[]> = {
    'category.${input.decision}': ['category.approved', 'category.rejected'],
    'datamigration.${status}': ['datamigration.submitted', 'datamigration.approved', 'datamigration.paper_received', 'datamigration.migrating', 'datamigration.done', 'datamigration.rejected', 'datamigration.halted'],
    'customers.${event}': ['customers.added_back', 'customers.deleted_member'],
    'contacts.import.${kind}': ['contacts.import.members', 'contacts.import.departments'],
    "contacts.member.${status === 'active' ? 'enable' : 'disable'}": ['contacts.member.enable', 'contacts.member.disable'],
    'security.${kind}': ['security.ip', 'security.watermark', 'security.screen_capture', 'security.share_external', 'security.device', 'security.leak'],
  };
  const root = join(import.meta.dirname, '..', '..');
  for (const name of readdirSync(root, { recursive: true }) as string[]) {
    if (!name.endsWith('.ts') || name.endsWith('.test.ts') || name.includes('audit.catalog')) continue;
    const source = readFileSync(join(root, name), 'utf8');
    for (const [, template] of source.matchAll(/\baction: `([^`]+)`/g)) {
      assert.ok(built[template!], `${name}: spell out ${template} in this test`);
      for (const action of built[template!]!) found.add(action);
    }
    for (const [, expression] of source.matchAll(/\baction: ([^,}\n]+)/g)) for (const [, literal] of expression!.matchAll(/'([a-z_]+\.[a-z_.]+)'/g)) found.add(literal!);
    for (const [, literal] of source.matchAll(/refused\('([a-z_]+\.[a-z_.]+)'/g)) found.add(literal!);
  }
  return found;
}

it('every audit action the code writes has a name and a sentence in zh-CN and English', () => {
  const written = writtenActions();
  assert.ok(written.size > 80, `${written.size} actions found`);
  assert.deepEqual([...written].filter((action) => !AUDIT_ACTIONS[action]).sort(), []);
  assert.deepEqual(Object.keys(AUDIT_ACTIONS).filter((action) => !written.has(action)).sort(), []);
});
