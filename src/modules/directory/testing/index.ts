import type { Db, Tx } from '../../../platform/db/tables.ts';
import { newId } from '../../../platform/ids.ts';
import { insertMember, rootDepartmentId, syncAccountCorp } from '../directory.service.ts';
import type { MemberStatus } from '../directory.tables.ts';
import { tables } from '../directory.tables.ts';

/**
 * Contacts for tests and benchmarks, written straight into the directory's own tables (many at a
 * time, with none of the commands' checks): departments, members, heads, tags and statuses. Opened
 * on a transaction, everything it writes joins that transaction.
 */
export class DirectoryFixture {
  private counter = 0;

  private constructor(
    readonly db: Db,
    readonly corpId: string,
    readonly root: string,
    readonly now: () => number,
  ) {}

  static async open(db: Db, corpId: string, now: () => number): Promise<DirectoryFixture> {
    return new DirectoryFixture(db, corpId, await rootDepartmentId(db, corpId), now);
  }

  async department(name: string, parentId: string = this.root): Promise<string> {
    const directory = tables(this.db);
    const parent = await directory.selectFrom('departments').select(['path', 'depth']).where('corp_id', '=', this.corpId).where('id', '=', parentId).executeTakeFirstOrThrow();
    const id = newId('dept', this.now());
    await directory
      .insertInto('departments')
      .values({ corp_id: this.corpId, id, parent_id: parentId, name, sort_order: this.counter++, path: `${parent.path}${id}/`, depth: parent.depth + 1, created_at: this.now(), updated_at: this.now() })
      .execute();
    return id;
  }

  /** A member in the departments; `accountId` links an account that can sign in. */
  async member(name: string, departmentIds: string[] = [this.root], options: { userid?: string; accountId?: string | null } = {}): Promise<string> {
    const n = ++this.counter;
    const userid = options.userid ?? `u${n}_${Math.random().toString(36).slice(2, 8)}`;
    const insert = (trx: Tx) => insertMember({ corpId: this.corpId, trx, now: this.now() }, { name, userid, accountId: options.accountId ?? null, departmentIds, mainDepartmentId: departmentIds[0]! });
    // Opened on a transaction (a benchmark writing thousands at once), the member joins it.
    return this.db.isTransaction ? insert(this.db as Tx) : this.db.transaction().execute(insert);
  }

  async head(departmentId: string, memberId: string): Promise<void> {
    await tables(this.db).insertInto('department_heads').values({ corp_id: this.corpId, department_id: departmentId, member_id: memberId }).execute();
  }

  async tag(name: string, memberIds: string[], departmentIds: string[] = []): Promise<string> {
    const directory = tables(this.db);
    const id = newId('tag', this.now());
    await directory.insertInto('tags').values({ corp_id: this.corpId, id, name, created_at: this.now(), updated_at: this.now() }).execute();
    if (memberIds.length) await directory.insertInto('tag_members').values(memberIds.map((m) => ({ corp_id: this.corpId, tag_id: id, member_id: m }))).execute();
    if (departmentIds.length) await directory.insertInto('tag_departments').values(departmentIds.map((d) => ({ corp_id: this.corpId, tag_id: id, department_id: d }))).execute();
    return id;
  }

  /** Sets a status without the commands' side effects (a test standing at an odd state). */
  async setStatus(memberId: string, status: MemberStatus): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await tables(trx).updateTable('members').set({ status }).where('corp_id', '=', this.corpId).where('id', '=', memberId).execute();
      await syncAccountCorp({ corpId: this.corpId, trx, now: 0 }, memberId);
    });
  }

  async memberName(memberId: string): Promise<{ name: string; accountId: string | null }> {
    const row = await tables(this.db).selectFrom('members').select(['name', 'account_id']).where('corp_id', '=', this.corpId).where('id', '=', memberId).executeTakeFirstOrThrow();
    return { name: row.name, accountId: row.account_id };
  }
}

/** A member leaving through the directory's own service (with its events), for other modules' tests. */
export { departMember } from '../members.service.ts';

/** The member list as the contacts page reads it, for the benchmark of an imported enterprise. */
export { listMembers } from '../members.service.ts';
