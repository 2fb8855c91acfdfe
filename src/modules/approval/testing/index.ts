import type { FastifyBaseLogger } from 'fastify';
import type { Client, TestApp } from '../../../../test/support/app.ts';
import { TEST_SCRYPT } from '../../../../test/support/app.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/tables.ts';
import type { Registry } from '../../../platform/module.ts';
import type { Outbox } from '../../../platform/outbox.ts';
import { createAccount } from '../../account/index.ts';
import { DirectoryFixture } from '../../directory/testing/index.ts';
import { inboxOf } from '../../inbox/testing/index.ts';
import { DEFAULT_SETTINGS, type Settings, type TemplateInput } from '../approval.model.ts';
import { actOnTask, withdrawRequest, type TaskAction } from '../actions.service.ts';
import { submitRequest, type SubmitInput } from '../submission.service.ts';
import { createTemplate } from '../templates.service.ts';
import { tables } from '../approval.tables.ts';

/**
 * An organisation for approval tests and the benchmark: the directory's fixture for departments,
 * members, heads and tags, and `as` to run a service as a member, the way a command does.
 */
export class Org {
  private constructor(
    readonly contacts: DirectoryFixture,
    readonly db: Db,
    readonly corpId: string,
    readonly now: () => number,
    readonly log: FastifyBaseLogger,
    readonly registry: Registry,
  ) {}

  static async open(deps: { db: Db; log: FastifyBaseLogger; registry: Registry }, corpId: string, now: () => number): Promise<Org> {
    return new Org(await DirectoryFixture.open(deps.db, corpId, now), deps.db, corpId, now, deps.log, deps.registry);
  }

  get root(): string {
    return this.contacts.root;
  }

  department(name: string, parentId?: string): Promise<string> {
    return this.contacts.department(name, parentId);
  }

  /** A member in a department; with `login` and `password` also an account that can sign in. */
  async member(name: string, departmentId: string = this.root, options: { login?: string; password?: string; scrypt?: { logN: number; r: number; p: number } } = {}): Promise<string> {
    let accountId: string | null = null;
    if (options.login && options.password && options.scrypt) {
      const { login, password, scrypt } = options;
      accountId = (await this.db.transaction().execute((trx) => createAccount(trx, this.now(), scrypt, { name, loginName: login, password }))).id;
    }
    return this.contacts.member(name, [departmentId], { accountId });
  }

  head(departmentId: string, memberId: string): Promise<void> {
    return this.contacts.head(departmentId, memberId);
  }

  tag(name: string, memberIds: string[]): Promise<string> {
    return this.contacts.tag(name, memberIds);
  }

  setStatus(memberId: string, status: 'active' | 'disabled' | 'departed'): Promise<void> {
    return this.contacts.setStatus(memberId, status);
  }

  /** Runs `fn` in one transaction as the member, the way a command does. */
  async as<T>(memberId: string, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
    const member = await this.contacts.memberName(memberId);
    const actor = { kind: 'member' as const, id: memberId, name: member.name, accountId: member.accountId ?? '' };
    return this.db.transaction().execute((trx) => fn({ corpId: this.corpId, actor, trx, now: this.now(), log: this.log, registry: this.registry }));
  }
}

/** The services a benchmark drives directly, as the commands would. */
export { actOnTask, createTemplate, submitRequest, withdrawRequest, type TemplateInput };

export function settings(overrides: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, ...overrides };
}

/** A template with one text field and the given flow. */
export function simpleTemplate(flow: TemplateInput['flow'], overrides: Partial<Settings> = {}, form: TemplateInput['form'] = [{ id: 'reason', type: 'text', label: '事由', required: true }]): TemplateInput {
  return { name: '通用审批', form, flow, settings: settings(overrides) };
}

/** Shared steps of the approval tests: an enterprise with an admin, and short ways to act. */
export interface World {
  org: Org;
  outbox: Outbox;
  adminId: string;
  corpId: string;
  client: Awaited<ReturnType<TestApp['register']>>;
}

export async function world(t: TestApp): Promise<World> {
  const client = await t.register();
  const corpId = client.me.currentCorp!.id;
  const org = await Org.open(t.deps, corpId, () => t.clock.now());
  return { org, outbox: t.deps.outbox, adminId: client.me.member!.id, corpId, client };
}

export const PASSWORD = 'password123';
export const scrypt = TEST_SCRYPT;

let logins = 0;

/** A member who can sign in, and their signed-in client (the session cookie and CSRF header, as the console sends them). */
export async function signedIn(t: TestApp, w: World, name: string, departmentId?: string): Promise<{ id: string; client: Client }> {
  const login = `appr${process.pid}x${++logins}`;
  const id = await w.org.member(name, departmentId ?? w.org.root, { login, password: PASSWORD, scrypt });
  const client = t.client();
  const res = await client.post('/api/v1/auth/sign-in', { login, password: PASSWORD });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id, client };
}

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
  const rows = await tables(w.org.db).selectFrom('approval_tasks').select(['id', 'step', 'kind', 'assignee_id', 'status', 'seq']).where('corp_id', '=', w.corpId).where('instance_id', '=', instanceId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, step: r.step, kind: r.kind, assignee: r.assignee_id, status: r.status }));
}

/** The open task of a member on a request. */
export async function taskOf(w: World, instanceId: string, memberId: string): Promise<string> {
  const found = (await tasks(w, instanceId)).find((x) => x.assignee === memberId && x.status === 'pending');
  if (!found) throw new Error(`no pending task of ${memberId}`);
  return found.id;
}

export async function status(w: World, instanceId: string): Promise<string> {
  const row = await tables(w.org.db).selectFrom('approval_instances').select('status').where('corp_id', '=', w.corpId).where('id', '=', instanceId).executeTakeFirstOrThrow();
  return row.status;
}

/** The member's approval messages, once the outbox has delivered what was announced. */
export async function inbox(w: World, memberId: string): Promise<string[]> {
  await w.outbox.drain();
  return (await inboxOf(w.org.db, w.corpId, memberId, 'approvals')).map((r) => `${r.title}|${r.body}`);
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
