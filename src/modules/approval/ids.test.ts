import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { tablesOf } from '../../../test/support/tables.ts';
import type { ActionNode, Assignee, TemplateInput } from './approval.model.ts';
import { signedIn, simpleTemplate, taskOf, tasks, world, type World } from './testing/index.ts';
import { Org } from './testing/index.ts';

/**
 * Every member, department and tag id in an approval request body is checked against the caller's
 * enterprise: another enterprise's id is refused with 422 `request.unknown_id`, the JSON pointer of
 * the field that holds it, and nothing is written.
 */

const node = (id: string, kind: ActionNode['kind'], assignee: Assignee): ActionNode => ({ id, kind, name: id, assignee });
const members = (memberIds: string[], mode: 'all' | 'any' | 'sequential' = 'all'): Assignee => ({ type: 'members', memberIds, mode });
type Err = { error: { code: string; details: Record<string, unknown> } };

/** Another enterprise with a member, a department and a tag of its own. */
async function elsewhere(t: TestApp): Promise<{ member: string; department: string; tag: string }> {
  const client = await t.register();
  const org = await Org.open(t.deps, client.me.currentCorp!.id, () => t.clock.now());
  const department = await org.department('别家的部门');
  const member = await org.member('别家的成员', department);
  return { member, department, tag: await org.tag('别家的标签', [member]) };
}

function unknown(res: { status: number; body: unknown }, field: string, kind: string, id: string): void {
  const { error } = res.body as Err;
  assert.deepEqual([res.status, error?.code, error?.details], [422, 'request.unknown_id', { in: 'body', field, id }]);
}

async function count(w: World, table: 'approval_templates' | 'approval_instances' | 'approval_tasks' | 'approval_events'): Promise<number> {
  const row = await tablesOf(w.org.db).selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('corp_id', '=', w.corpId).executeTakeFirstOrThrow();
  return Number(row.n);
}

describeEachDialect('approval: ids of another enterprise are refused with the field that holds them', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use(), { signInLimitPerMinute: 1000 });
  });
  after(() => t.close());

  it('templates: assignees, pick ranges, department conditions and exception-rule persons, on create and on update', async () => {
    const w = await world(t);
    const theirs = await elsewhere(t);
    const boss = await w.org.member('老板');
    const dept = await w.org.department('本企业的部门');
    const ok = simpleTemplate([node('a', 'approver', members([boss]))]);
    const cases: [TemplateInput, string, string, string][] = [
      [simpleTemplate([node('a', 'approver', members([boss, theirs.member]))]), '/flow/0/assignee/memberIds/1', 'member', theirs.member],
      [simpleTemplate([node('a', 'approver', members([boss])), node('c', 'cc', members([theirs.member]))]), '/flow/1/assignee/memberIds/0', 'member', theirs.member],
      [simpleTemplate([node('a', 'approver', { type: 'tag', tagId: theirs.tag, mode: 'any' })]), '/flow/0/assignee/tagId', 'tag', theirs.tag],
      [simpleTemplate([node('p', 'approver', { type: 'pick', range: { memberIds: [boss, theirs.member] }, max: 1, mode: 'any' })]), '/flow/0/assignee/range/memberIds/1', 'member', theirs.member],
      [simpleTemplate([node('p', 'approver', { type: 'pick', range: { departmentIds: [dept, theirs.department] }, max: 1, mode: 'any' })]), '/flow/0/assignee/range/departmentIds/1', 'department', theirs.department],
      [simpleTemplate([node('p', 'approver', { type: 'pick', range: { tagIds: [theirs.tag] }, max: 1, mode: 'any' })]), '/flow/0/assignee/range/tagIds/0', 'tag', theirs.tag],
      [
        {
          ...ok,
          flow: [
            {
              id: 'cond',
              kind: 'condition',
              name: '条件',
              branches: [
                { id: 'rd', name: '研发', clauses: [{ type: 'department', departmentIds: [theirs.department] }], nodes: [node('x', 'approver', members([boss]))] },
                { id: 'else', name: '其他', clauses: [], nodes: [] },
              ],
            },
          ],
        },
        '/flow/0/branches/0/clauses/0/departmentIds/0',
        'department',
        theirs.department,
      ],
      [
        { ...ok, flow: [{ id: 'cond', kind: 'condition', name: '条件', branches: [{ id: 'else', name: '其他', clauses: [], nodes: [node('x', 'handler', members([theirs.member]))] }] }] },
        '/flow/0/branches/0/nodes/0/assignee/memberIds/0',
        'member',
        theirs.member,
      ],
      [simpleTemplate([node('a', 'approver', members([boss]))], { approverEmpty: { action: 'transfer', memberId: theirs.member } }), '/settings/approverEmpty/memberId', 'member', theirs.member],
      [simpleTemplate([node('a', 'approver', members([boss]))], { handlerDeparted: { action: 'handover', memberId: theirs.member } }), '/settings/handlerDeparted/memberId', 'member', theirs.member],
    ];
    for (const [body, field, kind, id] of cases) unknown(await w.client.post('/api/v1/approvals/templates', body), field, kind, id);
    assert.equal(await count(w, 'approval_templates'), 0);

    const created = await w.client.post<{ id: string }>('/api/v1/approvals/templates', ok);
    assert.equal(created.status, 201);
    for (const [body, field, kind, id] of cases) unknown(await w.client.put(`/api/v1/approvals/templates/${created.body.id}`, { ...body, expectedVersion: 1 }), field, kind, id);
    const stored = await w.client.get<{ version: number; flow: unknown }>(`/api/v1/approvals/templates/${created.body.id}`);
    assert.deepEqual([stored.body.version, stored.body.flow], [1, ok.flow]);
    // A departed member of this enterprise is not unknown: the template is refused for naming someone who left.
    const gone = await w.org.member('已离职');
    await w.org.setStatus(gone, 'departed');
    const departed = await w.client.post<Err>('/api/v1/approvals/templates', simpleTemplate([node('a', 'approver', members([boss, gone]))]));
    assert.deepEqual([departed.status, departed.body.error.code, departed.body.error.details], [422, 'approval.template_invalid', { reason: 'inactive_member', field: '/flow/0/assignee/memberIds/1', memberId: gone }]);
  });

  it('submissions and previews: submit-for-someone, picks, CC changes, chosen handlers, @-mentions and the form’s member and department fields', async () => {
    const w = await world(t);
    const theirs = await elsewhere(t);
    const applicant = await signedIn(t, w, '申请人');
    const boss = await w.org.member('老板');
    const cashier = await w.org.member('出纳');
    const dept = await w.org.department('本企业的部门');
    const input = simpleTemplate(
      [node('a', 'approver', members([boss])), node('p', 'approver', { type: 'pick', range: null, max: 2, mode: 'any' }), node('h', 'handler', members([cashier])), node('c', 'cc', members([boss]))],
      { allowOnBehalf: true },
      [
        { id: 'who', type: 'member', label: '同行人', required: false },
        { id: 'dept', type: 'department', label: '部门', required: false },
      ],
    );
    const created = await w.client.post<{ id: string }>('/api/v1/approvals/templates', input);
    const body = { templateId: created.body.id, form: {}, picks: { p: [boss] } };
    const cases: [Record<string, unknown>, string, string, string][] = [
      [{ ...body, applicantId: theirs.member }, '/applicantId', 'member', theirs.member],
      [{ ...body, picks: { p: [boss, theirs.member] } }, '/picks/p/1', 'member', theirs.member],
      [{ ...body, ccAdd: [cashier, theirs.member] }, '/ccAdd/1', 'member', theirs.member],
      [{ ...body, ccRemove: [theirs.member] }, '/ccRemove/0', 'member', theirs.member],
      [{ ...body, handlerOverrides: { h: [theirs.member] } }, '/handlerOverrides/h/0', 'member', theirs.member],
      [{ ...body, mentions: [boss, theirs.member] }, '/mentions/1', 'member', theirs.member],
      [{ ...body, form: { who: [boss, theirs.member] } }, '/form/who/1', 'member', theirs.member],
      [{ ...body, form: { dept: [theirs.department] } }, '/form/dept/0', 'department', theirs.department],
    ];
    for (const [payload, field, kind, id] of cases) {
      unknown(await applicant.client.post('/api/v1/approvals/requests', payload), field, kind, id);
      unknown(await applicant.client.post('/api/v1/approvals/preview', payload), field, kind, id);
    }
    assert.deepEqual([await count(w, 'approval_instances'), await count(w, 'approval_tasks'), await count(w, 'approval_events')], [0, 0, 0]);
    const fine = await applicant.client.post('/api/v1/approvals/requests', { ...body, ccAdd: [cashier], mentions: [boss], form: { who: [boss], dept: [dept] } });
    assert.equal(fine.status, 201);
  });

  it('actions and hand-overs: 转交 and 加签 targets, an admin’s hand-over target, and the form of an edit after approval', async () => {
    const w = await world(t);
    const theirs = await elsewhere(t);
    const applicant = await signedIn(t, w, '申请人');
    const boss = await signedIn(t, w, '老板');
    const extra = await w.org.member('临时审批人');
    const input = simpleTemplate([node('a', 'approver', members([boss.id]))], { allowAddApprovers: true, allowEditAfterApproval: true }, [{ id: 'who', type: 'member', label: '同行人', required: true }]);
    const created = await w.client.post<{ id: string }>('/api/v1/approvals/templates', input);
    const req = await applicant.client.post<{ instanceId: string }>('/api/v1/approvals/requests', { templateId: created.body.id, form: { who: [extra] } });
    const task = await taskOf(w, req.body.instanceId, boss.id);
    const actions = `/api/v1/approvals/tasks/${task}/actions`;
    const before = [await tasks(w, req.body.instanceId), await count(w, 'approval_events')];
    unknown(await boss.client.post(actions, { action: 'transfer', toMemberId: theirs.member }), '/toMemberId', 'member', theirs.member);
    unknown(await boss.client.post(actions, { action: 'add_approvers', memberIds: [extra, theirs.member], mode: 'all' }), '/memberIds/1', 'member', theirs.member);
    unknown(await w.client.post(`/api/v1/approvals/tasks/${task}/handover`, { toMemberId: theirs.member }), '/toMemberId', 'member', theirs.member);
    assert.deepEqual([await tasks(w, req.body.instanceId), await count(w, 'approval_events')], before);

    assert.equal((await boss.client.post(actions, { action: 'approve' })).status, 200);
    const edit = `/api/v1/approvals/requests/${req.body.instanceId}/edit`;
    unknown(await applicant.client.post(edit, { form: { who: [theirs.member] } }), '/form/who/0', 'member', theirs.member);
    const detail = await applicant.client.get<{ form: unknown; pendingEdit: unknown }>(`/api/v1/approvals/requests/${req.body.instanceId}`);
    assert.deepEqual([detail.body.form, detail.body.pendingEdit], [{ who: [extra] }, null]);
  });
});
