import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type Me, type TestApp } from '../../../test/support/app.ts';
import { tablesOf } from '../../../test/support/tables.ts';

describeEachDialect('enterprises', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  it('registering makes the account the creator and first member, in the root department', async () => {
    const client = await t.register({ name: '王小明', corpName: '榕树科技有限公司' });
    assert.equal(client.me.currentCorp?.name, '榕树科技有限公司');
    assert.deepEqual(client.me.roles, { creator: true, superAdmin: true, hierarchicalAdmin: false });
    assert.equal(client.me.member?.name, '王小明');
    const members = await tablesOf(t.deps.db).selectFrom('members').selectAll().where('corp_id', '=', client.me.currentCorp!.id).execute();
    assert.equal(members.length, 1);
    const root = await tablesOf(t.deps.db).selectFrom('departments').selectAll().where('corp_id', '=', client.me.currentCorp!.id).executeTakeFirstOrThrow();
    assert.equal(root.parent_id, null);
    assert.equal(members[0]!.main_department_id, root.id);
  });

  it('seed rule 创建者 d): an account can be the creator of at most 5 enterprises; the 6th is refused', async () => {
    const client = await t.register();
    for (let i = 2; i <= 5; i++) {
      const res = await client.post<{ me: Me }>('/api/v1/corps', { name: `第${i}家企业`, shortName: `企业${i}`, industry: 'general' });
      assert.equal(res.status, 201);
    }
    const sixth = await client.post('/api/v1/corps', { name: '第6家企业', shortName: '企业6', industry: 'general' });
    assert.equal(sixth.status, 409);
    assert.deepEqual(sixth.body, { error: { code: 'corp.creator_limit', message: 'An account can be the creator of at most 5 enterprises.', details: { limit: 5 } } });
    const me = await client.get<{ me: Me }>('/api/v1/me');
    assert.equal(me.body.me.corps.length, 5);
  });

  it('two registrations racing for the fifth slot: exactly one wins', async () => {
    const client = await t.register();
    for (let i = 2; i <= 4; i++) await client.post('/api/v1/corps', { name: `企业${i}号`, shortName: `企${i}`, industry: 'general' });
    const results = await Promise.all([1, 2, 3].map((i) => client.post('/api/v1/corps', { name: `竞争企业${i}`, shortName: `竞${i}`, industry: 'general' })));
    assert.deepEqual(results.map((r) => r.status).sort(), [201, 409, 409]);
  });

  it('an account switches between its enterprises; a foreign enterprise is refused', async () => {
    const client = await t.register();
    const first = client.me.currentCorp!.id;
    const created = await client.post<{ me: Me }>('/api/v1/corps', { name: '第二家企业', shortName: '二号', industry: 'government' });
    assert.equal(created.body.me.currentCorp?.industry, 'government');
    const back = await client.put<{ me: Me }>('/api/v1/me/current-corp', { corpId: first });
    assert.equal(back.body.me.currentCorp?.id, first);
    const stranger = await t.register();
    const refused = await stranger.put('/api/v1/me/current-corp', { corpId: first });
    assert.equal(refused.status, 403);
    assert.equal((refused.body as { error: { code: string } }).error.code, 'corp.not_member');
  });

  it('the profile holds full name, external short name and industry; changes are audited', async () => {
    const client = await t.register();
    const res = await client.patch('/api/v1/corp', { shortName: '榕树', industry: 'home_school' });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { id: client.me.currentCorp!.id, name: client.me.currentCorp!.name, shortName: '榕树', industry: 'home_school', language: 'zh-CN', certifiedUntil: null });
    const log = await client.get<{ items: { action: string; before: { shortName: string }; after: { shortName: string } }[] }>('/api/v1/audit?action=corp.update');
    assert.equal(log.body.items.length, 1);
    assert.equal(log.body.items[0]!.before.shortName, client.me.currentCorp!.shortName);
    assert.equal(log.body.items[0]!.after.shortName, '榕树');
  });

  it('the enterprise writes to its people in zh-CN unless set to English (invitation and reset mail)', async () => {
    const client = await t.register();
    assert.equal(client.me.currentCorp!.language, 'zh-CN');
    assert.equal(((await client.patch('/api/v1/corp', { language: 'en' })).body as { language: string }).language, 'en');
    assert.equal((await client.patch('/api/v1/corp', { language: 'fr' })).status, 400);
  });

  it('a bad registration writes nothing: no account is left behind without its enterprise', async () => {
    const client = t.client();
    const res = await client.post('/api/v1/register', { account: { name: '半截', loginName: 'halfway', password: 'password123' }, corp: { name: 'x', shortName: '短', industry: 'general' } });
    assert.equal(res.status, 400);
    assert.deepEqual((res.body as { error: { details: unknown } }).error.details, { in: 'body', field: '/corp/name', reason: 'minLength' });
    const account = await tablesOf(t.deps.db).selectFrom('accounts').select('id').where('login_name', '=', 'halfway').executeTakeFirst();
    assert.equal(account, undefined);
  });
});
