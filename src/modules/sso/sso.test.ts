import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { followToCallback, startTestProvider, type TestProvider } from '../../../test/support/oidc.ts';

const ORIGIN = 'https://banyan.example.com';
const CALLBACK = `${ORIGIN}/api/v1/auth/oidc/callback`;

describeEachDialect('sign-in through the enterprise identity provider (OIDC)', (use) => {
  let t: TestApp;
  let idp: TestProvider;
  before(async () => {
    t = await createTestApp(use(), { publicUrl: ORIGIN });
    idp = await startTestProvider([CALLBACK]);
    idp.people.set('wangfang', { sub: 'idp-1', preferred_username: 'wangfang', email: 'Wang.Fang@example.com', name: '王芳' });
    idp.people.set('stranger', { sub: 'idp-2', preferred_username: 'stranger', email: 'stranger@example.com', name: '陌生人' });
  });
  after(async () => {
    await t.close();
    await idp.close();
  });

  const settings = (over: Record<string, unknown> = {}) => ({ displayName: '公司统一认证', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, claim: 'preferred_username', matchBy: 'userid', autoCreate: false, ...over });

  /** The whole redirect flow: Banyan's start, the provider's pages, Banyan's callback. */
  async function signInThrough(corpId: string, login: string) {
    const client = t.client();
    const start = await client.get(`/api/v1/auth/oidc/${corpId}/start`);
    assert.equal(start.status, 302);
    const location = String(start.headers.location);
    assert.match(location, /code_challenge_method=S256/);
    const back = await followToCallback(location, CALLBACK, login);
    const done = await client.get(back.pathname + back.search);
    return { client, done };
  }

  it('a super admin saves the provider; the secret is never returned, and is kept when not sent again', async () => {
    const owner = await t.register({ loginName: 'ssoowner', password: 'password123' });
    const saved = await owner.put<Record<string, unknown>>('/api/v1/corp/sso/oidc', settings());
    assert.equal(saved.status, 200);
    assert.deepEqual(saved.body, { configured: true, displayName: '公司统一认证', issuer: idp.issuer, clientId: idp.clientId, hasSecret: true, claim: 'preferred_username', matchBy: 'userid', autoCreate: false, callbackUrl: CALLBACK });
    const { clientSecret: _omit, ...withoutSecret } = settings({ displayName: 'SSO' });
    assert.equal((await owner.put('/api/v1/corp/sso/oidc', withoutSecret)).status, 200);
    const read = await owner.get('/api/v1/corp/sso/oidc');
    assert.doesNotMatch(JSON.stringify(read.body), new RegExp(idp.clientSecret));
    const audit = await owner.get('/api/v1/audit?action=sso.settings');
    assert.doesNotMatch(JSON.stringify(audit.body), new RegExp(idp.clientSecret));
    assert.deepEqual((await t.client().get(`/api/v1/auth/oidc/${owner.me.currentCorp!.id}`)).body, { configured: true, displayName: 'SSO' });
  });

  it('a member named by the claim signs in through the provider (code + PKCE) and gets a session', async () => {
    const owner = await t.register({ loginName: 'ssoowner2', password: 'password123' });
    const corpId = owner.me.currentCorp!.id;
    await owner.put('/api/v1/corp/sso/oidc', settings());
    const root = (await owner.get<{ items: { id: string }[] }>('/api/v1/contacts/departments')).body.items[0]!.id;
    const created = await owner.post<{ id: string }>('/api/v1/contacts/members', { name: '王芳', userid: 'wangfang', departmentIds: [root], mainDepartmentId: root });
    assert.equal(created.status, 201);
    const { client, done } = await signInThrough(corpId, 'wangfang');
    assert.equal(done.status, 302);
    assert.equal(done.headers.location, '/');
    const me = await client.get<{ me: { member: { id: string } | null; currentCorp: { id: string } } }>('/api/v1/me');
    assert.equal(me.status, 200);
    assert.deepEqual([me.body.me.currentCorp.id, me.body.me.member?.id], [corpId, created.body.id]);
    // The second time the same account is used.
    const again = await signInThrough(corpId, 'wangfang');
    const me2 = await again.client.get<{ me: { account: { id: string } } }>('/api/v1/me');
    assert.equal(me2.body.me.account.id, (me.body.me as unknown as { account: { id: string } }).account.id);
  });

  it('an unknown person is refused (never auto-created by default), audited; allowed, they join the root department', async () => {
    const owner = await t.register({ loginName: 'ssoowner3', password: 'password123' });
    const corpId = owner.me.currentCorp!.id;
    await owner.put('/api/v1/corp/sso/oidc', settings({ claim: 'email', matchBy: 'email' }));
    const refused = await signInThrough(corpId, 'stranger');
    assert.equal(refused.done.headers.location, `/login?corp=${corpId}&error=sso.unknown_person`);
    assert.equal((await refused.client.get('/api/v1/me')).status, 401);
    const log = await owner.get<{ items: { after: { login: string; reason: string } }[] }>('/api/v1/audit?action=auth.sign_in_failed');
    assert.deepEqual(log.body.items.map((i) => i.after), [{ login: 'stranger@example.com', reason: 'sso.unknown_person' }]);
    await owner.put('/api/v1/corp/sso/oidc', settings({ claim: 'email', matchBy: 'email', autoCreate: true }));
    const admitted = await signInThrough(corpId, 'stranger');
    assert.equal(admitted.done.headers.location, '/');
    const me = await admitted.client.get<{ me: { member: { name: string } | null } }>('/api/v1/me');
    assert.equal(me.body.me.member?.name, '陌生人');
  });

  it('item 3: the provider is sent back to --public-url, whatever Host the request named', async () => {
    const owner = await t.register({ loginName: 'ssohost', password: 'password123' });
    await owner.put('/api/v1/corp/sso/oidc', settings());
    const start = await t.app.inject({ method: 'GET', url: `/api/v1/auth/oidc/${owner.me.currentCorp!.id}/start`, headers: { host: 'evil.example.net' } });
    assert.equal(start.statusCode, 302);
    assert.equal(new URL(String(start.headers.location)).searchParams.get('redirect_uri'), 'https://banyan.example.com/api/v1/auth/oidc/callback');
  });

  it('a callback with a used or unknown state is refused in one sentence', async () => {
    const res = await t.client().get('/api/v1/auth/oidc/callback?state=oidc_nope&code=x');
    assert.deepEqual([res.status, res.headers.location], [302, '/login?error=sso.login_expired']);
  });
});
