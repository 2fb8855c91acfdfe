import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type Client, type Me, type TestApp } from '../../../test/support/app.ts';
import { enterprise, signedIn } from '../../../test/support/enterprise.ts';
import { capturedLogger, startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp.ts';
import { tablesOf } from '../../../test/support/tables.ts';
import { rights } from '../admin/testing/index.ts';

const MINUTE = 60_000;
type ErrorBody = { error: { code: string; message: string } };
interface Issued {
  link: { path: string; url: string };
  expiresAt: string;
  delivery: { delivered: boolean; reason?: string };
}

const code = (res: { body: unknown }) => (res.body as Partial<ErrorBody>).error?.code;

describeEachDialect('password reset, forced password change and signing out everywhere (issue 10 item 5)', (use) => {
  let t: TestApp;
  let bare: TestApp;
  let smtp: TestSmtpServer;
  const log = capturedLogger();
  /** Every body answered after a link was made, and every secret made, to look for one in the other. */
  const later: unknown[] = [];
  const secrets: string[] = [];
  before(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp(use(), { logLevel: 'info', smtpUrl: smtp.url, publicUrl: 'https://banyan.example.com' }, undefined, undefined, log.stream);
    bare = await createTestApp(use(), { logLevel: 'info' }, undefined, undefined, log.stream);
  });
  after(async () => {
    await t.close();
    await bare.close();
    await smtp.close();
  });

  const track = <R extends { body: unknown }>(res: R): R => {
    later.push(res.body);
    return res;
  };
  const signIn = (app: TestApp, login: string, password: string) => app.client().post<{ me: Me }>('/api/v1/auth/sign-in', { login, password });
  /** The token of the link in the last message to the address. */
  function mailedToken(to: string): string {
    const mail = smtp.messages.filter((m) => m.to.includes(to)).at(-1)!;
    const url = /https:\/\/banyan\.example\.com\/reset\/(\S+)/.exec(mail.text)![1]!;
    secrets.push(url.split('.').at(-1)!);
    return url;
  }
  async function memberWithEmail(app: TestApp, email: string, language: 'zh-CN' | 'en' = 'zh-CN') {
    const e = await enterprise(app);
    if (language === 'en') assert.equal((await e.owner.patch('/api/v1/corp', { language: 'en', name: 'Banyan Tech' })).status, 200);
    const m = await e.member('李雷');
    assert.equal((await e.owner.patch(`/api/v1/contacts/members/${m.memberId}`, { email })).status, 200);
    return { e, m, login: m.client.me.account.loginName };
  }

  it('item 5: 忘记密码 mails a link in the enterprise’s language; using it sets the password and ends every session of the account', async () => {
    t.clock.set('2026-04-01T10:00:00+08:00');
    const { e, m, login } = await memberWithEmail(t, 'li.lei@example.com', 'en');
    const otherClient = await signedIn(t, m.accountId, e.corpId);
    const asked = await t.client().post('/api/v1/auth/forgot-password', { login });
    assert.deepEqual([asked.status, asked.body], [204, '']);
    const mail = smtp.messages.at(-1)!;
    assert.deepEqual(mail.to, ['li.lei@example.com']);
    assert.equal(mail.subject, 'Banyan Tech: reset your password');
    assert.ok(mail.text.startsWith('Hello 李雷,\n\nOpen the link below to set a new password:\n\nhttps://banyan.example.com/reset/corp_'));
    assert.ok(mail.text.includes('The link works once, until 01/04/2026, 10:30 (Beijing time).'));
    const token = mailedToken('li.lei@example.com');
    assert.match(token, /^corp_[0-9A-Z]{26}\.pwr_[0-9A-Z]{26}\.[A-Za-z0-9_-]{43}$/);

    const preview = track(await t.client().post('/api/v1/auth/password-reset/preview', { token }));
    assert.deepEqual(preview.body, { corpName: 'Banyan Tech', name: '李雷', loginName: login, expiresAt: '2026-04-01T02:30:00.000Z' });
    const done = track(await t.client().post('/api/v1/auth/password-reset', { token, newPassword: 'brand-new-pass' }));
    assert.equal(done.status, 204);
    assert.equal((await m.client.get('/api/v1/me')).status, 401);
    assert.equal((await otherClient.get('/api/v1/me')).status, 401);
    assert.equal((await signIn(t, login, 'password123')).status, 401);
    assert.equal((await signIn(t, login, 'brand-new-pass')).status, 200);
    const again = track(await t.client().post<ErrorBody>('/api/v1/auth/password-reset', { token, newPassword: 'another-pass-1' }));
    assert.deepEqual([again.status, again.body], [410, { error: { code: 'password_reset.used', message: 'This password reset link has already been used; sign in, or ask for a new one.' } }]);
  });

  it('item 5: 忘记密码 answers the same for an unknown login, a login without an address and a real one, and mails only the real one', async () => {
    const { e, login } = await memberWithEmail(t, 'han.meimei@example.com');
    const noMail = (await enterprise(t)).owner.me.account.loginName;
    const sent = smtp.messages.length;
    const answers = [];
    for (const who of [login, 'nobody-at-all', noMail]) answers.push(await t.client().post('/api/v1/auth/forgot-password', { login: who }));
    assert.deepEqual(answers.map((a) => [a.status, a.body]), [[204, ''], [204, ''], [204, '']]);
    assert.equal(smtp.messages.length, sent + 1);
    const mail = smtp.messages.at(-1)!;
    assert.equal(mail.subject, `${e.owner.me.currentCorp!.name}：重置你的密码`);
    assert.ok(mail.text.startsWith('李雷，你好：\n\n打开下面的链接设置新密码：'));
    mailedToken('han.meimei@example.com');
  });

  it('item 5: a reset link expires 30 minutes after it was made, at that exact instant', async () => {
    t.clock.set('2026-04-02T09:00:00+08:00');
    const { login } = await memberWithEmail(t, 'late@example.com');
    await t.client().post('/api/v1/auth/forgot-password', { login });
    const token = mailedToken('late@example.com');
    t.clock.set(Date.parse('2026-04-02T09:30:00+08:00') - 1);
    assert.equal(track(await t.client().post('/api/v1/auth/password-reset/preview', { token })).status, 200);
    t.clock.set('2026-04-02T09:30:00+08:00');
    const late = track(await t.client().post<ErrorBody>('/api/v1/auth/password-reset', { token, newPassword: 'too-late-pass' }));
    assert.deepEqual([late.status, late.body], [410, { error: { code: 'password_reset.expired', message: 'This password reset link has expired; ask for a new one.' } }]);
    assert.equal((await signIn(t, login, 'password123')).status, 200);
  });

  it('item 5: without SMTP the creator or a super admin issues a link, shown once; a hierarchical admin may not; a new link voids the old', async () => {
    const e = await enterprise(bare);
    const sales = await e.dept(e.root, '销售部');
    const m = await e.member('韩梅梅', [sales]);
    const h = await e.member('分管', [sales]);
    assert.equal((await e.owner.post('/api/v1/admins/hierarchical', { memberId: h.memberId, rights: rights({ departmentIds: [sales] }) })).status, 204);
    const refused = await h.client.post(`/api/v1/contacts/members/${m.memberId}/password-reset`);
    assert.deepEqual([refused.status, code(refused)], [403, 'forbidden']);
    // Nothing is made when nobody could be mailed.
    await bare.client().post('/api/v1/auth/forgot-password', { login: m.client.me.account.loginName });
    assert.deepEqual(await tablesOf(bare.deps.db).selectFrom('password_resets').select('id').where('corp_id', '=', e.corpId).execute(), []);

    const first = await e.owner.post<Issued>(`/api/v1/contacts/members/${m.memberId}/password-reset`);
    assert.equal(first.status, 201);
    assert.deepEqual(first.body.delivery, { delivered: false, reason: 'no_smtp' });
    assert.equal(first.body.link.url, `http://localhost:8080${first.body.link.path}`);
    assert.equal(first.body.expiresAt, new Date(bare.clock.now() + 30 * MINUTE).toISOString());
    secrets.push(first.body.link.path.split('.').at(-1)!);
    const second = await e.owner.post<Issued>(`/api/v1/contacts/members/${m.memberId}/password-reset`);
    secrets.push(second.body.link.path.split('.').at(-1)!);
    const voided = track(await bare.client().post('/api/v1/auth/password-reset/preview', { token: first.body.link.path.slice('/reset/'.length) }));
    assert.equal(code(voided), 'password_reset.invalid');
    const used = track(await bare.client().post('/api/v1/auth/password-reset', { token: second.body.link.path.slice('/reset/'.length), newPassword: 'handed-over-1' }));
    assert.equal(used.status, 204);
    assert.equal((await signIn(bare, m.client.me.account.loginName, 'handed-over-1')).status, 200);
    const audit = await e.owner.get<{ items: { action: string; target: { id: string } }[] }>('/api/v1/audit?limit=50');
    assert.deepEqual(
      audit.body.items.filter((i) => i.action.includes('password_reset')).map((i) => i.action),
      ['auth.password_reset', 'contacts.member.password_reset_link', 'contacts.member.password_reset_link'],
    );
  });

  it('item 5: 下次登录时修改密码: the member’s sessions and next sign-in can do nothing in the enterprise until a new password is set', async () => {
    const e = await enterprise(t);
    const m = await e.member('王芳');
    const login = m.client.me.account.loginName;
    assert.equal((await e.owner.post(`/api/v1/contacts/members/${m.memberId}/force-password-change`)).status, 204);
    const blocked = await m.client.get<ErrorBody>('/api/v1/contacts/departments');
    assert.deepEqual([blocked.status, blocked.body], [403, { error: { code: 'auth.password_change_required', message: 'Set a new password first: your admin asked you to change it.' } }]);
    const fresh = await signIn(t, login, 'password123');
    assert.equal(fresh.body.me.newPasswordRequired, true);
    const client = t.client();
    await client.post('/api/v1/auth/sign-in', { login, password: 'password123' });
    assert.equal(code(await client.get('/api/v1/contacts/departments')), 'auth.password_change_required');
    assert.equal((await client.post('/api/v1/auth/password', { currentPassword: 'password123', newPassword: 'changed-pass-1' })).status, 204);
    assert.equal((await client.get('/api/v1/contacts/departments')).status, 200);
    assert.equal((await client.get<{ me: Me }>('/api/v1/me')).body.me.newPasswordRequired, false);
    assert.equal((await m.client.get('/api/v1/me')).status, 401);
    const audit = await e.owner.get<{ items: { action: string; target: { id: string } }[] }>('/api/v1/audit?action=contacts.member.force_password_change');
    assert.deepEqual(audit.body.items.map((i) => i.target.id), [m.memberId]);
  });

  it('item 5: 退出所有登录 ends every session of the member’s login, audited', async () => {
    const e = await enterprise(t);
    const m = await e.member('赵六');
    const second = await signedIn(t, m.accountId, e.corpId);
    assert.equal((await e.owner.post(`/api/v1/contacts/members/${m.memberId}/sign-out-everywhere`)).status, 204);
    assert.deepEqual([(await m.client.get('/api/v1/me')).status, (await second.get('/api/v1/me')).status], [401, 401]);
    const audit = await e.owner.get<{ items: { after: unknown }[] }>('/api/v1/audit?action=contacts.member.sign_out_everywhere');
    assert.deepEqual(audit.body.items.map((i) => i.after), [{ sessionsEnded: 2 }]);
  });

  it('seed rule 分级管理员 c): a hierarchical admin forces no password change on and signs out no super admin or creator; one in its scope it may', async () => {
    const e = await enterprise(t);
    const sales = await e.dept(e.root, '销售部');
    const h = await e.member('分管', [sales]);
    const s = await e.member('超管', [sales]);
    const plain = await e.member('员工', [sales]);
    const outside = await e.member('外部门');
    assert.equal((await e.owner.post('/api/v1/admins/super', { memberId: s.memberId })).status, 204);
    assert.equal((await e.owner.post('/api/v1/admins/hierarchical', { memberId: h.memberId, rights: rights({ departmentIds: [sales] }) })).status, 204);
    assert.equal((await e.owner.patch(`/api/v1/contacts/members/${e.owner.me.member!.id}`, { departmentIds: [sales] })).status, 200);
    const acts = (c: Client, id: string) => [c.post(`/api/v1/contacts/members/${id}/force-password-change`), c.post(`/api/v1/contacts/members/${id}/sign-out-everywhere`)];
    for (const [target, expected] of [
      [s.memberId, [403, 'admin.target_super_admin']],
      [e.owner.me.member!.id, [403, 'admin.target_super_admin']],
      [outside.memberId, [403, 'directory.out_of_scope']],
    ] as const) {
      for (const res of await Promise.all(acts(h.client, target))) assert.deepEqual([res.status, code(res)], expected);
    }
    // A super admin acts on anyone but the creator.
    const creator = await s.client.post(`/api/v1/contacts/members/${e.owner.me.member!.id}/sign-out-everywhere`);
    assert.deepEqual([creator.status, code(creator)], [403, 'password_reset.creator_only']);
    assert.equal((await e.owner.get('/api/v1/me')).status, 200);
    for (const res of await Promise.all(acts(h.client, plain.memberId))) assert.equal(res.status, 204);
    const bareId = await e.bareMember('未激活', [sales]);
    const none = await e.owner.post(`/api/v1/contacts/members/${bareId}/sign-out-everywhere`);
    assert.deepEqual([none.status, code(none)], [409, 'password_reset.not_activated']);
  });

  it('no reset token or secret in any answer after the link was made, in the database, or in a log line (the /reset page included)', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/reset/corp_X.pwr_Y.${secrets[0]}` });
    assert.ok(page.statusCode > 0);
    assert.ok(secrets.length >= 5);
    const lines = log.lines();
    assert.ok(lines.some((line) => line.includes('/reset/corp_X.pwr_Y.…')));
    assert.ok(lines.some((line) => line.includes('mail sent')));
    assert.ok(lines.some((line) => line.includes('mail not sent')));
    const answers = JSON.stringify(later);
    const stored = JSON.stringify(await tablesOf(t.deps.db).selectFrom('password_resets').selectAll().execute()) + JSON.stringify(await tablesOf(t.deps.db).selectFrom('audit_log').selectAll().execute());
    for (const secret of secrets) {
      assert.ok(!answers.includes(secret), 'an answer carries a secret');
      assert.ok(!stored.includes(secret), 'the database holds a secret');
      assert.ok(lines.every((line) => !line.includes(secret)), 'a log line carries a secret');
    }
  });
});
