import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { tablesOf } from '../../../test/support/tables.ts';

type Token = { id: string; name: string; rights: string[]; revokedAt: string | null };
type ErrorBody = { error: { code: string } };

describeEachDialect('API tokens', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  it('a token is shown once, stored hashed, and acts in its enterprise with the rights it was given', async () => {
    const admin = await t.register();
    const created = await admin.post<{ token: Token; secret: string }>('/api/v1/api-tokens', { name: '通讯录同步', rights: ['corp.read'] });
    assert.equal(created.status, 201);
    assert.match(created.body.secret, /^byt_[\w-]{43}$/);
    const stored = await tablesOf(t.deps.db).selectFrom('api_tokens').selectAll().where('id', '=', created.body.token.id).executeTakeFirstOrThrow();
    assert.notEqual(stored.token_hash, created.body.secret);
    const list = await admin.get<{ items: Token[] }>('/api/v1/api-tokens');
    assert.doesNotMatch(JSON.stringify(list.body), new RegExp(created.body.secret));

    const integration = t.client();
    integration.bearer = created.body.secret;
    const profile = await integration.get<{ id: string }>('/api/v1/corp');
    assert.equal(profile.status, 200);
    assert.equal(profile.body.id, admin.me.currentCorp!.id);
    const audit = await integration.get<ErrorBody>('/api/v1/audit');
    assert.equal(audit.status, 403);
    assert.equal((await integration.patch('/api/v1/corp', { shortName: '改名' })).status, 403);
  });

  it('a revoked token is refused on the very next request', async () => {
    const admin = await t.register();
    const created = await admin.post<{ token: Token; secret: string }>('/api/v1/api-tokens', { name: '临时', rights: ['corp.read', 'audit.read'] });
    const integration = t.client();
    integration.bearer = created.body.secret;
    assert.equal((await integration.get('/api/v1/audit')).status, 200);
    assert.equal((await admin.delete(`/api/v1/api-tokens/${created.body.token.id}`)).status, 204);
    assert.equal((await integration.get('/api/v1/audit')).status, 401);
  });

  it('a token cannot reach account or operator routes, nor another enterprise', async () => {
    const admin = await t.register();
    const other = await t.register();
    const created = await admin.post<{ secret: string }>('/api/v1/api-tokens', { name: '集成', rights: ['corp.read'] });
    const integration = t.client();
    integration.bearer = created.body.secret;
    assert.equal((await integration.get('/api/v1/me')).status, 403);
    assert.equal((await integration.get('/api/v1/operator/corps')).status, 401);
    const profile = await integration.get<{ id: string }>('/api/v1/corp');
    assert.notEqual(profile.body.id, other.me.currentCorp!.id);
  });

  it('only grantable rights can be given, and only by a super admin', async () => {
    const admin = await t.register();
    const bad = await admin.post<ErrorBody>('/api/v1/api-tokens', { name: '越权', rights: ['corp.manage'] });
    assert.equal(bad.status, 400);
    const rights = await admin.get<{ items: { key: string }[] }>('/api/v1/api-tokens/rights');
    assert.ok(rights.body.items.some((r) => r.key === 'corp.read'));
    assert.ok(!rights.body.items.some((r) => r.key === 'corp.manage'));
  });
});
