import type { FastifyBaseLogger } from 'fastify';
import type { Ctx } from '../../platform/context.ts';
import type { Db } from '../../platform/db/schema.ts';
import { newId } from '../../platform/ids.ts';
import { createAccount } from '../account/account.service.ts';
import { insertMember, rootDepartmentId } from '../directory/directory.service.ts';
import { DEFAULT_SETTINGS, type Settings, type TemplateInput } from './approval.model.ts';

/**
 * Builds an organisation for approval tests and the benchmark with direct inserts: departments
 * under the root, members, heads and tags. Not used by the server.
 */
export class Org {
  readonly root: string;
  private counter = 0;

  constructor(
    readonly db: Db,
    readonly corpId: string,
    root: string,
    readonly now: () => number,
    readonly log: FastifyBaseLogger,
  ) {
    this.root = root;
  }

  static async open(db: Db, corpId: string, now: () => number, log: FastifyBaseLogger): Promise<Org> {
    return new Org(db, corpId, await rootDepartmentId(db, corpId), now, log);
  }

  async department(name: string, parentId: string = this.root): Promise<string> {
    const parent = await this.db.selectFrom('departments').select(['path', 'depth']).where('corp_id', '=', this.corpId).where('id', '=', parentId).executeTakeFirstOrThrow();
    const id = newId('dept', this.now());
    await this.db
      .insertInto('departments')
      .values({ corp_id: this.corpId, id, parent_id: parentId, name, sort_order: this.counter++, path: `${parent.path}${id}/`, depth: parent.depth + 1, created_at: this.now(), updated_at: this.now() })
      .execute();
    return id;
  }

  /** A member in a department; with `password` also an account that can sign in as `login`. */
  async member(name: string, departmentId: string = this.root, options: { login?: string; password?: string; scrypt?: { logN: number; r: number; p: number } } = {}): Promise<string> {
    const n = ++this.counter;
    let accountId: string | null = null;
    if (options.login && options.password && options.scrypt) {
      const account = await createAccount(this.db, this.now(), options.scrypt, { name, loginName: options.login, password: options.password });
      accountId = account.id;
    }
    return insertMember({ corpId: this.corpId, trx: this.db, now: this.now() }, { name, userid: `u${n}_${Math.random().toString(36).slice(2, 8)}`, accountId, departmentIds: [departmentId], mainDepartmentId: departmentId });
  }

  async head(departmentId: string, memberId: string): Promise<void> {
    await this.db.insertInto('department_heads').values({ corp_id: this.corpId, department_id: departmentId, member_id: memberId }).execute();
  }

  async tag(name: string, memberIds: string[]): Promise<string> {
    const id = newId('tag', this.now());
    await this.db.insertInto('tags').values({ corp_id: this.corpId, id, name, created_at: this.now(), updated_at: this.now() }).execute();
    if (memberIds.length) await this.db.insertInto('tag_members').values(memberIds.map((m) => ({ corp_id: this.corpId, tag_id: id, member_id: m }))).execute();
    return id;
  }

  async setStatus(memberId: string, status: 'active' | 'disabled' | 'departed'): Promise<void> {
    await this.db.updateTable('members').set({ status }).where('corp_id', '=', this.corpId).where('id', '=', memberId).execute();
  }

  /** Runs `fn` in one transaction as the member, the way a route does. */
  async as<T>(memberId: string, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
    const member = await this.db.selectFrom('members').select(['name', 'account_id']).where('corp_id', '=', this.corpId).where('id', '=', memberId).executeTakeFirstOrThrow();
    return this.db.transaction().execute((trx) => fn({ corpId: this.corpId, actor: { kind: 'member', id: memberId, name: member.name, accountId: member.account_id ?? '' }, trx, now: this.now(), log: this.log }));
  }
}

export function settings(overrides: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, ...overrides };
}

/** A template with one text field and the given flow. */
export function simpleTemplate(flow: TemplateInput['flow'], overrides: Partial<Settings> = {}, form: TemplateInput['form'] = [{ id: 'reason', type: 'text', label: '事由', required: true }]): TemplateInput {
  return { name: '通用审批', form, flow, settings: settings(overrides) };
}
