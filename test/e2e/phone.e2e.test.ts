import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { settings, type TemplateInput } from '../../src/modules/approval/testing/index.ts';
import { DirectoryFixture } from '../../src/modules/directory/testing/index.ts';
import { assertFitsPhone, assertNoSqueezedText, browserSkip, onPhone, registerEnterprise, useConsole } from './browser.ts';

/**
 * Issue 12, phone width: what members use on phones — `/app` (the inbox), the approvals list, the
 * submit page and a request's page — works at 375 px with no horizontal scroll, in both languages;
 * the inbox names who sent each message: a custom app by its name, a built-in one in the reader's language.
 * (The activation, join and reset pages are checked in their own tests.)
 */
describe('member pages at 375 px', { skip: browserSkip, timeout: 180_000 }, () => {
  const ui = useConsole();

  for (const language of ['zh-CN', 'en'] as const) {
    it(`${language}: the inbox, the approvals list, submitting and a request fit 375 px`, async () => {
      const page = await ui.page();
      const login = `phone_${language === 'en' ? 'en' : 'zh'}`;
      const { corpId, memberId, headers } = await registerEnterprise(page, { admin: '王五', loginName: login, corp: `榕树手机科技有限公司${language}`, shortName: '榕树手机' });
      const contacts = await DirectoryFixture.open(ui.db(), corpId, Date.now);
      const applicant = await contacts.member('赵六');
      const input: TemplateInput = {
        name: '用章申请',
        form: [{ id: 'reason', type: 'text', label: '用章事由', required: true }],
        flow: [{ id: 'first', kind: 'approver', name: '初审', assignee: { type: 'members', memberIds: [memberId], mode: 'all' } }],
        settings: settings({ allowOnBehalf: true }),
      };
      const created = await page.request.post('/api/v1/approvals/templates', { headers, data: input });
      assert.equal(created.status(), 201);
      const templateId = ((await created.json()) as { id: string }).id;
      const submitted = await page.request.post('/api/v1/approvals/requests', { headers, data: { templateId, applicantId: applicant, form: { reason: '合同盖章' } } });
      assert.equal(submitted.status(), 201);
      const requestId = ((await submitted.json()) as { instanceId: string }).instanceId;
      await ui.delivered();
      // A custom app's message, beside the approval's notice: the inbox names each sender, not an id.
      const root = ((await (await page.request.get('/api/v1/contacts/departments')).json()) as { items: { id: string; parentId: string | null }[] }).items.find((d) => d.parentId === null)!;
      const app = await page.request.post('/api/v1/apps', { headers, data: { name: '周报助手', description: '', visibleRange: { memberIds: [], departmentIds: [root.id], tagIds: [] } } });
      assert.equal(app.status(), 201);
      const appId = ((await app.json()) as { app: { id: string } }).app.id;
      const sent = await page.request.post(`/api/v1/apps/${appId}/messages`, { headers, data: { recipients: { memberIds: [memberId], departmentIds: [], tagIds: [] }, title: '本周周报已生成', body: '请查看', idempotencyKey: `phone-${language}-0001` } });
      assert.equal(sent.status(), 200, await sent.text());
      await ui.delivered();

      await page.goto('/login');
      await page.evaluate((lng) => localStorage.setItem('banyan.lang', lng), language);
      await onPhone(page);
      const en = language === 'en';
      for (const [path, landmark] of [
        ['/app', en ? 'Messages' : '消息'],
        ['/app/approvals', en ? 'Approvals' : '审批'],
        [`/app/approvals/new/${templateId}`, '用章事由'],
        [`/app/approvals/requests/${requestId}`, '合同盖章'],
      ] as const) {
        await page.goto(path);
        // The inbox title carries its unread badge (消息 1), so landmarks are matched as part of a text.
        await page.getByText(landmark).last().waitFor();
        await assertFitsPhone(page, path);
        if (path === '/app') {
          const senders = page.getByTestId('inbox-item').getByTestId('inbox-sender');
          await senders.nth(1).waitFor();
          assert.deepEqual(await senders.allInnerTexts(), ['周报助手', en ? 'Approvals' : '审批']);
        }
      }
      // The member area's pages are one menu button on a phone; its items lead to the pages.
      await page.goto('/app');
      await page.getByTestId('member-pages').click();
      const menu = page.locator('.ant-dropdown-menu:visible');
      assert.deepEqual(await menu.getByRole('menuitem').allInnerTexts(), en ? ['Approvals', 'Docs', 'Files', 'Clock in', 'Admin console'] : ['审批', '文档', '文件', '打卡', '管理后台']);
      await menu.getByRole('menuitem', { name: en ? 'Files' : '文件' }).click();
      await page.waitForURL('**/app/files');
      await assertFitsPhone(page, '/app/files');
    });
  }
});

/**
 * Issue 12, phone width: admin pages degrade without breaking at 375 px — the side menu folds away,
 * cards stack instead of wrapping one character per line, and tables scroll inside their card while
 * the page itself does not scroll sideways.
 */
describe('admin pages at 375 px', { skip: browserSkip, timeout: 240_000 }, () => {
  const ui = useConsole();

  for (const language of ['zh-CN', 'en'] as const) {
    it(`${language}: 首页, contacts, wallet, orders, customer quota, acquisition with a link, admins and the audit log fit 375 px`, async () => {
      const page = await ui.page();
      const { memberId, headers } = await registerEnterprise(page, { admin: '钱会计', loginName: `phone_admin_${language === 'en' ? 'en' : 'zh'}`, corp: `榕树手机管理有限公司${language}`, shortName: '榕树管理' });
      // 获客助手 with a link, its full address and QR code in the table (it has no member pages under /app).
      const link = await page.request.post('/api/v1/acquisition/links', { headers, data: { name: '官网咨询', memberIds: [memberId] } });
      assert.equal(link.status(), 201, await link.text());

      await page.goto('/login');
      await page.evaluate((lng) => localStorage.setItem('banyan.lang', lng), language);
      await onPhone(page);
      const en = language === 'en';
      for (const [path, heading] of [
        ['/', en ? 'Home' : '首页'],
        ['/contacts', en ? 'Contacts' : '通讯录'],
        ['/wallet', en ? 'Wallet' : '企业充值'],
        ['/wallet/orders', en ? 'Orders' : '企业订单'],
        ['/features/customer-quota', en ? 'Customer quota' : '外部联系人规模'],
        ['/acquisition', en ? 'Acquisition assistant' : '获客助手'],
        ['/admins', en ? 'Admins' : '权限管理'],
        ['/audit', en ? 'Audit log' : '操作日志'],
      ] as const) {
        await page.goto(path);
        await page.getByRole('main').getByRole('heading', { name: heading }).waitFor();
        await page.waitForLoadState('networkidle');
        await assertFitsPhone(page, path);
        await assertNoSqueezedText(page, path);
      }
    });
  }
});
