/**
 * Fixtures for the customer area's tests (category, customers, acquisition, features): an
 * enterprise with its creator signed in, extra members, certification, category and balance.
 */
import { sql } from 'kysely';
import type { TestApp, RegisteredClient, Client, Me } from '../../../../test/support/app.ts';
import { TEST_SCRYPT } from '../../../../test/support/app.ts';
import { DAY } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/tables.ts';
import { createAccount } from '../../account/index.ts';
import { setCategory as chooseAndReview } from '../../category/testing/index.ts';
import { certifyUntil } from '../../corp/testing/index.ts';
import { DirectoryFixture } from '../../directory/testing/index.ts';
import { credit } from '../../wallet/testing/index.ts';
import { getWallet } from '../../wallet/index.ts';
import { tables } from '../customers.tables.ts';
import { addFriendship, ensureCustomer } from '../customers.service.ts';

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

let purchases = 0;

/** An enterprise (certified, ¥1,000 in its wallet) that bought 安全管理 for `seats` seats at the quoted price, and when the purchase ends. */
export async function securityBought(t: TestApp, seats = 1): Promise<{ corp: Corp; activeUntil: number }> {
  const corp = await newCorp(t, { balanceFen: 100_000 });
  const quote = await corp.client.get<{ priceFen: number }>(`/api/v1/features/security/quote?seats=${seats}`);
  const res = await corp.client.post('/api/v1/features/security/purchases', { seats, quotedFen: quote.body.priceFen, idempotencyKey: `security-${++purchases}-${process.pid}` });
  if (res.status !== 201) throw new Error(`buying 安全管理: ${res.status} ${JSON.stringify(res.body)}`);
  const plan = await corp.client.get<{ activeUntil: string }>('/api/v1/features/security');
  return { corp, activeUntil: Date.parse(plan.body.activeUntil) };
}

export async function certify(t: TestApp, corpId: string, until: number | null): Promise<void> {
  await certifyUntil(t.deps.db, corpId, until);
}

/** 01-02 (软件开发/运营) chosen, then approved by the operator when asked. */
export async function setCategory(t: TestApp, corp: Corp, status: 'approved' | 'review'): Promise<void> {
  await chooseAndReview(t.deps.db, corp.corpId, status, t.clock.now());
}

export async function topUp(t: TestApp, corpId: string, fen: number): Promise<void> {
  await credit(t, corpId, fen);
}

export async function balanceOf(t: TestApp, corpId: string): Promise<number> {
  return (await getWallet(t.deps.db, corpId)).balanceFen;
}

/** A member without an account (cannot sign in). */
export async function addMember(t: TestApp, corpId: string, name = `成员${++seq}`): Promise<string> {
  const contacts = await DirectoryFixture.open(t.deps.db, corpId, () => t.clock.now());
  return contacts.member(name, undefined, { userid: `u${process.pid}x${++seq}` });
}

/** A member with an account (in the root department unless others are named), signed in to this enterprise. */
export async function signedInMember(t: TestApp, corpId: string, name = `成员${++seq}`, departmentIds?: string[]): Promise<{ client: Client; memberId: string }> {
  const loginName = `m${process.pid}x${++seq}`;
  const account = await t.deps.db.transaction().execute((trx) => createAccount(trx, t.clock.now(), TEST_SCRYPT, { name, loginName, password: 'password123' }));
  const contacts = await DirectoryFixture.open(t.deps.db, corpId, () => t.clock.now());
  const memberId = await contacts.member(name, departmentIds, { userid: loginName, accountId: account.id });
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
export async function seedCustomers(db: Db, corpId: string, memberId: string, n: number, now: number, prefix = 'seed'): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const customers = tables(trx);
    for (let start = 0; start < n; start += 400) {
      const batch = Array.from({ length: Math.min(400, n - start) }, (_, i) => start + i);
      await customers
        .insertInto('customers')
        .values(batch.map((i) => ({ corp_id: corpId, id: `cus_${prefix}${String(i).padStart(8, '0')}`, external_id: `${prefix}-${i}`, name: `客户${i}`, holders: 1, counted_since: now, created_at: now })))
        .execute();
      await customers
        .insertInto('friendships')
        .values(batch.map((i) => ({ corp_id: corpId, member_id: memberId, customer_id: `cus_${prefix}${String(i).padStart(8, '0')}`, state: 'mutual' as const, one_way_reason: null, source: 'manual' as const, link_id: null, added_at: now })))
        .execute();
    }
    await customers.insertInto('customer_counters').values({ corp_id: corpId, served: 0, updated_at: now }).onConflict((oc) => oc.doNothing()).execute();
    await customers.updateTable('customer_counters').set({ served: sql<number>`served + ${n}` }).where('corp_id', '=', corpId).execute();
  });
}

/** The 已服务 counter and its recount, for tests that check the two agree. */
export { recountServed, servedCount } from '../quota.service.ts';

/** A 客户数上限 tier granted as a paid order would grant it, for benchmarks that need room. */
export { grantTier, quoteTier } from '../quota.service.ts';

/** The overview the console's customer page reads, for the benchmark at a million customers. */
export { customerOverview } from '../customers.service.ts';

/** The member adds the customer of this external id (made when new), as an add through the API would; not added back makes it one-way. */
export async function follow(db: Db, corpId: string, memberId: string, who: { externalId: string; name: string }, now: number, addedBack = true): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const ctx = { corpId, trx, now };
    const customerId = await ensureCustomer(ctx, who);
    await addFriendship(ctx, { memberId, customerId, addedBack, source: 'manual' });
    return customerId;
  });
}
