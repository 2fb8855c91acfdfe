import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import type { ActionNode, Assignee } from './approval.model.ts';
import { simpleTemplate } from './testing/index.ts';
import { inbox, signedIn, tasks, world } from './testing/index.ts';

const node = (id: string, kind: ActionNode['kind'], assignee: Assignee): ActionNode => ({ id, kind, name: id, assignee });
const members = (memberIds: string[], mode: 'all' | 'any' | 'sequential' = 'all'): Assignee => ({ type: 'members', memberIds, mode });
type Err = { error: { code: string; details: Record<string, unknown> } };

describeEachDialect('approval HTTP API, rights and exactly-once actions', (use) => {
  let t: TestApp;
  before(async () => {
    // Every test signs in several members from the same address: more than the per-minute sign-in limit.
    t = await createTestApp(use(), { signInLimitPerMinute: 1000 });
  });
  after(() => t.close());

  it('only admins with manage on the approvals app create templates; members submit and see the trail with the why of each task', async () => {
    const w = await world(t);
    const applicant = await signedIn(t, w, '申请人');
    const boss = await signedIn(t, w, '老板');
    const body = simpleTemplate([node('a', 'approver', members([boss.id]))]);
    const refused = await applicant.client.post<Err>('/api/v1/approvals/templates', body);
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'forbidden');
    const created = await w.client.post<{ id: string; version: number }>('/api/v1/approvals/templates', body);
    assert.equal(created.status, 201);
    const listed = await applicant.client.get<{ items: { id: string }[] }>('/api/v1/approvals/templates');
    assert.deepEqual(listed.body.items.map((i) => i.id), [created.body.id]);

    const preview = await applicant.client.post<{ steps: { assigneeIds: string[] }[]; names: Record<string, string> }>('/api/v1/approvals/preview', { templateId: created.body.id, form: { reason: '买书' } });
    assert.deepEqual(preview.body.steps.map((s) => s.assigneeIds), [[boss.id]]);
    assert.deepEqual(preview.body.names, { [boss.id]: '老板' });
    const submitted = await applicant.client.post<{ instanceId: string; instanceStatus: string }>('/api/v1/approvals/requests', { templateId: created.body.id, form: { reason: '买书' } });
    assert.equal(submitted.status, 201);
    const todo = await boss.client.get<{ items: { taskId: string; applicantName: string }[] }>('/api/v1/approvals/requests?box=todo');
    assert.equal(todo.body.items[0]!.applicantName, '申请人');
    const acted = await boss.client.post<{ instanceStatus: string }>(`/api/v1/approvals/tasks/${todo.body.items[0]!.taskId}/actions`, { action: 'approve', comment: '好' });
    assert.deepEqual([acted.status, acted.body.instanceStatus], [200, 'approved']);
    const detail = await applicant.client.get<{ status: string; tasks: { assigneeName: string; comment: string; why: { code: string }[] }[]; trail: { action: string; actorName: string | null }[] }>(
      `/api/v1/approvals/requests/${submitted.body.instanceId}`,
    );
    assert.equal(detail.body.status, 'approved');
    assert.deepEqual(detail.body.tasks.map((x) => [x.assigneeName, x.comment, x.why.map((r) => r.code)]), [['老板', '好', ['rule_members']]]);
    assert.deepEqual(detail.body.trail.map((e) => [e.action, e.actorName]), [['submitted', '申请人'], ['approve', '老板'], ['approved', null]]);

    const stale = await w.client.put<Err>(`/api/v1/approvals/templates/${created.body.id}`, { ...body, name: '改名', expectedVersion: 1 });
    assert.equal(stale.status, 200);
    const again = await w.client.put<Err>(`/api/v1/approvals/templates/${created.body.id}`, { ...body, name: '再改', expectedVersion: 1 });
    assert.deepEqual([again.status, again.body.error.code], [409, 'conflict']);
  });

  it('seed rule 关联成员控件 must be a required member field: saving a template linked to an optional field is refused', async () => {
    const w = await world(t);
    const res = await w.client.post<Err>('/api/v1/approvals/templates', simpleTemplate([node('n', 'approver', { type: 'field', fieldId: 'who', mode: 'all' })], {}, [{ id: 'who', type: 'member', label: '同行人', required: false }]));
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.error.details, { reason: 'linked_field_not_required', nodeId: 'n', fieldId: 'who' });
    const other = await w.client.post<Err>('/api/v1/approvals/templates', simpleTemplate([node('n', 'approver', members(['mem_nobody']))]));
    assert.deepEqual([other.status, other.body.error.code, other.body.error.details], [422, 'request.unknown_id', { in: 'body', field: '/flow/0/assignee/memberIds/0', id: 'mem_nobody' }]);
  });

  it('exactly once: two approvers of an 或签 node approving at the same moment move the flow once; the other gets approval.task_closed', async () => {
    const w = await world(t);
    const applicant = await signedIn(t, w, '申请人');
    const a = await signedIn(t, w, '甲');
    const b = await signedIn(t, w, '乙');
    const next = await signedIn(t, w, '下一位');
    const created = await w.client.post<{ id: string }>('/api/v1/approvals/templates', simpleTemplate([node('or', 'approver', members([a.id, b.id], 'any')), node('n2', 'approver', members([next.id]))]));
    for (let round = 0; round < 5; round++) {
      const req = await applicant.client.post<{ instanceId: string }>('/api/v1/approvals/requests', { templateId: created.body.id, form: { reason: `第${round}次` } });
      const open = await tasks(w, req.body.instanceId);
      const results = await Promise.all([a, b].map((who) => who.client.post<Err>(`/api/v1/approvals/tasks/${open.find((x) => x.assignee === who.id)!.id}/actions`, { action: 'approve' })));
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 409]);
      assert.equal(results.find((r) => r.status === 409)!.body.error.code, 'approval.task_closed');
      const after = await tasks(w, req.body.instanceId);
      assert.deepEqual(after.filter((x) => x.assignee === next.id).map((x) => x.status), ['pending']);
      assert.deepEqual(after.filter((x) => x.step === 0).map((x) => x.status).sort(), ['approved', 'cancelled']);
    }
    assert.equal((await inbox(w, next.id)).length, 5);
  });

  it('exactly once: a double click with the same Idempotency-Key gets the same answer; without a key the second is a conflict', async () => {
    const w = await world(t);
    const applicant = await signedIn(t, w, '申请人');
    const a = await signedIn(t, w, '甲');
    const b = await signedIn(t, w, '乙');
    const created = await w.client.post<{ id: string }>('/api/v1/approvals/templates', simpleTemplate([node('s0', 'approver', members([a.id])), node('s1', 'approver', members([b.id]))]));
    const headers = { 'idempotency-key': 'click-1' };
    const submits = await Promise.all([1, 2].map(() => applicant.client.request<{ instanceId: string }>('POST', '/api/v1/approvals/requests', { templateId: created.body.id, form: { reason: 'x' } }, headers)));
    assert.deepEqual(submits.map((r) => r.status), [201, 201]);
    assert.equal(submits[0]!.body.instanceId, submits[1]!.body.instanceId);
    const instanceId = submits[0]!.body.instanceId;
    const task = (await tasks(w, instanceId))[0]!.id;
    const clicks = await Promise.all([1, 2].map(() => a.client.request('POST', `/api/v1/approvals/tasks/${task}/actions`, { action: 'approve' }, { 'idempotency-key': 'approve-1' })));
    assert.deepEqual(clicks.map((r) => r.status), [200, 200]);
    assert.deepEqual(clicks[0]!.body, clicks[1]!.body);
    const reused = await a.client.request<Err>('POST', `/api/v1/approvals/tasks/${task}/actions`, { action: 'reject' }, { 'idempotency-key': 'approve-1' });
    assert.deepEqual([reused.status, reused.body.error.code], [422, 'idempotency.key_reused']);
    assert.deepEqual((await tasks(w, instanceId)).map((x) => [x.assignee, x.status]), [[a.id, 'approved'], [b.id, 'pending']]);
    assert.deepEqual(await inbox(w, b.id), ['待审批|通用审批']);
    const bTask = (await tasks(w, instanceId))[1]!.id;
    const plain = await Promise.all([1, 2].map(() => b.client.post<Err>(`/api/v1/approvals/tasks/${bTask}/actions`, { action: 'approve' })));
    assert.deepEqual(plain.map((r) => r.status).sort(), [200, 409]);
    assert.deepEqual(await inbox(w, applicant.id), ['审批结果|通用审批：已通过']);
  });

  it('exactly once: 会签 approvers approving at once all count, and the next step is created once', async () => {
    const w = await world(t);
    const applicant = await signedIn(t, w, '申请人');
    const signers = [await signedIn(t, w, '甲'), await signedIn(t, w, '乙'), await signedIn(t, w, '丙')];
    const handler = await signedIn(t, w, '出纳');
    const created = await w.client.post<{ id: string }>('/api/v1/approvals/templates', simpleTemplate([node('all', 'approver', members(signers.map((s) => s.id), 'all')), node('h', 'handler', members([handler.id]))]));
    const req = await applicant.client.post<{ instanceId: string }>('/api/v1/approvals/requests', { templateId: created.body.id, form: { reason: 'x' } });
    const open = await tasks(w, req.body.instanceId);
    const results = await Promise.all(signers.map((s) => s.client.post(`/api/v1/approvals/tasks/${open.find((x) => x.assignee === s.id)!.id}/actions`, { action: 'approve' })));
    assert.deepEqual(results.map((r) => r.status), [200, 200, 200]);
    assert.deepEqual((await tasks(w, req.body.instanceId)).filter((x) => x.kind === 'handler').map((x) => x.status), ['pending']);
    assert.deepEqual(await inbox(w, handler.id), ['待办理|通用审批']);
    const refused = await handler.client.post<Err>(`/api/v1/approvals/tasks/${(await tasks(w, req.body.instanceId)).find((x) => x.kind === 'handler')!.id}/actions`, { action: 'reject' });
    assert.deepEqual([refused.status, refused.body.error.code], [409, 'approval.handler_only_handles']);
  });

  it('seed rule 电子签名: the signature is a PNG data URL; any other text is refused with 400, and the detail says the approval was signed', async () => {
    const w = await world(t);
    const applicant = await signedIn(t, w, '申请人');
    const boss = await signedIn(t, w, '老板');
    const created = await w.client.post<{ id: string }>('/api/v1/approvals/templates', simpleTemplate([node('a', 'approver', members([boss.id]))], { requireSignature: true }));
    const req = await applicant.client.post<{ instanceId: string }>('/api/v1/approvals/requests', { templateId: created.body.id, form: { reason: 'x' } });
    const url = `/api/v1/approvals/tasks/${(await tasks(w, req.body.instanceId))[0]!.id}/actions`;
    for (const signature of ['老板', 'data:image/svg+xml;base64,PHN2Zz4=', 'data:image/png;base64,<script>']) {
      const refused = await boss.client.post<Err>(url, { action: 'approve', signature });
      assert.deepEqual([refused.status, refused.body.error.code], [400, 'request.invalid'], signature);
    }
    const signed = await boss.client.post<{ instanceStatus: string }>(url, { action: 'approve', signature: 'data:image/png;base64,iVBORw0KGgo=' });
    assert.deepEqual([signed.status, signed.body.instanceStatus], [200, 'approved']);
    const detail = await applicant.client.get<{ tasks: { signed: boolean }[]; trail: { action: string; details: Record<string, unknown> }[] }>(`/api/v1/approvals/requests/${req.body.instanceId}`);
    assert.deepEqual(detail.body.tasks.map((x) => x.signed), [true]);
    assert.deepEqual(detail.body.trail.find((e) => e.action === 'approve')!.details, { signed: true });
  });

  it('seed rule 通过后允许编辑: only the applicant edits an approved request; the detail shows the proposed form and the consent tasks until the approvers agree', async () => {
    const w = await world(t);
    const applicant = await signedIn(t, w, '申请人');
    const boss = await signedIn(t, w, '老板');
    const created = await w.client.post<{ id: string }>('/api/v1/approvals/templates', simpleTemplate([node('a', 'approver', members([boss.id]))], { allowEditAfterApproval: true }));
    const req = await applicant.client.post<{ instanceId: string }>('/api/v1/approvals/requests', { templateId: created.body.id, form: { reason: '旧事由' } });
    await boss.client.post(`/api/v1/approvals/tasks/${(await tasks(w, req.body.instanceId))[0]!.id}/actions`, { action: 'approve' });
    const url = `/api/v1/approvals/requests/${req.body.instanceId}/edit`;
    const notMine = await boss.client.post<Err>(url, { form: { reason: '老板改' } });
    assert.deepEqual([notMine.status, notMine.body.error.code], [403, 'forbidden']);
    const edited = await applicant.client.post<{ instanceStatus: string }>(url, { form: { reason: '新事由' } });
    assert.deepEqual([edited.status, edited.body.instanceStatus], [200, 'approved']);
    type Detail = { form: Record<string, unknown>; pendingEdit: Record<string, unknown> | null; tasks: { kind: string; assigneeName: string; status: string }[]; trail: { action: string }[] };
    const detail = () => applicant.client.get<Detail>(`/api/v1/approvals/requests/${req.body.instanceId}`).then((r) => r.body);
    const waiting = await detail();
    assert.deepEqual([waiting.form, waiting.pendingEdit], [{ reason: '旧事由' }, { reason: '新事由' }]);
    assert.deepEqual(waiting.tasks.filter((x) => x.kind === 'consent').map((x) => [x.assigneeName, x.status]), [['老板', 'pending']]);
    const consent = (await tasks(w, req.body.instanceId)).find((x) => x.kind === 'consent')!.id;
    assert.equal((await boss.client.post(`/api/v1/approvals/tasks/${consent}/actions`, { action: 'approve' })).status, 200);
    const applied = await detail();
    assert.deepEqual([applied.form, applied.pendingEdit], [{ reason: '新事由' }, null]);
    assert.deepEqual(applied.trail.map((e) => e.action).slice(-3), ['edit_requested', 'approve', 'edit_applied']);
  });

  it('someone else’s task is refused with approval.not_your_task', async () => {
    const w = await world(t);
    const applicant = await signedIn(t, w, '申请人');
    const a = await signedIn(t, w, '甲');
    const created = await w.client.post<{ id: string }>('/api/v1/approvals/templates', simpleTemplate([node('s0', 'approver', members([a.id]))]));
    const req = await applicant.client.post<{ instanceId: string }>('/api/v1/approvals/requests', { templateId: created.body.id, form: { reason: 'x' } });
    const res = await applicant.client.post<Err>(`/api/v1/approvals/tasks/${(await tasks(w, req.body.instanceId))[0]!.id}/actions`, { action: 'approve' });
    assert.deepEqual([res.status, res.body.error.code], [403, 'approval.not_your_task']);
  });

  it('an archived template is hidden from members and refuses new requests; the people list offers active members and tags', async () => {
    const w = await world(t);
    const applicant = await signedIn(t, w, '申请人');
    const gone = await w.org.member('已离职');
    await w.org.setStatus(gone, 'departed');
    await w.org.tag('出纳', [applicant.id]);
    const created = await w.client.post<{ id: string }>('/api/v1/approvals/templates', simpleTemplate([node('a', 'approver', members([w.adminId]))]));
    const archived = await w.client.delete(`/api/v1/approvals/templates/${created.body.id}`);
    assert.equal(archived.status, 204);
    assert.deepEqual((await applicant.client.get<{ items: unknown[] }>('/api/v1/approvals/templates')).body.items, []);
    const res = await applicant.client.post<Err>('/api/v1/approvals/requests', { templateId: created.body.id, form: { reason: 'x' } });
    assert.deepEqual([res.status, res.body.error.code], [409, 'approval.template_archived']);
    const people = await applicant.client.get<{ members: { name: string }[]; tags: { name: string }[] }>('/api/v1/approvals/people');
    assert.deepEqual(people.body.members.map((m) => m.name).sort(), ['申请人', w.client.me.member!.name].sort());
    assert.deepEqual(people.body.tags.map((x) => x.name), ['出纳']);
  });
});
