import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, Cookies, freshPostgresDatabase, serveProcess, type ServerProcess } from './support/cluster.ts';

// Several Banyan processes on one PostgreSQL database, as behind a load balancer: real `banyan serve`
// processes, a database of their own.
const url = process.env.TEST_DATABASE_URL;
if (!url && process.env.REQUIRE_POSTGRES === '1') throw new Error('REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set');

describe('several processes on one PostgreSQL', { skip: url ? false : 'needs TEST_DATABASE_URL (PostgreSQL)' }, () => {
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  let a: ServerProcess;
  let b: ServerProcess;
  const password = 'password123';

  before(async () => {
    database = await freshPostgresDatabase();
    [a, b] = await Promise.all([serveProcess({ DATABASE_URL: database.url }), serveProcess({ DATABASE_URL: database.url })]);
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  it('a session signed out on one process is refused by the other on the very next request, reads and writes alike', async () => {
    const owner = new Cookies();
    const registered = await call(a.url, owner, 'POST', '/api/v1/register', {
      account: { name: '集群测试', loginName: 'cluster_owner', password },
      corp: { name: '集群测试企业', shortName: '集群', industry: 'general' },
    });
    assert.equal(registered.status, 201);
    const corpId = (registered.body as { me: { currentCorp: { id: string } } }).me.currentCorp.id;

    let accepted = 0;
    for (let round = 0; round < 20; round++) {
      const session = new Cookies();
      assert.equal((await call(a.url, session, 'POST', '/api/v1/auth/sign-in', { login: 'cluster_owner', password })).status, 200);
      // The other process serves the session (and would keep it, had it a cache).
      assert.equal((await call(b.url, session, 'GET', '/api/v1/me')).status, 200);
      assert.equal((await call(b.url, session, 'GET', '/api/v1/me')).status, 200);
      const kept = session.headers(true);
      assert.equal((await call(a.url, session, 'POST', '/api/v1/auth/sign-out')).status, 204);
      // The signed-out browser's cookies, replayed at once against the other process.
      for (const [method, path, body] of [
        ['GET', '/api/v1/me', undefined],
        ['PUT', '/api/v1/me/current-corp', { corpId }],
      ] as const) {
        const response = await fetch(`${b.url}${path}`, { method, headers: { ...kept, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
        if (response.status !== 401) accepted++;
      }
    }
    assert.equal(accepted, 0);
  });

  it('a password changed on one process ends the account\'s other sessions on every process at once', async () => {
    const changer = new Cookies();
    const elsewhere = new Cookies();
    assert.equal((await call(a.url, changer, 'POST', '/api/v1/auth/sign-in', { login: 'cluster_owner', password })).status, 200);
    assert.equal((await call(b.url, elsewhere, 'POST', '/api/v1/auth/sign-in', { login: 'cluster_owner', password })).status, 200);
    assert.equal((await call(b.url, elsewhere, 'GET', '/api/v1/me')).status, 200);
    assert.equal((await call(a.url, changer, 'POST', '/api/v1/auth/password', { currentPassword: password, newPassword: 'a-new-password-1' })).status, 204);
    assert.equal((await call(b.url, elsewhere, 'GET', '/api/v1/me')).status, 401);
    assert.equal((await call(b.url, changer, 'GET', '/api/v1/me')).status, 200);
  });
});
