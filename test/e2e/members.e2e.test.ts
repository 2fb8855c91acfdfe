import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { startSmtpServer } from '../support/smtp.ts';
import { assertFitsPhone, browserSkip, csrfHeaders, onPhone, PASSWORD, registerEnterprise, useConsole } from './browser.ts';

/**
 * Members sign in (issue 10), in real Chromium, in both languages: an admin invites a member from
 * the drawer, the person activates on a phone-width page and signs in to /app; an admin turns on
 * joining with review, a person joins from the link, the admin approves under 待审核, the person
 * signs in. Each language's run uses names in that language's script, so the English run can
 * assert that no Chinese character shows on the console's own text.
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

const texts = {
  'zh-CN': {
    corp: '榕树成员科技有限公司',
    admin: '林森',
    member: '韩梅梅',
    joiner: '李雷',
    notInvited: '尚未邀请该成员',
    invite: /^邀\s*请$/,
    again: '重新邀请',
    revoke: '撤销邀请',
    revokedState: '邀请已撤销',
    ok: /^确\s*定$/,
    handOver: '未配置邮件服务，请复制下面的链接或二维码发给该成员（只显示这一次）',
    mailed: (email: string) => `邀请邮件已发送至 ${email}，也可以复制链接或二维码发给该成员`,
    revoked: '邀请链接已被管理员撤销，请索取新的链接',
    used: '邀请链接已被使用，请直接登录',
    loginTaken: '该登录名或手机号已被注册',
    activateTitle: (corp: string) => `加入${corp}`,
    name: '你的姓名',
    login: '登录名',
    password: '登录密码',
    confirm: '确认密码',
    signUpSubmit: '注册并加入',
    signInLogin: '手机号或登录名',
    signInPassword: '密码',
    signInSubmit: /^登\s*录$/,
    inbox: '消息',
    notActivated: '未激活',
    activated: '已激活',
    joining: '成员加入',
    enabled: '邀请成员加入',
    review: '管理员审核',
    save: /^保\s*存$/,
    linkOnce: '请复制链接或二维码发给要加入的人（只显示这一次）',
    reviewNotice: '加入需要管理员审核，审核通过后即可登录使用。',
    pending: '已提交申请，等待管理员审核',
    approve: /^通\s*过$/,
    approved: '已通过，该成员已加入企业',
    signOutEverywhere: '退出所有登录',
    signedOutEverywhere: '已退出该成员的所有登录',
  },
  en: {
    corp: 'Banyan Members Ltd',
    admin: 'Ada Admin',
    member: 'Mary Member',
    joiner: 'Joe Joiner',
    notInvited: 'This member has not been invited yet',
    invite: /^Invite$/,
    again: 'Invite again',
    revoke: 'Withdraw invitation',
    revokedState: 'The invitation was withdrawn',
    ok: /^OK$/,
    handOver: 'No mail server is set up: copy the link or QR code below for the member (shown this once)',
    mailed: (email: string) => `The invitation was mailed to ${email}; you can also copy the link or QR code for the member`,
    revoked: 'This invitation link was withdrawn by your admin; ask for a new one',
    used: 'This invitation link has already been used; sign in instead',
    loginTaken: 'This login name or phone number is already registered',
    activateTitle: (corp: string) => `Join ${corp}`,
    name: 'Your name',
    login: 'Login name',
    password: 'Password',
    confirm: 'Confirm password',
    signUpSubmit: 'Sign up and join',
    signInLogin: 'Phone or login name',
    signInPassword: 'Password',
    signInSubmit: /^Sign in$/,
    inbox: 'Messages',
    notActivated: 'Not activated',
    activated: 'Activated',
    joining: 'Joining',
    enabled: 'Let people join by link',
    review: 'Admin review',
    save: /^Save$/,
    linkOnce: 'Copy the link or QR code for the people who should join (shown this once)',
    reviewNotice: 'An admin reviews each request; once approved, you can sign in.',
    pending: 'Request sent: waiting for an admin’s approval',
    approve: /^Approve$/,
    approved: 'Approved: the person has joined the enterprise',
    signOutEverywhere: 'Sign out everywhere',
    signedOutEverywhere: 'The member was signed out everywhere',
  },
} as const;
type Language = keyof typeof texts;

async function useLanguage(page: Page, language: Language): Promise<void> {
  await page.goto('/login');
  await page.evaluate((lng) => localStorage.setItem('banyan.lang', lng), language);
}

const registerVia = (page: Page, language: Language, loginName: string) =>
  registerEnterprise(page, { admin: texts[language].admin, loginName, corp: texts[language].corp, shortName: texts[language].corp.slice(0, 6) });

/** The page's own text in the wrong language: CJK on an English page, keys without text on a Chinese one. */
async function otherLanguage(page: Page, language: Language, userData: string[]): Promise<string[]> {
  if (language === 'zh-CN') return page.evaluate(() => (window as unknown as { banyanMissingKeys: string[] }).banyanMissingKeys);
  const text = await page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const node of body.querySelectorAll('[data-testid="language-switch"]')) node.remove();
    return body.innerText;
  });
  return text.split('\n').filter((line) => CJK.test(line) && !userData.some((d) => line.includes(d)));
}

/** A phone: 375 px wide, and nothing wider than the screen. */

/** The enterprise's root department and a member (not activated) in it, through the API. */
async function addMember(page: Page, name: string, userid: string): Promise<void> {
  const root = ((await (await page.request.get('/api/v1/contacts/departments')).json()) as { items: { id: string }[] }).items[0]!.id;
  const made = await page.request.post('/api/v1/contacts/members', { data: { name, userid, email: `${userid}@example.com`, departmentIds: [root] }, headers: await csrfHeaders(page) });
  assert.equal(made.status(), 201, await made.text());
}

async function signUpOnLinkPage(page: Page, language: Language, name: string, loginName: string): Promise<void> {
  const x = texts[language];
  await page.getByLabel(x.name).fill(name);
  await page.getByLabel(x.login, { exact: true }).fill(loginName);
  await page.getByLabel(x.password, { exact: true }).fill(PASSWORD);
  await page.getByLabel(x.confirm, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: x.signUpSubmit }).click();
}

async function signIn(page: Page, language: Language, loginName: string): Promise<void> {
  const x = texts[language];
  await page.goto('/login');
  await page.getByLabel(x.signInLogin).fill(loginName);
  await page.getByLabel(x.signInPassword, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: x.signInSubmit }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  await page.goto('/app');
  await page.getByText(x.inbox, { exact: true }).first().waitFor();
  assert.equal(new URL(page.url()).pathname, '/app');
}

describe('members sign in: invitation and joining in the console', { skip: browserSkip, timeout: 300_000 }, () => {
  const ui = useConsole();

  for (const language of ['zh-CN', 'en'] as const) {
    const x = texts[language];
    const suffix = language === 'en' ? 'en' : 'zh';

    it(`${language}: invite from the drawer → the old link is void once re-sent → activate at 375 px → the member signs in and sees /app; the list shows ${x.activated} and the counts move`, async () => {
      const admin = await ui.page();
      await useLanguage(admin, language);
      await registerVia(admin, language, `inv_admin_${suffix}`);
      await addMember(admin, x.member, `member-${suffix}`);

      await admin.goto('/contacts');
      const table = admin.locator('.ant-table');
      const row = table.locator('tr', { hasText: x.member });
      assert.equal(await row.locator('.ant-tag').innerText(), x.notActivated);
      assert.equal(await admin.getByTestId('count-not_activated').innerText(), '1');
      assert.equal(await admin.getByTestId('count-activated').innerText(), '1');

      // 邀请, then 重新邀请: the first link is void, the second works.
      await row.getByText(x.member).click();
      const drawer = admin.locator('.ant-drawer');
      assert.equal(await drawer.getByTestId('invitation-state').innerText(), x.notInvited);
      assert.equal(await drawer.getByTestId('member-activation').innerText(), x.notActivated);
      await drawer.getByRole('button', { name: x.invite }).click();
      await drawer.getByTestId('invitation-delivery').getByText(x.handOver, { exact: true }).waitFor();
      const first = await drawer.getByTestId('invitation-link-address').innerText();
      await drawer.getByTestId('invitation-link').locator('canvas').waitFor();
      await drawer.getByRole('button', { name: x.again }).click();
      await admin.waitForFunction((old) => document.querySelector('[data-testid="invitation-link-address"]')?.textContent !== old, first);
      const address = await drawer.getByTestId('invitation-link-address').innerText();
      assert.match(address, /^http:\/\/127\.0\.0\.1:\d+\/activate\/corp_[^.]+\.inv_[^.]+\.[A-Za-z0-9_-]+$/);
      if (language === 'en') assert.deepEqual(await otherLanguage(admin, language, [x.corp, x.admin]), []);

      const person = await ui.page();
      await useLanguage(person, language);
      await onPhone(person);
      await person.goto(first);
      assert.equal(await person.getByTestId('link-refusal').innerText(), x.revoked);
      await assertFitsPhone(person);

      await person.goto(address);
      await person.getByRole('heading', { name: x.activateTitle(x.corp) }).waitFor();
      await assertFitsPhone(person);
      assert.deepEqual(await otherLanguage(person, language, [x.corp, x.member]), []);
      // A login name already registered (the admin's) is refused under its field; then a free one.
      await signUpOnLinkPage(person, language, x.member, `inv_admin_${suffix}`);
      const loginField = person.locator('.ant-form-item', { has: person.getByLabel(x.login, { exact: true }) });
      await loginField.locator('.ant-form-item-explain-error').getByText(x.loginTaken, { exact: true }).waitFor();
      assert.equal(await person.locator('.ant-alert-error').count(), 0);
      await person.getByLabel(x.login, { exact: true }).fill(`member_${suffix}`);
      await person.getByRole('button', { name: x.signUpSubmit }).click();
      await person.waitForURL((url) => url.pathname === '/app');
      await person.getByText(x.inbox, { exact: true }).first().waitFor();
      await assertFitsPhone(person);

      // The link is spent: opening it again says so.
      await person.goto(address);
      assert.equal(await person.getByTestId('link-refusal').innerText(), x.used);

      // Signing in again, on another device.
      const later = await ui.page();
      await useLanguage(later, language);
      await signIn(later, language, `member_${suffix}`);

      await admin.goto('/contacts');
      await table.locator('tr', { hasText: x.member }).locator('.ant-tag').getByText(x.activated, { exact: true }).waitFor();
      assert.equal(await admin.getByTestId('count-not_activated').innerText(), '0');
      assert.equal(await admin.getByTestId('count-activated').innerText(), '2');
      await admin.getByTestId('activation-filter').getByText(x.activated, { exact: true }).click();
      await table.getByText(x.admin).waitFor();
      assert.deepEqual((await table.locator('tbody tr td:first-child').allInnerTexts()).map((s) => s.trim()).sort(), [x.admin, x.member].sort());
      await admin.getByTestId('activation-filter').getByText(x.notActivated, { exact: true }).click();
      await table.getByText(x.member).waitFor({ state: 'detached' });

      // 退出所有登录 from the activated member's drawer (after a confirmation) ends both of the member's sessions.
      await admin.getByTestId('activation-filter').getByText(x.activated, { exact: true }).click();
      await table.locator('tr', { hasText: x.member }).getByText(x.member).click();
      await drawer.getByRole('button', { name: x.signOutEverywhere }).click();
      await admin.locator('.ant-popconfirm').getByRole('button', { name: x.ok }).click();
      await admin.getByText(x.signedOutEverywhere, { exact: true }).waitFor();
      for (const session of [person, later]) assert.equal((await session.request.get('/api/v1/me')).status(), 401);
    });

    it(`${language}: ${x.revoke}: the drawer says it was withdrawn, the link says so in one sentence, and 重新邀请 makes a new one`, async () => {
      const admin = await ui.page();
      await useLanguage(admin, language);
      await registerVia(admin, language, `rev_admin_${suffix}`);
      await addMember(admin, x.member, `revoked-${suffix}`);
      await admin.goto('/contacts');
      await admin.locator('.ant-table').getByText(x.member).click();
      const drawer = admin.locator('.ant-drawer');
      await drawer.getByRole('button', { name: x.invite }).click();
      const address = await drawer.getByTestId('invitation-link-address').innerText();
      await drawer.getByRole('button', { name: x.revoke }).click();
      await admin.locator('.ant-popconfirm').getByRole('button', { name: x.ok }).click();
      await drawer.getByTestId('invitation-state').getByText(x.revokedState, { exact: true }).waitFor();
      assert.equal(await drawer.getByTestId('invitation-link').count(), 0);
      assert.equal(await drawer.getByRole('button', { name: x.revoke }).count(), 0);
      await drawer.getByRole('button', { name: x.again }).waitFor();

      const person = await ui.page();
      await useLanguage(person, language);
      await onPhone(person);
      await person.goto(address);
      assert.equal(await person.getByTestId('link-refusal').innerText(), x.revoked);
      await assertFitsPhone(person);
      assert.deepEqual(await otherLanguage(person, language, []), []);
    });

    it(`${language}: joining with review: the admin turns it on, a person joins from the link at 375 px and waits, the admin approves under 待审核, the person signs in`, async () => {
      const admin = await ui.page();
      await useLanguage(admin, language);
      await registerVia(admin, language, `join_admin_${suffix}`);
      await admin.goto('/contacts/joining');
      await admin.getByRole('heading', { name: x.joining }).waitFor();
      const card = admin.getByTestId('join-link-card');
      await card.getByLabel(x.enabled).click();
      await card.getByLabel(x.review).click();
      await card.getByRole('button', { name: x.save }).click();
      await card.getByText(x.linkOnce, { exact: true }).waitFor();
      const address = await card.getByTestId('join-link-address').innerText();
      assert.match(address, /^http:\/\/127\.0\.0\.1:\d+\/join\/corp_[^.]+\.jnl_[^.]+\.[A-Za-z0-9_-]+$/);
      await card.getByTestId('join-link').locator('canvas').waitFor();
      if (language === 'en') assert.deepEqual(await otherLanguage(admin, language, [x.corp, x.admin]), []);

      const person = await ui.page();
      await useLanguage(person, language);
      await onPhone(person);
      await person.goto(address);
      await person.getByRole('heading', { name: x.activateTitle(x.corp) }).waitFor();
      await person.getByText(x.reviewNotice, { exact: true }).waitFor();
      await assertFitsPhone(person);
      assert.deepEqual(await otherLanguage(person, language, [x.corp]), []);
      await signUpOnLinkPage(person, language, x.joiner, `joiner_${suffix}`);
      assert.equal(await person.getByTestId('join-pending').innerText(), x.pending);
      await assertFitsPhone(person);

      await admin.reload();
      const requests = admin.getByTestId('join-requests');
      const row = requests.locator('tbody tr', { hasText: x.joiner });
      await row.waitFor();
      assert.deepEqual((await row.locator('td').allInnerTexts()).slice(0, 3), [x.joiner, `joiner_${suffix}`, x.corp]);
      await row.getByRole('button', { name: x.approve }).click();
      await admin.getByText(x.approved, { exact: true }).waitFor();
      await row.waitFor({ state: 'detached' });

      const later = await ui.page();
      await useLanguage(later, language);
      await signIn(later, language, `joiner_${suffix}`);
      await admin.goto('/contacts');
      await admin.locator('.ant-table tr', { hasText: x.joiner }).locator('.ant-tag').getByText(x.activated, { exact: true }).waitFor();
    });
  }
});

// A real SMTP server in this process, started before the console so the server sends through it.
const smtp = browserSkip ? undefined : await startSmtpServer();

describe('members sign in: an invitation mailed through SMTP', { skip: browserSkip, timeout: 300_000 }, () => {
  const ui = useConsole({ smtpUrl: smtp?.url });
  after(() => smtp?.close());

  for (const language of ['zh-CN', 'en'] as const) {
    const x = texts[language];
    const suffix = language === 'en' ? 'mail-en' : 'mail-zh';

    it(`${language}: the drawer says the invitation was mailed; the link in the received message activates the member`, async () => {
      const admin = await ui.page();
      await useLanguage(admin, language);
      await registerVia(admin, language, `mail_admin_${suffix.replace('-', '_')}`);
      await addMember(admin, x.member, suffix);
      await admin.goto('/contacts');
      await admin.locator('.ant-table').getByText(x.member).click();
      const drawer = admin.locator('.ant-drawer');
      await drawer.getByRole('button', { name: x.invite }).click();
      await drawer.getByTestId('invitation-delivery').getByText(x.mailed(`${suffix}@example.com`), { exact: true }).waitFor();

      // The message is in the enterprise's language (zh-CN unless changed), whatever the admin reads.
      const mail = smtp!.messages.find((m) => m.to.includes(`${suffix}@example.com`))!;
      assert.equal(mail.subject, `${x.corp} 邀请你加入企业`);
      const path = new URL(/https?:\/\/\S+\/activate\/\S+/.exec(mail.text)![0]).pathname;
      assert.equal(new URL(await drawer.getByTestId('invitation-link-address').innerText()).pathname, path);

      const person = await ui.page();
      await useLanguage(person, language);
      await onPhone(person);
      await person.goto(path);
      await person.getByRole('heading', { name: x.activateTitle(x.corp) }).waitFor();
      await signUpOnLinkPage(person, language, x.member, suffix.replace('-', '_'));
      await person.waitForURL((url) => url.pathname === '/app');
      await person.getByText(x.inbox, { exact: true }).first().waitFor();
      await assertFitsPhone(person);
    });
  }
});
