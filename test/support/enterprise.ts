import { Client, TEST_SCRYPT, type Me, type RegisteredClient, type TestApp } from './app.ts';
import { createSession } from '../../src/platform/auth/sessions.ts';
import { COOKIES } from '../../src/platform/http/auth.ts';
import { createAccount } from '../../src/modules/account/index.ts';
import { DirectoryFixture } from '../../src/modules/directory/testing/index.ts';
import { describeMe, registerCorp } from '../../src/modules/session/index.ts';

/**
 * An enterprise for tests, with accounts, departments and signed-in clients made through the
 * modules' public functions and the directory's fixture (the sign-in routes are rate-limited, and
 * tests need many accounts).
 */
let counter = 0;

export async function signedIn(t: TestApp, accountId: string, corpId: string | null): Promise<RegisteredClient> {
  const session = await createSession(t.deps.db, t.clock.now(), { kind: 'account', id: accountId, corpId });
  const client = new Client(t.app) as RegisteredClient;
  client.cookies.set(COOKIES.session, session.cookie);
  client.cookies.set(COOKIES.csrf, session.csrfToken);
  client.me = (await describeMe(t.deps, accountId, corpId)) as Me;
  return client;
}

export async function newAccount(t: TestApp, name: string) {
  counter++;
  return t.deps.db.transaction().execute((trx) => createAccount(trx, t.clock.now(), TEST_SCRYPT, { name, loginName: `adm${process.pid}x${counter}`, password: 'password123' }));
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
  const corpId = await t.deps.db.transaction().execute((trx) =>
    registerCorp(trx, { now: t.clock.now(), log: t.deps.log, registry: t.deps.registry }, account, { name: `测试企业${counter}`, shortName: `测${counter}`, industry: 'general' }),
  );
  const owner = await signedIn(t, account.id, corpId);
  const contacts = await DirectoryFixture.open(t.deps.db, corpId, () => t.clock.now());
  const root = contacts.root;
  const dept = (parentId: string, name: string) => contacts.department(name, parentId);
  const bareMember = async (name: string, departmentIds: string[] = [root]) => {
    counter++;
    return contacts.member(name, departmentIds, { userid: `u${counter}` });
  };
  const member = async (name: string, departmentIds: string[] = [root]) => {
    const acct = await newAccount(t, name);
    const memberId = await contacts.member(name, departmentIds, { userid: acct.loginName, accountId: acct.id });
    return { client: await signedIn(t, acct.id, corpId), memberId, accountId: acct.id };
  };
  return { owner, corpId, root, dept, member, bareMember };
}
