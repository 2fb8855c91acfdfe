import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type Client, type Me, type RegisteredClient, type TestApp } from '../../../test/support/app.ts';
import { capturedLogger, startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp.ts';
import { tablesOf } from '../../../test/support/tables.ts';

const DAY = 24 * 3600_000;

interface Created {
  invitation: { id: string; memberId: string; status: string; createdAt: string; expiresAt: string };
  link: { path: string; url: string };
  delivery: { delivered: boolean; reason?: string };
}

describeEachDialect('invitations and joining', (use) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  const log = capturedLogger();
  /** Every body answered after a link was made, to look for its secret. */
  const later: unknown[] = [];
  const secrets: string[] = [];
  before(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp(use(), { logLevel: 'info', smtpUrl: smtp.url, publicUrl: 'https://banyan.example.com' }, undefined, undefined, log.stream);
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  let n = 0;
  async function addMember(admin: RegisteredClient, extra: Record<string, unknown> = {}): Promise<string> {
    n++;
    const root = (await admin.get<{ items: { id: string }[] }>('/api/v1/contacts/departments')).body.items[0]!.id;
    const res = await admin.post<{ id: string }>('/api/v1/contacts/members', { name: `成员${n}`, userid: `member${n}`, departmentIds: [root], ...extra });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id;
  }
  async function invite(admin: Client, memberId: string): Promise<Created> {
    const res = await admin.post<Created>(`/api/v1/contacts/members/${memberId}/invitation`);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    secrets.push(res.body.link.path.split('.').at(-1)!);
    return res.body;
  }
  const tokenOf = (created: Created) => created.link.path.slice('/activate/'.length);
  const track = <R extends { body: unknown }>(res: R): R => {
    later.push(res.body);
    return res;
  };
  function signUp(token: string, loginName: string, name = '新成员') {
    return t.client().post<{ me: Me }>('/api/v1/invitations/accept', { token, signUp: { name, loginName, password: 'password123' } });
  }

  it('item 1: a new member is 未激活; invited, the link signs up an account that becomes the member (已激活) and enters /app', async () => {
    const admin = await t.register({ corpName: '榕树科技' });
    const memberId = await addMember(admin);
    const before = await admin.get<{ activation: string; linked: boolean }>(`/api/v1/contacts/members/${memberId}`);
    assert.equal(before.body.activation, 'not_activated');
    const counts = await admin.get('/api/v1/contacts/members/activation-counts');
    assert.deepEqual(counts.body, { not_activated: 1, activated: 1, disabled: 0, departed: 0 });

    const created = await invite(admin, memberId);
    assert.equal(created.invitation.status, 'pending');
    assert.equal(created.invitation.expiresAt, new Date(t.clock.now() + 7 * DAY).toISOString());
    assert.match(created.link.path, /^\/activate\/corp_[0-9A-Z]{26}\.inv_[0-9A-Z]{26}\.[A-Za-z0-9_-]{43}$/);
    assert.equal(created.link.url, `https://banyan.example.com${created.link.path}`);
    // No e-mail address: not mailed, the admin hands it over.
    assert.deepEqual(created.delivery, { delivered: false, reason: 'no_address' });

    const preview = track(await t.client().post('/api/v1/invitations/preview', { token: tokenOf(created) }));
    assert.deepEqual(preview.body, { corpName: '榕树科技', memberName: `成员${n}`, expiresAt: created.invitation.expiresAt });

    const accepted = track(await signUp(tokenOf(created), `joiner${n}`, '李雷'));
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal(accepted.body.me.currentCorp?.name, '榕树科技');
    assert.equal(accepted.body.me.member?.id, memberId);
    const after = track(await admin.get<{ activation: string; linked: boolean }>(`/api/v1/contacts/members/${memberId}`));
    assert.equal(after.body.activation, 'activated');
    assert.equal(after.body.linked, true);
    const latest = track(await admin.get<{ invitation: { status: string } }>(`/api/v1/contacts/members/${memberId}/invitation`));
    assert.equal(latest.body.invitation.status, 'used');
    const activated = track(await admin.get<{ items: { id: string }[] }>('/api/v1/contacts/members?activation=activated'));
    assert.ok(activated.body.items.some((m) => m.id === memberId));
    const pending = track(await admin.get<{ items: { id: string }[] }>('/api/v1/contacts/members?activation=not_activated'));
    assert.deepEqual(pending.body.items, []);
  });

  it('item 2: a link expires 7 days after it was made, at that exact instant', async () => {
    const admin = await t.register();
    const created = await invite(admin, await addMember(admin));
    const start = t.clock.now();
    t.clock.set(start + 7 * DAY - 1);
    assert.equal((await t.client().post('/api/v1/invitations/preview', { token: tokenOf(created) })).status, 200);
    t.clock.set(start + 7 * DAY);
    const expired = track(await signUp(tokenOf(created), `late${n}`));
    assert.equal(expired.status, 410);
    assert.deepEqual(expired.body, { error: { code: 'invitation.expired', message: 'This invitation link has expired; ask your admin to invite you again.' } });
    t.clock.set(start);
  });

  it('item 2: a link used twice says so, and the second account is not created', async () => {
    const admin = await t.register();
    const created = await invite(admin, await addMember(admin));
    assert.equal((await signUp(tokenOf(created), `first${n}`)).status, 200);
    const again = track(await signUp(tokenOf(created), `second${n}`));
    assert.equal(again.status, 410);
    assert.equal((again.body as unknown as { error: { message: string } }).error.message, 'This invitation link has already been used; sign in instead.');
    assert.equal(await tablesOf(t.deps.db).selectFrom('accounts').select('id').where('login_name', '=', `second${n}`).executeTakeFirst(), undefined);
  });

  it('item 2: a revoked link, and a link voided by inviting again, say so; the new one works', async () => {
    const admin = await t.register();
    const memberId = await addMember(admin);
    const first = await invite(admin, memberId);
    const second = await invite(admin, memberId);
    const voided = track(await signUp(tokenOf(first), `voided${n}`));
    assert.equal((voided.body as unknown as { error: { code: string } }).error.code, 'invitation.revoked');
    assert.equal(track(await admin.delete(`/api/v1/contacts/members/${memberId}/invitation`)).status, 204);
    const revoked = track(await signUp(tokenOf(second), `revoked${n}`));
    assert.equal(revoked.status, 410);
    assert.equal((revoked.body as unknown as { error: { message: string } }).error.message, 'This invitation link was withdrawn by your admin; ask for a new one.');
    assert.equal((await admin.delete(`/api/v1/contacts/members/${memberId}/invitation`)).status, 404);
    const third = await invite(admin, memberId);
    assert.equal((await signUp(tokenOf(third), `third${n}`)).status, 200);
    // A wrong secret for a real invitation is no link at all.
    const forged = await t.client().post('/api/v1/invitations/preview', { token: `${tokenOf(third).split('.').slice(0, 2).join('.')}.${'A'.repeat(43)}` });
    assert.equal((forged.body as { error: { code: string } }).error.code, 'invitation.invalid');
  });

  it('item 2: a link for a member who has since departed is refused; a departed member cannot be invited', async () => {
    const admin = await t.register();
    const memberId = await addMember(admin);
    const created = await invite(admin, memberId);
    assert.equal((await admin.post(`/api/v1/contacts/members/${memberId}/depart`)).status, 204);
    const refused = track(await signUp(tokenOf(created), `gone${n}`));
    assert.equal(refused.status, 409);
    assert.equal((refused.body as unknown as { error: { code: string } }).error.code, 'directory.member_departed');
    const again = await admin.post(`/api/v1/contacts/members/${memberId}/invitation`);
    assert.equal((again.body as { error: { code: string } }).error.code, 'directory.member_departed');
  });

  it('item 2: an account already linked to another member of the same enterprise is refused', async () => {
    const login = `owner${n}x`;
    const admin = await t.register({ loginName: login });
    const created = await invite(admin, await addMember(admin));
    const res = track(await t.client().post('/api/v1/invitations/accept', { token: tokenOf(created), signIn: { login, password: 'password123' } }));
    assert.equal(res.status, 409);
    assert.deepEqual(res.body, { error: { code: 'directory.account_taken', message: 'This account is already linked to another member of the enterprise.', details: { memberId: created.invitation.memberId } } });
  });

  it('item 2: the same account is a member of two enterprises', async () => {
    const a = await t.register({ corpName: '甲企业' });
    const login = `both${n}x`;
    const b = await t.register({ corpName: '乙企业', loginName: login });
    const created = await invite(a, await addMember(a));
    const res = await t.client().post<{ me: Me }>('/api/v1/invitations/accept', { token: tokenOf(created), signIn: { login, password: 'password123' } });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.me.corps.map((c) => c.name).sort(), ['乙企业', '甲企业'].sort());
    assert.equal(res.body.me.currentCorp?.name, '甲企业');
    assert.equal(b.me.corps.length, 1);
  });

  it('item 3: with SMTP the invitation is mailed in the enterprise’s language (English here)', async () => {
    const admin = await t.register({ corpName: 'Banyan Tech' });
    assert.equal((await admin.patch('/api/v1/corp', { language: 'en' })).status, 200);
    const created = await invite(admin, await addMember(admin, { name: 'Li Lei', email: 'li.lei@example.com' }));
    assert.deepEqual(created.delivery, { delivered: true });
    const mail = smtp.messages.at(-1)!;
    assert.deepEqual(mail.to, ['li.lei@example.com']);
    assert.equal(mail.subject, 'Banyan Tech invites you to join');
    assert.ok(mail.text.includes(`\n${created.link.url}\n`));
  });

  it('item 4: the join link without review: the person joins the chosen department at once', async () => {
    const admin = await t.register({ corpName: '丙企业' });
    const dept = (await admin.post<{ id: string }>('/api/v1/contacts/departments', { parentId: (await admin.get<{ items: { id: string }[] }>('/api/v1/contacts/departments')).body.items[0]!.id, name: '销售部' })).body.id;
    const on = await admin.put<{ settings: { enabled: boolean; review: boolean; departmentName: string }; link: { path: string } }>('/api/v1/contacts/join-link', { enabled: true, review: false, departmentId: dept });
    assert.equal(on.status, 200);
    assert.deepEqual({ enabled: on.body.settings.enabled, review: on.body.settings.review, departmentName: on.body.settings.departmentName }, { enabled: true, review: false, departmentName: '销售部' });
    secrets.push(on.body.link.path.split('.').at(-1)!);
    const token = on.body.link.path.slice('/join/'.length);
    const settings = track(await admin.get('/api/v1/contacts/join-link'));
    assert.ok(!JSON.stringify(settings.body).includes('path'));
    assert.deepEqual(track(await t.client().post('/api/v1/join/preview', { token })).body, { corpName: '丙企业', departmentName: '销售部', review: false });
    const joined = track(await t.client().post<{ outcome: string; me: Me }>('/api/v1/join', { token, signUp: { name: '韩梅梅', loginName: `hanmeimei${n}`, password: 'password123' } }));
    assert.equal(joined.body.outcome, 'joined');
    assert.equal(joined.body.me.currentCorp?.name, '丙企业');
    const member = await tablesOf(t.deps.db).selectFrom('members').select(['userid', 'main_department_id']).where('id', '=', joined.body.me.member!.id).executeTakeFirstOrThrow();
    assert.deepEqual(member, { userid: `hanmeimei${n}`, main_department_id: dept });

    // Rotation: the old link stops working at once.
    const rotated = await admin.post<{ link: { path: string } }>('/api/v1/contacts/join-link/rotate');
    secrets.push(rotated.body.link.path.split('.').at(-1)!);
    const old = track(await t.client().post('/api/v1/join/preview', { token }));
    assert.deepEqual(old.body, { error: { code: 'join.link_invalid', message: 'This join link is no longer valid; ask the enterprise for its current link.' } });
  });

  it('item 4: with 管理员审核 the person waits in 待审核 until an admin approves; a rejected one never joins', async () => {
    const admin = await t.register({ corpName: '丁企业' });
    const root = (await admin.get<{ items: { id: string }[] }>('/api/v1/contacts/departments')).body.items[0]!.id;
    const on = await admin.put<{ link: { path: string } }>('/api/v1/contacts/join-link', { enabled: true, review: true, departmentId: root });
    secrets.push(on.body.link.path.split('.').at(-1)!);
    const token = on.body.link.path.slice('/join/'.length);
    const asked = track(await t.client().post<{ outcome: string; me: Me }>('/api/v1/join', { token, signUp: { name: '王五', loginName: `wangwu${n}`, password: 'password123' } }));
    assert.equal(asked.body.outcome, 'pending');
    assert.equal(asked.body.me.currentCorp, null);
    track(await t.client().post('/api/v1/join', { token, signUp: { name: '赵六', loginName: `zhaoliu${n}`, password: 'password123' } }));
    const list = track(await admin.get<{ items: { id: string; name: string; loginName: string; decidable: boolean }[] }>('/api/v1/contacts/join-requests'));
    assert.deepEqual(list.body.items.map((r) => [r.name, r.loginName, r.decidable]), [['王五', `wangwu${n}`, true], ['赵六', `zhaoliu${n}`, true]]);
    assert.equal((await admin.post(`/api/v1/contacts/join-requests/${list.body.items[0]!.id}/approve`)).status, 204);
    assert.equal((await admin.post(`/api/v1/contacts/join-requests/${list.body.items[1]!.id}/reject`)).status, 204);
    const twice = await admin.post(`/api/v1/contacts/join-requests/${list.body.items[0]!.id}/approve`);
    assert.equal((twice.body as { error: { code: string } }).error.code, 'join.request_decided');
    const ww = await t.client().post<{ me: Me }>('/api/v1/auth/sign-in', { login: `wangwu${n}`, password: 'password123' });
    assert.equal(ww.body.me.currentCorp?.name, '丁企业');
    const zl = await t.client().post<{ me: Me }>('/api/v1/auth/sign-in', { login: `zhaoliu${n}`, password: 'password123' });
    assert.equal(zl.body.me.currentCorp, null);
    assert.deepEqual((await admin.get<{ items: unknown[] }>('/api/v1/contacts/join-requests')).body.items, []);
    // Turned off: the link says so.
    await admin.put('/api/v1/contacts/join-link', { enabled: false, review: true, departmentId: root });
    assert.equal((track(await t.client().post('/api/v1/join/preview', { token })).body as { error: { code: string } }).error.code, 'join.link_invalid');
  });

  it('no link secret in any answer after the link was made, nor in any log line (the /activate page included)', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/activate/corp_X.inv_Y.${secrets[0]}` });
    assert.ok(page.statusCode > 0);
    assert.ok(secrets.length >= 10);
    const answers = JSON.stringify(later);
    const lines = log.lines();
    assert.ok(lines.some((line) => line.includes('/activate/corp_X.inv_Y.…')));
    assert.ok(lines.some((line) => line.includes('mail sent')));
    for (const secret of secrets) {
      assert.ok(!answers.includes(secret), 'an answer carries a secret');
      assert.ok(lines.every((line) => !line.includes(secret)), 'a log line carries a secret');
    }
    const stored = JSON.stringify(await tablesOf(t.deps.db).selectFrom('member_invitations').selectAll().execute()) + JSON.stringify(await tablesOf(t.deps.db).selectFrom('join_links').selectAll().execute());
    for (const secret of secrets) assert.ok(!stored.includes(secret), 'the database holds a secret');
  });
});
