/**
 * Fixtures for the customer area's tests (category, customers, acquisition, features): an
 * enterprise with its creator signed in, extra members, certification, category and balance.
 */
import type { TestApp, RegisteredClient, Client, Me } from '../../../test/support/app.ts';
import { systemActor } from '../../platform/context.ts';
import { DAY } from '../../platform/clock.ts';
import { insertMember, rootDepartmentId } from '../directory/directory.service.ts';
import { chooseCategory, reviewCategory } from '../category/category.service.ts';
import { post, clearingAccount } from '../wallet/ledger.service.ts';
import { createAccount } from '../account/account.service.ts';
import { TEST_SCRYPT } from '../../../test/support/app.ts';

export interface Corp {
  client: RegisteredClient;
  corpId: string;
  creatorId: string;
}

let seq = 0;

export async function newCorp(t: TestApp, options: { certified?: boolean; category?: 'approved' | 'review' | null; balanceFen?: number; industry?: string } = {}): Promise<Corp> {
  const client = await t.register(options.industry ? { industry: options.industry } : {});
  const corpId = client.me.currentCorp!.id;
  const corp: Corp = { client, corpId, creatorId: client.me.member!.id };
  if (options.certified ?? true) await certify(t, corpId, t.clock.now() + 3 * 365 * DAY);
  const category = options.category === undefined ? 'approved' : options.category;
  if (category) await setCategory(t, corp, category);
  if (options.balanceFen) await topUp(t, corpId, options.balanceFen);
  return corp;
}

export async function certify(t: TestApp, corpId: string, until: number | null): Promise<void> {
  await t.deps.db.updateTable('corps').set({ certified_until: until }).where('id', '=', corpId).execute();
}

/** Chooses 01-02 (软件开发/运营) as the creator, then lets the operator approve it when asked. */
export async function setCategory(t: TestApp, corp: Corp, status: 'approved' | 'review'): Promise<void> {
  const now = t.clock.now();
  await t.deps.db.transaction().execute(async (trx) => {
    const creator = { kind: 'member' as const, id: corp.creatorId, name: corp.client.me.account.name, accountId: corp.client.me.account.id };
    await chooseCategory({ corpId: corp.corpId, actor: creator, trx, now, log: t.deps.log }, '01-02');
    if (status === 'approved') {
      const row = await trx.selectFrom('corp_categories').select('version').where('corp_id', '=', corp.corpId).executeTakeFirstOrThrow();
      await reviewCategory(trx, now, { kind: 'operator', id: 'opr_test', name: 'operator' }, { corpId: corp.corpId, version: row.version, decision: 'approved' });
    }
  });
}

export async function topUp(t: TestApp, corpId: string, fen: number): Promise<void> {
  await t.deps.db.transaction().execute((trx) =>
    post({ corpId, trx, now: t.clock.now(), actor: systemActor }, { type: 'topup', amount: fen, counterAccount: clearingAccount('wechat_pay'), description: 'test top-up' }),
  );
}

export async function balanceOf(t: TestApp, corpId: string): Promise<number> {
  const row = await t.deps.db.selectFrom('wallets').select('balance').where('corp_id', '=', corpId).executeTakeFirst();
  return Number(row?.balance ?? 0);
}

/** A member without an account (cannot sign in). */
export async function addMember(t: TestApp, corpId: string, name = `成员${++seq}`): Promise<string> {
  return t.deps.db.transaction().execute(async (trx) => {
    const ctx = { corpId, trx, now: t.clock.now() };
    const root = await rootDepartmentId(trx, corpId);
    return insertMember(ctx, { name, userid: `u${process.pid}x${++seq}`, departmentIds: [root], mainDepartmentId: root });
  });
}

/** A member with an account, signed in to this enterprise. */
export async function signedInMember(t: TestApp, corpId: string, name = `成员${++seq}`): Promise<{ client: Client; memberId: string }> {
  const loginName = `m${process.pid}x${++seq}`;
  const memberId = await t.deps.db.transaction().execute(async (trx) => {
    const account = await createAccount(trx, t.clock.now(), TEST_SCRYPT, { name, loginName, password: 'password123' });
    const root = await rootDepartmentId(trx, corpId);
    return insertMember({ corpId, trx, now: t.clock.now() }, { name, userid: loginName, accountId: account.id, departmentIds: [root], mainDepartmentId: root });
  });
  const client = t.client();
  const signIn = await client.post<{ me: Me }>('/api/v1/auth/sign-in', { login: loginName, password: 'password123' });
  if (signIn.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(signIn.body)}`);
  const switched = await client.put('/api/v1/me/current-corp', { corpId });
  if (switched.status !== 200) throw new Error(`switch failed: ${JSON.stringify(switched.body)}`);
  return { client, memberId };
}

export function errorCode(body: unknown): string | undefined {
  return (body as { error?: { code?: string } }).error?.code;
}

/**
 * Gives the member `n` customers fast (batched inserts) and moves the served counter by as many,
 * as adds would have; used to stand an enterprise near its quota and by the benchmark.
 */
export async function seedCustomers(db: TestApp['deps']['db'], corpId: string, memberId: string, n: number, now: number, prefix = 'seed'): Promise<void> {
  const { sql } = await import('kysely');
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < n; start += 400) {
      const batch = Array.from({ length: Math.min(400, n - start) }, (_, i) => start + i);
      await trx
        .insertInto('customers')
        .values(batch.map((i) => ({ corp_id: corpId, id: `cus_${prefix}${String(i).padStart(8, '0')}`, external_id: `${prefix}-${i}`, name: `客户${i}`, holders: 1, counted_since: now, created_at: now })))
        .execute();
      await trx
        .insertInto('friendships')
        .values(batch.map((i) => ({ corp_id: corpId, member_id: memberId, customer_id: `cus_${prefix}${String(i).padStart(8, '0')}`, state: 'mutual' as const, one_way_reason: null, source: 'manual' as const, link_id: null, added_at: now })))
        .execute();
    }
    await trx.insertInto('customer_counters').values({ corp_id: corpId, served: 0, updated_at: now }).onConflict((oc) => oc.doNothing()).execute();
    await trx.updateTable('customer_counters').set({ served: sql<number>`served + ${n}` }).where('corp_id', '=', corpId).execute();
  });
}

/** Tests that jump months ahead keep their sign-ins (sessions would otherwise expire on the way). */
export async function keepSessions(t: TestApp): Promise<void> {
  await t.deps.db.updateTable('sessions').set({ expires_at: t.clock.now() + 10 * 365 * DAY }).execute();
}
