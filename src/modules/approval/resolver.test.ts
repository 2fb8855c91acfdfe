import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { previewRequest } from './submission.service.ts';
import type { ActionNode, Assignee, TemplateInput } from './approval.model.ts';
import { expectError, submit, tasks, template, world, type World } from './testing/index.ts';
import { simpleTemplate } from './testing/index.ts';
import { tablesOf } from '../../../test/support/tables.ts';

const node = (id: string, kind: ActionNode['kind'], assignee: Assignee): ActionNode => ({ id, kind, name: id, assignee });

/**
 * A small company: 总部 (root) → 研发部 → 前端组. Heads: 老板 of the root, 研发经理 of 研发部,
 * 组长甲 and 组长乙 of 前端组. 小王 works in 前端组.
 */
async function company(w: World) {
  const rd = await w.org.department('研发部');
  const fe = await w.org.department('前端组', rd);
  const boss = await w.org.member('老板');
  const rdHead = await w.org.member('研发经理', rd);
  const leadA = await w.org.member('组长甲', fe);
  const leadB = await w.org.member('组长乙', fe);
  const wang = await w.org.member('小王', fe);
  await w.org.head(w.org.root, boss);
  await w.org.head(rd, rdHead);
  await w.org.head(fe, leadA);
  await w.org.head(fe, leadB);
  return { rd, fe, boss, rdHead, leadA, leadB, wang };
}

async function preview(w: World, applicant: string, input: TemplateInput, extra: Partial<Parameters<typeof previewRequest>[2]> = {}) {
  const templateId = await template(w, input);
  return w.org.as(applicant, (ctx) => previewRequest(ctx, applicant, { templateId, form: { reason: '出差' }, ...extra }));
}

describeEachDialect('approval resolver: who a node goes to, and why', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  it('seed rule 指定部门负责人 从下至上: level 1 is the own department’s heads, level 2 the parent’s, with the departments walked', async () => {
    const w = await world(t);
    const c = await company(w);
    const path = await preview(w, c.wang, simpleTemplate([node('l1', 'approver', { type: 'head', direction: 'up', level: 1, mode: 'any' }), node('l2', 'approver', { type: 'head', direction: 'up', level: 2, mode: 'all' })]));
    assert.deepEqual(path.steps.map((s) => [s.nodeId, s.mode, s.assigneeIds]), [
      ['l1', 'any', [c.leadA, c.leadB].sort()],
      ['l2', 'all', [c.rdHead]],
    ]);
    const walk = path.steps[0]!.reasons.find((r) => r.code === 'head_walk')!;
    assert.equal(walk.text, "Walked bottom-up from 小王's department: 前端组 → 研发部 → " + (await rootName(w)));
  });

  it('seed rule 指定部门负责人 从上至下: level 1 is the top of the tree, level 2 the next department down', async () => {
    const w = await world(t);
    const c = await company(w);
    const path = await preview(w, c.wang, simpleTemplate([node('t1', 'approver', { type: 'head', direction: 'down', level: 1, mode: 'any' }), node('t2', 'approver', { type: 'head', direction: 'down', level: 2, mode: 'any' })]));
    assert.deepEqual(path.steps.map((s) => s.assigneeIds), [[c.boss], [c.rdHead]]);
  });

  it('seed rule 指定部门负责人: a level beyond the tree is empty, and the 成员为空时 rule (auto-approve) fires', async () => {
    const w = await world(t);
    const c = await company(w);
    const path = await preview(w, c.wang, simpleTemplate([node('far', 'approver', { type: 'head', direction: 'up', level: 4, mode: 'any' })]));
    assert.deepEqual(path.steps[0]!.assigneeIds, []);
    assert.equal(path.steps[0]!.autoApproved, true);
    assert.deepEqual(path.steps[0]!.reasons.map((r) => r.code), ['rule_head', 'head_walk', 'head_level_beyond_tree', 'empty_rule_auto_approve']);
  });

  it('decision: an applicant who heads their department starts counting above it (bottom-up) and is left out of their own heads (top-down)', async () => {
    const w = await world(t);
    const c = await company(w);
    const up = await preview(w, c.leadA, simpleTemplate([node('l1', 'approver', { type: 'head', direction: 'up', level: 1, mode: 'all' })]));
    assert.deepEqual(up.steps[0]!.assigneeIds, [c.rdHead]);
    assert.ok(up.steps[0]!.reasons.some((r) => r.code === 'head_skipped_own_department'));
    const down = await preview(w, c.leadA, simpleTemplate([node('t3', 'approver', { type: 'head', direction: 'down', level: 3, mode: 'all' })]));
    assert.deepEqual(down.steps[0]!.assigneeIds, [c.leadB]);
    assert.ok(down.steps[0]!.reasons.some((r) => r.code === 'filtered_applicant'));
  });

  it('seed rule 指定标签: every member with the tag, 会签 or 或签; disabled and departed holders are never assigned', async () => {
    const w = await world(t);
    const a = await w.org.member('出纳甲');
    const b = await w.org.member('出纳乙');
    const gone = await w.org.member('出纳丙');
    const tag = await w.org.tag('出纳', [a, b, gone]);
    await w.org.setStatus(gone, 'departed');
    const path = await preview(w, w.adminId, simpleTemplate([node('cash', 'handler', { type: 'tag', tagId: tag, mode: 'any' })]));
    assert.deepEqual(path.steps[0]!.assigneeIds, [a, b].sort());
    assert.equal(path.steps[0]!.mode, 'any');
  });

  it('seed rule 指定成员: chosen members keep their order; a disabled one is filtered out with the reason', async () => {
    const w = await world(t);
    const a = await w.org.member('甲');
    const b = await w.org.member('乙');
    const off = await w.org.member('丙');
    const id = await template(w, simpleTemplate([node('seq', 'approver', { type: 'members', memberIds: [b, off, a], mode: 'sequential' })]));
    await w.org.setStatus(off, 'disabled');
    const path = await w.org.as(w.adminId, (ctx) => previewRequest(ctx, w.adminId, { templateId: id, form: { reason: 'x' } }));
    assert.deepEqual(path.steps[0]!.assigneeIds, [b, a]);
    assert.deepEqual(
      path.steps[0]!.reasons.filter((r) => r.code.startsWith('filtered')).map((r) => r.text),
      ['丙 is disabled and was left out'],
    );
  });

  it('seed rule 申请人本人: the node goes to the applicant', async () => {
    const w = await world(t);
    const me = await w.org.member('申请人');
    const path = await preview(w, me, simpleTemplate([node('self', 'handler', { type: 'applicant' })]));
    assert.deepEqual(path.steps[0]!.assigneeIds, [me]);
  });

  it('seed rule 申请人自选: from anyone or a limited range; missing, too many or out-of-range picks are refused', async () => {
    const w = await world(t);
    const fin = await w.org.department('财务部');
    const x = await w.org.member('财务甲', fin);
    const y = await w.org.member('财务乙', fin);
    const outsider = await w.org.member('外人');
    const id = await template(
      w,
      simpleTemplate([
        node('free', 'approver', { type: 'pick', range: null, max: 1, mode: 'any' }),
        node('ranged', 'approver', { type: 'pick', range: { departmentIds: [fin] }, max: 2, mode: 'sequential' }),
      ]),
    );
    const run = (picks: Record<string, string[]>) => w.org.as(w.adminId, (ctx) => previewRequest(ctx, w.adminId, { templateId: id, form: { reason: 'x' }, picks }));
    const ok = await run({ free: [outsider], ranged: [y, x] });
    assert.deepEqual(ok.steps.map((s) => s.assigneeIds), [[outsider], [y, x]]);
    assert.deepEqual(await expectError(run({ free: [outsider] })), { code: 'approval.pick_required', details: { nodeId: 'ranged' } });
    assert.deepEqual(await expectError(run({ free: [outsider, x], ranged: [x] })), { code: 'approval.too_many_picks', details: { nodeId: 'free', max: 1, picked: 2 } });
    assert.deepEqual(await expectError(run({ free: [x], ranged: [x, outsider] })), { code: 'approval.pick_out_of_range', details: { nodeId: 'ranged', memberIds: [outsider] } });
  });

  it('seed rule 关联成员控件: the node goes to whoever the applicant put in the member field', async () => {
    const w = await world(t);
    const buddy = await w.org.member('同行人');
    const input = simpleTemplate([node('f', 'approver', { type: 'field', fieldId: 'who', mode: 'all' })], {}, [{ id: 'who', type: 'member', label: '同行人', required: true }]);
    const id = await template(w, input);
    const path = await w.org.as(w.adminId, (ctx) => previewRequest(ctx, w.adminId, { templateId: id, form: { who: [buddy] } }));
    assert.deepEqual(path.steps[0]!.assigneeIds, [buddy]);
    assert.equal(path.steps[0]!.reasons[0]!.text, 'Whoever the applicant put in the member field 同行人 (会签)');
  });

  it('seed rule 允许代他人提交申请: heads resolve from the applicant, not the submitter; refused when the setting is off', async () => {
    const w = await world(t);
    const c = await company(w);
    const flow = [node('l1', 'approver', { type: 'head', direction: 'up', level: 1, mode: 'any' } as Assignee)];
    const allowed = await template(w, simpleTemplate(flow, { allowOnBehalf: true }));
    const res = await submit(w, c.boss, { templateId: allowed, applicantId: c.wang, form: { reason: '代提交' } });
    const made = await tasks(w, res.instanceId);
    assert.deepEqual(made.map((x) => x.assignee).sort(), [c.leadA, c.leadB].sort());
    const closed = await template(w, simpleTemplate(flow));
    assert.equal((await expectError(submit(w, c.boss, { templateId: closed, applicantId: c.wang, form: { reason: 'x' } }))).code, 'approval.on_behalf_not_allowed');
  });

  it('condition branches: on form values (money over 5000 元) and on the applicant’s department; the first branch that holds is taken', async () => {
    const w = await world(t);
    const c = await company(w);
    const cfo = await w.org.member('财务总监');
    const input: TemplateInput = {
      name: '报销',
      form: [{ id: 'amount', type: 'money', label: '金额', required: true }],
      flow: [
        {
          id: 'cond',
          kind: 'condition',
          name: '条件',
          branches: [
            { id: 'big', name: '大额', clauses: [{ type: 'field', fieldId: 'amount', op: 'gt', value: 500_000 }], nodes: [node('cfo', 'approver', { type: 'members', memberIds: [cfo], mode: 'all' })] },
            { id: 'rd', name: '研发', clauses: [{ type: 'department', departmentIds: [c.rd] }], nodes: [node('rdh', 'approver', { type: 'members', memberIds: [c.rdHead], mode: 'all' })] },
            { id: 'else', name: '其他', clauses: [], nodes: [node('boss', 'approver', { type: 'members', memberIds: [c.boss], mode: 'all' })] },
          ],
        },
      ],
      settings: simpleTemplate([]).settings,
    };
    const id = await template(w, input);
    const run = (who: string, amount: number) => w.org.as(who, (ctx) => previewRequest(ctx, who, { templateId: id, form: { amount } }));
    assert.deepEqual((await run(c.wang, 600_000)).branches.map((b) => b.branchId), ['big']);
    assert.deepEqual((await run(c.wang, 100)).steps.map((s) => s.assigneeIds), [[c.rdHead]]);
    assert.deepEqual((await run(c.boss, 100)).steps.map((s) => s.assigneeIds), [[c.boss]]);
  });

  it('the preview gives the same path and people as the real submission', async () => {
    const w = await world(t);
    const c = await company(w);
    const id = await template(w, simpleTemplate([node('l1', 'approver', { type: 'head', direction: 'up', level: 1, mode: 'all' }), node('h', 'handler', { type: 'members', memberIds: [c.boss], mode: 'any' })]));
    const path = await w.org.as(c.wang, (ctx) => previewRequest(ctx, c.wang, { templateId: id, form: { reason: 'x' } }));
    const res = await submit(w, c.wang, { templateId: id, form: { reason: 'x' } });
    const stored = await tablesOf(w.org.db).selectFrom('approval_instances').select('path_json').where('id', '=', res.instanceId).executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(stored.path_json), path.steps);
  });
});

async function rootName(w: World): Promise<string> {
  const row = await tablesOf(w.org.db).selectFrom('departments').select('name').where('id', '=', w.org.root).executeTakeFirstOrThrow();
  return row.name;
}
