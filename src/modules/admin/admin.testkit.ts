import { Client, TEST_SCRYPT, type Me, type RegisteredClient, type TestApp } from '../../../test/support/app.ts';
import { createAccount } from '../account/account.service.ts';
import { createSession } from '../../platform/auth/sessions.ts';
import { COOKIES } from '../../platform/http/auth.ts';
import { describeMe, registerCorp } from '../corp/corp.service.ts';
import { insertMember, rootDepartmentId } from '../directory/directory.service.ts';

/**
 * Test helpers for the admin module: accounts, enterprises, departments and signed-in clients made
 * straight in the database (the sign-in routes are rate-limited, and tests here need many accounts).
 */
let counter = 0;

export async function signedIn(t: TestApp, accountId: string, corpId: string | null): Promise<RegisteredClient> {
  const session = await createSession(t.deps.db, t.clock.now(), { kind: 'account', id: accountId, corpId });
  const client = new Client(t.app) as RegisteredClient;
  client.cookies.set(COOKIES.session, session.cookie);
  client.cookies.set(COOKIES.csrf, session.csrfToken);
  client.me = (await describeMe(t.deps.db, accountId, corpId)) as Me;
  return client;
}

export async function newAccount(t: TestApp, name: string) {
  counter++;
  return createAccount(t.deps.db, t.clock.now(), TEST_SCRYPT, { name, loginName: `adm${process.pid}x${counter}`, password: 'password123' });
}

export interface Enterprise {
  owner: RegisteredClient;
  corpId: string;
  root: string;
  /** A department under the parent; returns its id. */
  dept(parentId: string, name: string): Promise<string>;
  /** A member with its own account, signed in to this enterprise. */
  member(name: string, departmentIds?: string[]): Promise<{ client: RegisteredClient; memberId: string; accountId: string }>;
  /** A member without an account. */
  bareMember(name: string, departmentIds?: string[]): Promise<string>;
}

export async function enterprise(t: TestApp, ownerName = '创建者'): Promise<Enterprise> {
  const account = await newAccount(t, ownerName);
  const corpId = await t.deps.db.transaction().execute((trx) => registerCorp(trx, t.clock.now(), account, { name: `测试企业${counter}`, shortName: `测${counter}`, industry: 'general' }));
  const owner = await signedIn(t, account.id, corpId);
  const root = await rootDepartmentId(t.deps.db, corpId);
  const paths = new Map<string, string>([[root, `/${root}/`]]);
  let n = 0;
  const dept = async (parentId: string, name: string) => {
    const id = `dept_${corpId.slice(-10)}_${++n}`;
    const path = `${paths.get(parentId)!}${id}/`;
    paths.set(id, path);
    await t.deps.db
      .insertInto('departments')
      .values({ corp_id: corpId, id, parent_id: parentId, name, sort_order: n, path, depth: path.split('/').length - 3, created_at: t.clock.now(), updated_at: t.clock.now() })
      .execute();
    return id;
  };
  const bareMember = async (name: string, departmentIds: string[] = [root]) => {
    counter++;
    return t.deps.db.transaction().execute((trx) => insertMember({ corpId, trx, now: t.clock.now() }, { name, userid: `u${counter}`, departmentIds, mainDepartmentId: departmentIds[0]! }));
  };
  const member = async (name: string, departmentIds: string[] = [root]) => {
    const acct = await newAccount(t, name);
    const memberId = await t.deps.db.transaction().execute((trx) =>
      insertMember({ corpId, trx, now: t.clock.now() }, { name, userid: acct.loginName, accountId: acct.id, departmentIds, mainDepartmentId: departmentIds[0]! }),
    );
    return { client: await signedIn(t, acct.id, corpId), memberId, accountId: acct.id };
  };
  return { owner, corpId, root, dept, member, bareMember };
}
