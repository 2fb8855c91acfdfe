import type { TestApp } from '../../../test/support/app.ts';
import { TEST_SCRYPT } from '../../../test/support/app.ts';
import { Org } from './approval.fixture.ts';
import type { TemplateInput } from './approval.model.ts';
import { createTemplate } from './templates.service.ts';
import { actOnTask, submitRequest, type SubmitInput, type TaskAction } from './engine.service.ts';

/** Shared steps of the approval tests: an enterprise with an admin, and short ways to act. */
export interface World {
  org: Org;
  adminId: string;
  corpId: string;
  client: Awaited<ReturnType<TestApp['register']>>;
}

export async function world(t: TestApp): Promise<World> {
  const client = await t.register();
  const corpId = client.me.currentCorp!.id;
  const org = await Org.open(t.deps.db, corpId, () => t.clock.now(), t.app.log);
  return { org, adminId: client.me.member!.id, corpId, client };
}

export const PASSWORD = 'password123';
export const scrypt = TEST_SCRYPT;

export async function template(w: World, input: TemplateInput): Promise<string> {
  return (await w.org.as(w.adminId, (ctx) => createTemplate(ctx, input))).id;
}

export async function submit(w: World, memberId: string, input: SubmitInput, key?: string) {
  return w.org.as(memberId, (ctx) => submitRequest(ctx, memberId, input, key));
}

export async function act(w: World, memberId: string, taskId: string, action: TaskAction, key?: string) {
  return w.org.as(memberId, (ctx) => actOnTask(ctx, memberId, taskId, action, key));
}

export interface TaskLine {
  id: string;
  step: number;
  kind: string;
  assignee: string;
  status: string;
}

export async function tasks(w: World, instanceId: string): Promise<TaskLine[]> {
  const rows = await w.org.db.selectFrom('approval_tasks').select(['id', 'step', 'kind', 'assignee_id', 'status', 'seq']).where('corp_id', '=', w.corpId).where('instance_id', '=', instanceId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, step: r.step, kind: r.kind, assignee: r.assignee_id, status: r.status }));
}

/** The open task of a member on a request. */
export async function taskOf(w: World, instanceId: string, memberId: string): Promise<string> {
  const found = (await tasks(w, instanceId)).find((x) => x.assignee === memberId && x.status === 'pending');
  if (!found) throw new Error(`no pending task of ${memberId}`);
  return found.id;
}

export async function status(w: World, instanceId: string): Promise<string> {
  const row = await w.org.db.selectFrom('approval_instances').select('status').where('corp_id', '=', w.corpId).where('id', '=', instanceId).executeTakeFirstOrThrow();
  return row.status;
}

export async function inbox(w: World, memberId: string): Promise<string[]> {
  const rows = await w.org.db.selectFrom('inbox_messages').select(['title', 'body']).where('corp_id', '=', w.corpId).where('member_id', '=', memberId).where('app', '=', 'approvals').orderBy('id').execute();
  return rows.map((r) => `${r.title}|${r.body}`);
}

export async function expectError(promise: Promise<unknown>): Promise<{ code: string; details: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: string; details?: Record<string, unknown> };
    if (e.code) return { code: e.code, details: e.details ?? {} };
    throw error;
  }
  throw new Error('expected an error');
}
