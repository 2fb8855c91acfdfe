import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, TEST_SCRYPT, type Me, type TestApp, type Client } from '../../../test/support/app.ts';
import { createOperator } from './operator.service.ts';

type ErrorBody = { error: { code: string } };

describeEachDialect('platform operator', (use) => {
  let t: TestApp;
  let operator: Client;
  before(async () => {
    t = await createTestApp(use());
    await createOperator(t.deps.db, t.clock.now(), TEST_SCRYPT, { loginName: 'ops', name: '平台运营', password: 'operator-pass' });
    operator = t.client();
    const res = await operator.post('/api/v1/operator/auth/sign-in', { login: 'ops', password: 'operator-pass' });
    assert.equal(res.status, 200);
  });
  after(() => t.close());

  it('the operator certifies an enterprise until a date; the enterprise sees it and its audit log records it', async () => {
    const owner = await t.register({ corpName: '待认证企业' });
    const corpId = owner.me.currentCorp!.id;
    const res = await operator.put(`/api/v1/operator/corps/${corpId}/certification`, { certifiedUntil: '2027-03-31T16:00:00.000Z' });
    assert.equal(res.status, 200);
    const me = await owner.get<{ me: Me }>('/api/v1/me');
    assert.equal(me.body.me.currentCorp!.certifiedUntil, '2027-03-31T16:00:00.000Z');
    const log = await owner.get<{ items: { action: string; actor: { kind: string; name: string } }[] }>('/api/v1/audit?action=corp.certification');
    assert.deepEqual(log.body.items.map((i) => [i.action, i.actor.kind, i.actor.name]), [['corp.certification', 'operator', '平台运营']]);
    await operator.put(`/api/v1/operator/corps/${corpId}/certification`, { certifiedUntil: null });
    assert.equal((await owner.get<{ me: Me }>('/api/v1/me')).body.me.currentCorp!.certifiedUntil, null);
  });

  it('the operator lists and searches enterprises', async () => {
    await t.register({ corpName: '可搜索的企业甲' });
    const res = await operator.get<{ items: { name: string }[] }>(`/api/v1/operator/corps?q=${encodeURIComponent('可搜索')}`);
    assert.deepEqual(res.body.items.map((c) => c.name), ['可搜索的企业甲']);
  });

  it('no operator route is reachable by an enterprise account, and no enterprise route by an operator session', async () => {
    const owner = await t.register();
    const asEnterprise = await owner.get<ErrorBody>('/api/v1/operator/corps');
    assert.equal(asEnterprise.status, 401);
    const certify = await owner.put<ErrorBody>(`/api/v1/operator/corps/${owner.me.currentCorp!.id}/certification`, { certifiedUntil: '2030-01-01T00:00:00.000Z' });
    assert.equal(certify.status, 401);
    assert.equal((await operator.get('/api/v1/me')).status, 401);
    assert.equal((await operator.get('/api/v1/corp')).status, 401);
  });

  it('an operator and a member signed in in the same browser both keep working (separate CSRF cookies)', async () => {
    const browser = await t.register();
    assert.equal((await browser.post('/api/v1/operator/auth/sign-in', { login: 'ops', password: 'operator-pass' })).status, 200);
    assert.equal((await browser.patch('/api/v1/corp', { shortName: '同浏览器' })).status, 200);
    const corpId = browser.me.currentCorp!.id;
    assert.equal((await browser.put(`/api/v1/operator/corps/${corpId}/certification`, { certifiedUntil: null })).status, 200);
    assert.equal((await browser.post('/api/v1/operator/auth/sign-out')).status, 204);
    assert.equal((await browser.patch('/api/v1/corp', { shortName: '仍然可写' })).status, 200);
  });

  it('an enterprise account cannot sign in to the operator console with its own password', async () => {
    await t.register({ loginName: 'notanoperator', password: 'password123' });
    const res = await t.client().post<ErrorBody>('/api/v1/operator/auth/sign-in', { login: 'notanoperator', password: 'password123' });
    assert.equal(res.status, 401);
    assert.equal(res.body.error.code, 'auth.invalid_credentials');
  });
});
