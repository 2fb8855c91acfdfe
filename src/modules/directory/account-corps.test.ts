import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { enterprise, signedIn } from '../../../test/support/enterprise.ts';
import { tablesOf } from '../../../test/support/tables.ts';
import { systemActor } from '../../platform/context.ts';
import { activateMember } from './activation.service.ts';
import { corpIdsOfAccount, linkMemberAccount } from './directory.service.ts';

const code = (res: { body: unknown }) => (res.body as { error?: { code: string } }).error?.code;

describeEachDialect('account → enterprises (account_corps)', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  /** account_corps against what the members say (active and linked), over the given enterprises. */
  async function agree(corpIds: string[]): Promise<void> {
    const db = tablesOf(t.deps.db);
    const kept = await db.selectFrom('account_corps').select(['account_id', 'corp_id', 'member_id']).where('corp_id', 'in', corpIds).orderBy('corp_id').orderBy('member_id').execute();
    const derived = await db
      .selectFrom('members')
      .select(['account_id', 'corp_id', 'id as member_id'])
      .where('corp_id', 'in', corpIds)
      .where('status', '=', 'active')
      .where('account_id', 'is not', null)
      .orderBy('corp_id')
      .orderBy('id')
      .execute();
    assert.deepEqual(kept, derived);
  }

  it('every sign-in and /me finds the account\'s enterprises in account_corps, which link, activate, disable, enable, depart and delete keep in step with the members', async () => {
    const a = await enterprise(t);
    const b = await enterprise(t);
    const c = await enterprise(t);
    const corps = [a.corpId, b.corpId, c.corpId];
    const x = await a.member('跨企业成员');
    const inB = await b.bareMember('乙方成员');
    const inB2 = await b.bareMember('乙方新成员');
    const inC = await c.bareMember('丙方成员');
    const step = (ctx: { corpId: string }) => ({ ...ctx, now: t.clock.now(), actor: systemActor, log: t.deps.log, registry: t.deps.registry });
    const enterprisesOfX = async () => {
      await agree(corps);
      const me = (await signedIn(t, x.accountId, null)).me;
      return { ids: await corpIdsOfAccount(t.deps.db, x.accountId), me: me.corps.map((corp) => corp.id).sort() };
    };
    const expect = async (ids: string[]) => assert.deepEqual(await enterprisesOfX(), { ids: [...ids].sort(), me: [...ids].sort() });

    await expect([a.corpId]);
    await t.deps.db.transaction().execute((trx) => activateMember({ ...step({ corpId: b.corpId }), trx }, inB, x.accountId));
    await expect([a.corpId, b.corpId]);
    await t.deps.db.transaction().execute((trx) => linkMemberAccount({ ...step({ corpId: c.corpId }), trx }, inC, x.accountId));
    await expect([a.corpId, b.corpId, c.corpId]);
    assert.equal((await b.owner.post(`/api/v1/contacts/members/${inB}/status`, { status: 'disabled' })).status, 204);
    await expect([a.corpId, c.corpId]);
    assert.equal((await b.owner.post(`/api/v1/contacts/members/${inB}/status`, { status: 'active' })).status, 204);
    await expect([a.corpId, b.corpId, c.corpId]);
    assert.equal((await b.owner.post(`/api/v1/contacts/members/${inB}/depart`)).status, 204);
    await expect([a.corpId, c.corpId]);
    // Departed, the account may be activated as another member of the same enterprise.
    await t.deps.db.transaction().execute((trx) => activateMember({ ...step({ corpId: b.corpId }), trx }, inB2, x.accountId));
    await expect([a.corpId, b.corpId, c.corpId]);
    assert.equal((await b.owner.delete(`/api/v1/contacts/members/${inB2}`)).status, 204);
    await expect([a.corpId, c.corpId]);
    assert.equal((await c.owner.delete(`/api/v1/contacts/members/${inC}`)).status, 204);
    assert.equal((await a.owner.post(`/api/v1/contacts/members/${x.memberId}/depart`)).status, 204);
    await expect([]);
  });

  it('a refused command changes nothing in account_corps: the creator cannot depart, a departed member cannot be disabled', async () => {
    const a = await enterprise(t);
    const x = await a.member('离职者');
    const creator = a.owner.me.member!.id;
    assert.equal(code(await a.owner.post(`/api/v1/contacts/members/${creator}/depart`)), 'admin.creator_cannot_be_removed');
    assert.equal((await a.owner.post(`/api/v1/contacts/members/${x.memberId}/depart`)).status, 204);
    assert.equal(code(await a.owner.post(`/api/v1/contacts/members/${x.memberId}/status`, { status: 'active' })), 'directory.member_departed');
    await agree([a.corpId]);
    assert.deepEqual(await corpIdsOfAccount(t.deps.db, a.owner.me.account.id), [a.corpId]);
    assert.deepEqual(await corpIdsOfAccount(t.deps.db, x.accountId), []);
  });
});
