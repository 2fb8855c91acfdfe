import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { act, settings, submit, tasks, template, withdrawRequest, world, type World } from '../approval/testing/index.ts';
import { WecomClient } from './testing/index.ts';

const T0 = Date.parse('2026-01-05T09:00:00+08:00') / 1000;

describeEachDialect('WeCom-compatible API: approvals (oa/*)', (use) => {
  let t: TestApp;
  let w: World;
  let wx: WecomClient;
  let templateId: string;
  const m: Record<string, string> = {};

  before(async () => {
    t = await createTestApp(use());
    w = await world(t);
    const sales = await w.org.department('销售部');
    const other = await w.org.department('研发部');
    const people: [string, string][] = [['申请人', 'applicant'], ['或签甲', 'any1'], ['或签乙', 'any2'], ['会签甲', 'all1'], ['会签乙', 'all2'], ['抄送人', 'cc1']];
    for (const [name, userid] of people) m[userid] = await w.org.contacts.member(name, [sales], { userid });
    m.outsider = await w.org.contacts.member('研发丙', [other], { userid: 'outsider' });
    templateId = await template(w, {
      name: '请假',
      form: [
        { id: 'reason', type: 'text', label: '事由', required: true },
        { id: 'amount', type: 'money', label: '金额', required: false },
        { id: 'day', type: 'date', label: '日期', required: false },
        { id: 'kind', type: 'select', label: '类型', required: false, options: ['年假', '病假'] },
        { id: 'who', type: 'member', label: '代理人', required: false },
      ],
      flow: [
        { id: 'n1', kind: 'approver', name: '主管', assignee: { type: 'members', memberIds: [m.any1!, m.any2!], mode: 'any' } },
        { id: 'n2', kind: 'approver', name: '总监', assignee: { type: 'members', memberIds: [m.all1!, m.all2!], mode: 'all' } },
        { id: 'n3', kind: 'cc', name: '抄送', assignee: { type: 'members', memberIds: [m.cc1!], mode: 'all' } },
      ],
      settings: settings({ restrictView: true }),
    });
    const app = (await w.client.post<{ secret: string }>('/api/v1/apps', { name: '审批集成', description: '', visibleRange: { memberIds: [], departmentIds: [sales], tagIds: [] } })).body;
    wx = new WecomClient(t.app);
    assert.equal((await wx.signIn(w.corpId, app.secret)).errcode, 0);
  });
  after(() => t.close());

  const pending = async (instanceId: string, memberId: string) => (await tasks(w, instanceId)).find((x) => x.assignee === memberId && x.status === 'pending')!.id;

  it('oa/gettemplatedetail: the form as WeCom controls, selector options keyed by their text', async () => {
    const detail = await wx.post('oa/gettemplatedetail', { template_id: templateId });
    assert.deepEqual(detail.template_names, [{ text: '请假', lang: 'zh_CN' }]);
    const controls = (detail.template_content as { controls: { property: { control: string; id: string; require: number }; config: unknown }[] }).controls;
    assert.deepEqual(controls.map((c) => [c.property.control, c.property.id, c.property.require]), [['Text', 'reason', 1], ['Money', 'amount', 0], ['Date', 'day', 0], ['Selector', 'kind', 0], ['Contact', 'who', 0]]);
    assert.deepEqual(controls[3]!.config, { selector: { type: 'single', options: [{ key: '年假', value: [{ text: '年假', lang: 'zh_CN' }] }, { key: '病假', value: [{ text: '病假', lang: 'zh_CN' }] }] } });
    assert.equal((await wx.post('oa/gettemplatedetail', { template_id: 'tpl_missing' })).errcode, 301025);
  });

  it('oa/applyevent then oa/getapprovaldetail: sp_status 1 → 2, sp_record with approverattr 1 或签 and 2 会签, the form read back', async () => {
    const applied = await wx.post(
      'oa/applyevent',
      {
        creator_userid: 'applicant',
        template_id: templateId,
        use_template_approver: 1,
        apply_data: {
          contents: [
            { control: 'Text', id: 'reason', value: { text: '回老家' } },
            { control: 'Money', id: 'amount', value: { new_money: '12.50' } },
            { control: 'Date', id: 'day', value: { date: { type: 'day', s_timestamp: String(T0 + 86400) } } },
            { control: 'Selector', id: 'kind', value: { selector: { type: 'single', options: [{ key: '年假' }] } } },
            { control: 'Contact', id: 'who', value: { members: [{ userid: 'any2' }] } },
          ],
        },
      },
      { contentType: false },
    );
    assert.equal(applied.errcode, 0);
    const spNo = applied.sp_no as string;
    type Info = { sp_status: number; sp_name: string; applyer: { userid: string }; apply_time: number; sp_record: { sp_status: number; approverattr: number; details: { approver: { userid: string }; speech: string; sp_status: number; sptime: number }[] }[]; notifyer: { userid: string }[]; apply_data: { contents: { control: string; id: string; value: unknown }[] } };
    const read = async () => (await wx.post('oa/getapprovaldetail', { sp_no: spNo })).info as Info;

    let info = await read();
    assert.deepEqual([info.sp_status, info.sp_name, info.applyer.userid, info.apply_time], [1, '请假', 'applicant', T0]);
    assert.deepEqual(info.sp_record, [{ sp_status: 1, approverattr: 1, details: [{ approver: { userid: 'any1' }, speech: '', sp_status: 1, sptime: 0, media_id: [] }, { approver: { userid: 'any2' }, speech: '', sp_status: 1, sptime: 0, media_id: [] }] }]);
    assert.deepEqual(
      info.apply_data.contents.map((c) => c.value),
      [{ text: '回老家' }, { new_money: '12.50' }, { date: { type: 'day', s_timestamp: String(T0 - 9 * 3600 + 86400) } }, { selector: { type: 'single', options: [{ key: '年假', value: [{ text: '年假', lang: 'zh_CN' }] }] } }, { members: [{ userid: 'any2' }] }],
    );

    t.clock.advance(60_000);
    await act(w, m.any1!, await pending(spNo, m.any1!), { action: 'approve', comment: '同意' });
    info = await read();
    assert.deepEqual(info.sp_record[0], { sp_status: 2, approverattr: 1, details: [{ approver: { userid: 'any1' }, speech: '同意', sp_status: 2, sptime: T0 + 60, media_id: [] }] });
    assert.deepEqual(info.sp_record[1]!.approverattr, 2);
    assert.deepEqual(info.sp_record[1]!.sp_status, 1);
    await act(w, m.all1!, await pending(spNo, m.all1!), { action: 'approve' });
    assert.equal((await read()).sp_record[1]!.sp_status, 1, '会签: one of two agreed is still in progress');
    await act(w, m.all2!, await pending(spNo, m.all2!), { action: 'approve' });
    info = await read();
    assert.deepEqual([info.sp_status, info.sp_record[1]!.sp_status, info.sp_record[1]!.details.map((d) => [d.approver.userid, d.sp_status])], [2, 2, [['all1', 2], ['all2', 2]]]);
    assert.deepEqual(info.notifyer, [{ userid: 'cc1' }]);
  });

  it('oa/getapprovalinfo: sp_status 3 and 4, both cursor spellings, both filter spellings; 6, 7 and 10 match nothing, 5 is refused', async () => {
    const base = { template_id: templateId, use_template_approver: 1 };
    const apply = async (reason: string) => (await wx.post('oa/applyevent', { ...base, creator_userid: 'applicant', apply_data: { contents: [{ control: 'Text', id: 'reason', value: { text: reason } }] } })).sp_no as string;
    const rejected = await apply('拒绝我');
    await act(w, m.any1!, await pending(rejected, m.any1!), { action: 'reject', comment: '不行' });
    const withdrawn = await apply('撤回');
    await w.org.as(m.applicant!, (ctx) => withdrawRequest(ctx, m.applicant!, withdrawn));
    const status = async (spNo: string) => ((await wx.post('oa/getapprovaldetail', { sp_no: spNo })).info as { sp_status: number }).sp_status;
    assert.deepEqual([await status(rejected), await status(withdrawn)], [3, 4]);

    const window = { starttime: String(T0 - 3600), endtime: String(T0 + 86400) };
    const all = await wx.post('oa/getapprovalinfo', { ...window, new_cursor: '', size: 100, filters: [] });
    assert.equal((all.sp_no_list as string[]).length, 3);
    assert.equal(all.new_next_cursor, undefined);
    const [first, second, third] = all.sp_no_list as string[];
    assert.deepEqual([second, third], [rejected, withdrawn]);

    // New spelling: new_cursor / new_next_cursor; old (wechatpy): cursor (int) / next_cursor, and `filter`.
    const page1 = await wx.post('oa/getapprovalinfo', { ...window, new_cursor: '', size: 2 });
    assert.deepEqual([page1.sp_no_list, page1.new_next_cursor, page1.next_cursor], [[first, second], '2', 2]);
    const page2 = await wx.post('oa/getapprovalinfo', { ...window, new_cursor: page1.new_next_cursor, size: 2 });
    assert.deepEqual([page2.sp_no_list, page2.new_next_cursor], [[third], undefined]);
    const old = await wx.post('oa/getapprovalinfo', { starttime: T0 - 3600, endtime: T0 + 86400, cursor: 1, size: 1, filter: [{ key: 'creator', value: 'applicant' }] });
    assert.deepEqual([old.sp_no_list, old.next_cursor], [[second], 2]);

    const byStatus = async (value: string | number, spelling: 'filters' | 'filter' = 'filters') => (await wx.post('oa/getapprovalinfo', { ...window, [spelling]: [{ key: 'sp_status', value }] })).sp_no_list;
    assert.deepEqual(await byStatus('2'), [first]);
    assert.deepEqual(await byStatus(3, 'filter'), [rejected]);
    assert.deepEqual(await byStatus('4'), [withdrawn]);
    for (const none of ['6', '7', '10']) assert.deepEqual(await byStatus(none), []);
    assert.equal((await wx.post('oa/getapprovalinfo', { ...window, filters: [{ key: 'sp_status', value: '5' }] })).errcode, 301025);
    assert.deepEqual((await wx.post('oa/getapprovalinfo', { ...window, filters: [{ key: 'template_id', value: 'tpl_other' }] })).sp_no_list, []);
    assert.equal((await wx.post('oa/getapprovalinfo', { starttime: T0, endtime: T0 + 32 * 86400 })).errcode, 301025);
  });

  it('approval refusals: 48002 for the sync secret, 60011 outside the visible range, 60111 unknown creator, 301025 for a bad form or sp_no', async () => {
    const secret = (await w.client.post<{ secret: string }>('/api/v1/wecom/sync-secret')).body.secret;
    const sync = new WecomClient(t.app);
    await sync.signIn(w.corpId, secret);
    const body = (creator: string, contents: unknown[] = [{ control: 'Text', id: 'reason', value: { text: 'x' } }]) => ({ creator_userid: creator, template_id: templateId, use_template_approver: 1, apply_data: { contents } });
    assert.equal((await sync.post('oa/applyevent', body('applicant'))).errcode, 48002);
    assert.equal((await wx.post('oa/applyevent', body('outsider'))).errcode, 60011);
    assert.equal((await wx.post('oa/applyevent', body('ghost'))).errcode, 60111);
    assert.equal((await wx.post('oa/applyevent', body('applicant', []))).errcode, 301025);
    assert.equal((await wx.post('oa/applyevent', body('applicant', [{ control: 'Text', id: 'nope', value: { text: 'x' } }]))).errcode, 301025);
    assert.equal((await wx.post('oa/applyevent', { ...body('applicant'), use_template_approver: 0 })).errcode, 301025);
    assert.equal((await wx.post('oa/getapprovaldetail', { sp_no: 'apr_missing' })).errcode, 301025);
    const theirs = await submit(w, m.outsider!, { templateId, form: { reason: '研发的' } });
    assert.equal((await wx.post('oa/getapprovaldetail', { sp_no: theirs.instanceId })).errcode, 60011);
  });
});
