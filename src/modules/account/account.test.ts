import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type Me, type TestApp } from '../../../test/support/app.ts';
import { SESSION_SWEEP_JOB } from '../../platform/auth/sessions.ts';
import { tablesOf } from '../../../test/support/tables.ts';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

describeEachDialect('accounts and sessions', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  it('signs in by login name or by phone, and signs out', async () => {
    const owner = await t.register({ loginName: 'lisi', phone: '13812345678', password: 'correct-horse' });
    for (const login of ['lisi', '13812345678']) {
      const client = t.client();
      const res = await client.post<{ me: Me }>('/api/v1/auth/sign-in', { login, password: 'correct-horse' });
      assert.equal(res.status, 200);
      assert.equal(res.body.me.account.id, owner.me.account.id);
      assert.equal(res.body.me.currentCorp?.id, owner.me.currentCorp?.id);
      assert.equal((await client.post('/api/v1/auth/sign-out')).status, 204);
      assert.equal((await client.get('/api/v1/me')).status, 401);
    }
  });

  it('the session cookie is httpOnly and SameSite; the CSRF cookie is readable by the console', async () => {
    const client = t.client();
    const res = await client.post('/api/v1/register', { account: { name: '甲', loginName: 'cookiecheck', password: 'password123' }, corp: { name: '饼干企业', shortName: '饼干', industry: 'general' } });
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] as string[]);
    const session = cookies.find((c) => c.startsWith('banyan_session='))!;
    const csrf = cookies.find((c) => c.startsWith('banyan_csrf='))!;
    assert.match(session, /HttpOnly/);
    assert.match(session, /SameSite=Lax/);
    assert.doesNotMatch(csrf, /HttpOnly/);
  });

  it('a cookie-authenticated write without the CSRF header is refused and changes nothing', async () => {
    const client = await t.register();
    const csrf = client.cookies.get('banyan_csrf')!;
    client.cookies.delete('banyan_csrf');
    const res = await client.patch<ErrorBody>('/api/v1/corp', { shortName: '被篡改' });
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'auth.csrf');
    client.cookies.set('banyan_csrf', csrf);
    const profile = await client.get<{ shortName: string }>('/api/v1/corp');
    assert.equal(profile.body.shortName, client.me.currentCorp!.shortName);
  });

  it('a wrong password is refused with auth.invalid_credentials, the same as an unknown login', async () => {
    await t.register({ loginName: 'wangwu', password: 'password123' });
    const wrong = await t.client().post<ErrorBody>('/api/v1/auth/sign-in', { login: 'wangwu', password: 'nope-nope' });
    const unknown = await t.client().post<ErrorBody>('/api/v1/auth/sign-in', { login: 'nobody-here', password: 'nope-nope' });
    assert.equal(wrong.status, 401);
    assert.deepEqual(wrong.body, unknown.body);
    assert.equal(wrong.body.error.code, 'auth.invalid_credentials');
  });

  // The numbers are the decision's (docs/decisions.md, Sign-in), written out: a test that read them
  // from the code would pass whatever the code said.
  type AuditRows = { items: { action: string; ip: string | null; actor: { id: string; name: string }; target: { id: string }; after: { login: string; reason: string } }[] };
  const from = (address: string) => {
    const client = t.client();
    client.address = address;
    return client;
  };

  it('a stranger guessing from another address never locks the owner out', async () => {
    t.clock.set('2026-03-02T10:00:00+08:00');
    await t.register({ loginName: 'victim', password: 'password123' });
    for (let i = 1; i <= 15; i++) assert.equal((await from('203.0.113.9').post('/api/v1/auth/sign-in', { login: 'victim', password: `guess-${i}` })).status, 401);
    // The stranger's address now waits, and its right guess is refused like a wrong one …
    assert.equal((await from('203.0.113.9').post('/api/v1/auth/sign-in', { login: 'victim', password: 'password123' })).status, 401);
    // … while the owner, at their own address, signs in at once.
    assert.equal((await from('198.51.100.7').post('/api/v1/auth/sign-in', { login: 'victim', password: 'password123' })).status, 200);
  });

  it('after 5 wrong passwords from one address it waits 1 minute, then 2, then 4 (doubling), and a right password starts again', async () => {
    t.clock.set('2026-03-02T10:00:00+08:00');
    await t.register({ loginName: 'zhaoliu', password: 'password123' });
    const attempt = (password: string) => from('192.0.2.10').post<ErrorBody>('/api/v1/auth/sign-in', { login: 'zhaoliu', password });
    for (let i = 1; i <= 5; i++) assert.equal((await attempt('wrong-password')).status, 401);
    assert.equal((await attempt('password123')).status, 401);
    t.clock.set('2026-03-02T10:00:59.999+08:00');
    assert.equal((await attempt('password123')).status, 401);
    t.clock.set('2026-03-02T10:01:00+08:00');
    assert.equal((await attempt('wrong-password')).status, 401);
    t.clock.set('2026-03-02T10:02:59.999+08:00');
    assert.equal((await attempt('password123')).status, 401);
    t.clock.set('2026-03-02T10:03:00+08:00');
    assert.equal((await attempt('wrong-password')).status, 401);
    t.clock.set('2026-03-02T10:06:59.999+08:00');
    assert.equal((await attempt('password123')).status, 401);
    t.clock.set('2026-03-02T10:07:00+08:00');
    assert.equal((await attempt('password123')).status, 200);
    // The right password cleared the count: five wrong ones are free again.
    for (let i = 1; i <= 5; i++) assert.equal((await attempt('wrong-password')).status, 401);
    t.clock.set('2026-03-02T10:08:00+08:00');
    assert.equal((await attempt('password123')).status, 200);
  });

  it('the wait doubles up to 1 hour, and a pair quiet for 24 hours starts from nothing', async () => {
    t.clock.set('2026-03-03T00:00:00+08:00');
    await t.register({ loginName: 'longwait', password: 'password123' });
    const attempt = (password: string) => from('192.0.2.11').post('/api/v1/auth/sign-in', { login: 'longwait', password });
    for (let i = 1; i <= 5; i++) await attempt('wrong-password');
    // Waits of 1, 2, 4, 8, 16, 32 minutes, then 60 (not 64).
    let at = Date.parse('2026-03-03T00:00:00+08:00');
    for (const minutes of [1, 2, 4, 8, 16, 32]) {
      at += minutes * 60_000;
      t.clock.set(at);
      await attempt('wrong-password');
    }
    t.clock.set(at + 60 * 60_000 - 1);
    assert.equal((await attempt('password123')).status, 401);
    t.clock.set(at + 60 * 60_000);
    await attempt('wrong-password');
    t.clock.set(at + 2 * 60 * 60_000);
    await attempt('wrong-password');
    // 24 hours after that last failure the count is forgotten: five free attempts, the right one among them.
    t.clock.set(at + 26 * 60 * 60_000);
    for (let i = 1; i <= 4; i++) await attempt('wrong-password');
    assert.equal((await attempt('password123')).status, 200);
  });

  it('a wrong password, an unknown login and a throttled address get the same answer', async () => {
    t.clock.set('2026-03-04T10:00:00+08:00');
    await t.register({ loginName: 'sameanswer', password: 'password123' });
    const wrong = await from('192.0.2.12').post<ErrorBody>('/api/v1/auth/sign-in', { login: 'sameanswer', password: 'nope-nope' });
    const unknown = await from('192.0.2.12').post<ErrorBody>('/api/v1/auth/sign-in', { login: 'nobody-at-all', password: 'nope-nope' });
    for (let i = 1; i <= 4; i++) await from('192.0.2.12').post('/api/v1/auth/sign-in', { login: 'sameanswer', password: 'nope-nope' });
    const throttled = await from('192.0.2.12').post<ErrorBody>('/api/v1/auth/sign-in', { login: 'sameanswer', password: 'password123' });
    assert.deepEqual([wrong.status, unknown.status, throttled.status], [401, 401, 401]);
    assert.deepEqual(unknown.body, wrong.body);
    assert.deepEqual(throttled.body, wrong.body);
    assert.equal(wrong.body.error.code, 'auth.invalid_credentials');
  });

  it('every refused sign-in is audited with its address and why, in the enterprise the account enters', async () => {
    t.clock.set('2026-03-05T10:00:00+08:00');
    const owner = await t.register({ loginName: 'audited', name: '审计员', password: 'password123' });
    for (let i = 1; i <= 6; i++) await from('203.0.113.20').post('/api/v1/auth/sign-in', { login: 'audited', password: 'nope-nope' });
    const log = await owner.get<AuditRows>('/api/v1/audit?action=auth.sign_in_failed');
    assert.deepEqual(
      log.body.items.map((i) => [i.ip, i.actor.id, i.target.id, i.after.login, i.after.reason]).reverse(),
      [...Array.from({ length: 5 }, () => ['203.0.113.20', owner.me.account.id, owner.me.account.id, 'audited', 'wrong_password']), ['203.0.113.20', owner.me.account.id, owner.me.account.id, 'audited', 'throttled']],
    );
    await from('203.0.113.21').post('/api/v1/auth/sign-in', { login: 'no-such-login', password: 'nope-nope' });
    const platform = await tablesOf(t.deps.db).selectFrom('audit_log').select(['corp_id', 'ip', 'actor_name', 'after_json']).where('action', '=', 'auth.sign_in_failed').where('ip', '=', '203.0.113.21').execute();
    assert.deepEqual(platform, [{ corp_id: '', ip: '203.0.113.21', actor_name: 'no-such-login', after_json: JSON.stringify({ login: 'no-such-login', reason: 'unknown_login' }) }]);
  });

  it('issue 18: twelve sign-ins at once check at most 5 passwords, and the right one after them is refused', async () => {
    t.clock.set('2026-03-06T10:00:00+08:00');
    const owner = await t.register({ loginName: 'raced', password: 'password123' });
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => from('203.0.113.30').post('/api/v1/auth/sign-in', { login: 'raced', password: `wrong-${i}` })));
    assert.deepEqual(answers.map((a) => a.status), Array.from({ length: 12 }, () => 401));
    const log = await owner.get<AuditRows>('/api/v1/audit?action=auth.sign_in_failed&limit=50');
    const reasons = log.body.items.map((i) => i.after.reason);
    assert.deepEqual([reasons.filter((r) => r === 'wrong_password').length, reasons.filter((r) => r === 'throttled').length], [5, 7]);
    assert.equal((await from('203.0.113.30').post('/api/v1/auth/sign-in', { login: 'raced', password: 'password123' })).status, 401);
  });

  it('a session lasts 7 days from sign-in: the cookie says so and the server holds to it to the millisecond', async () => {
    t.clock.set('2026-05-04T09:00:00+08:00');
    const client = await t.register({ loginName: 'weeklong', password: 'password123' });
    const signIn = await t.client().post('/api/v1/auth/sign-in', { login: 'weeklong', password: 'password123' });
    const cookie = ([] as string[]).concat(signIn.headers['set-cookie'] as string | string[]).find((c) => c.startsWith('banyan_session='));
    assert.match(cookie!, /; Max-Age=604800(;|$)/);
    t.clock.set('2026-05-11T08:59:59.999+08:00');
    assert.equal((await client.get('/api/v1/me')).status, 200);
    t.clock.set('2026-05-11T09:00:00+08:00');
    assert.equal((await client.get('/api/v1/me')).status, 401);
  });

  it('every sign-in writes an audit row in the enterprise it enters', async () => {
    const owner = await t.register({ loginName: 'auditme', password: 'password123' });
    await t.client().post('/api/v1/auth/sign-in', { login: 'auditme', password: 'password123' });
    const log = await owner.get<{ items: { action: string; actor: { id: string } }[] }>('/api/v1/audit?action=auth.sign_in');
    assert.equal(log.body.items.length, 1);
    assert.equal(log.body.items[0]!.actor.id, owner.me.member!.id);
  });

  it('changing the password needs the current one and ends the other sessions', async () => {
    const first = await t.register({ loginName: 'changer', password: 'password123' });
    const second = t.client();
    await second.post('/api/v1/auth/sign-in', { login: 'changer', password: 'password123' });
    const wrong = await first.post<ErrorBody>('/api/v1/auth/password', { currentPassword: 'not-it-at-all', newPassword: 'new-password-1' });
    assert.equal(wrong.body.error.code, 'account.wrong_password');
    assert.equal((await first.post('/api/v1/auth/password', { currentPassword: 'password123', newPassword: 'new-password-1' })).status, 204);
    assert.equal((await first.get('/api/v1/me')).status, 200);
    assert.equal((await second.get('/api/v1/me')).status, 401);
    assert.equal((await t.client().post('/api/v1/auth/sign-in', { login: 'changer', password: 'new-password-1' })).status, 200);
  });

  it('passwords are stored as self-describing scrypt strings, never in a response', async () => {
    const client = await t.register({ loginName: 'hashcheck', password: 'password123' });
    const row = await tablesOf(t.deps.db).selectFrom('accounts').select('password_hash').where('login_name', '=', 'hashcheck').executeTakeFirstOrThrow();
    assert.match(row.password_hash, /^\$scrypt\$ln=4,r=8,p=1\$[\w-]{22}\$[\w-]{43}$/);
    const me = await client.get('/api/v1/me');
    assert.doesNotMatch(JSON.stringify(me.body), /scrypt|password/);
  });

  it('expired sessions are swept by the hourly job; live ones stay', async () => {
    t.clock.set('2026-06-01T09:00:00+08:00');
    const old = await t.register({ loginName: 'sweepold', password: 'password123' });
    const count = async (principal: string) =>
      Number((await tablesOf(t.deps.db).selectFrom('sessions').select((eb) => eb.fn.countAll().as('n')).where('principal_id', '=', principal).executeTakeFirstOrThrow()).n);
    const oldAccount = old.me.account.id;
    // The old session ends 7 days after it began; the fresh one then has 6 days 23 hours 59 minutes left.
    t.clock.set('2026-06-08T08:59:00+08:00');
    const fresh = await t.register({ loginName: 'sweepnew', password: 'password123' });
    t.clock.set('2026-06-08T09:00:00+08:00');
    await t.deps.jobs.enqueueSlot(SESSION_SWEEP_JOB, t.clock.now());
    await t.deps.jobs.runDue();
    assert.deepEqual([await count(oldAccount), await count(fresh.me.account.id)], [0, 1]);
    assert.equal((await old.get('/api/v1/me')).status, 401);
    assert.equal((await fresh.get('/api/v1/me')).status, 200);
  });
});
