import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Config } from '../../src/config.ts';
import { startTestProvider, type TestProvider } from '../support/oidc.ts';
import { freePort } from '../support/ports.ts';
import { browserSkip, csrfHeaders, registerEnterprise, useConsole } from './browser.ts';

/**
 * Issue 10 item 6 in Chromium: the sign-in page of an enterprise (`/login?corp=<id>`) offers
 * 使用 <provider> 登录; the whole redirect flow runs through a real oidc-provider and back to
 * --public-url, and the member is signed in.
 */
const ZH_LABELS = { displayName: '登录按钮上的名称', issuer: '颁发者（Issuer）地址', clientId: '客户端 ID', clientSecret: '客户端密钥', claim: '携带成员身份的声明（claim）', save: /^保\s?存$/, saved: '已保存', secretKept: '已保存，留空则不修改' };
const EN_LABELS = { displayName: 'Name on the sign-in button', issuer: 'Issuer URL', clientId: 'Client ID', clientSecret: 'Client secret', claim: 'Claim carrying the member’s identity', save: 'Save', saved: 'Saved', secretKept: 'Saved; leave empty to keep it' };

describe('signing in through the enterprise identity provider in the console', { skip: browserSkip, timeout: 180_000 }, () => {
  let idp: TestProvider;
  const config: Partial<Config> = {};
  before(async () => {
    const port = await freePort();
    Object.assign(config, { port, publicUrl: `http://127.0.0.1:${port}` });
    idp = await startTestProvider([`http://127.0.0.1:${port}/api/v1/auth/oidc/callback`]);
  });
  after(() => idp.close());
  const ui = useConsole(config);

  for (const [language, button, expected] of [
    ['zh-CN', '使用 Acme SSO 登录', '通讯录'],
    ['en', 'Sign in with Acme SSO', 'Contacts'],
  ] as const) {
    it(`${language}: 使用 <provider> 登录 → the provider's page → back in the console as the member`, async () => {
      const userid = `sso_${language === 'en' ? 'en' : 'zh'}`;
      idp.people.set(userid, { sub: `idp-${userid}`, preferred_username: userid, name: 'Wang Fang' });
      const setup = await ui.page();
      const registered = await registerEnterprise(setup, { admin: 'Ada Admin', loginName: `owner_${userid}`, corp: `Acme ${language}`, shortName: 'Acme' });
      const corpId = registered.corpId;
      // The super admin configures the provider on 统一身份认证, in the language under test.
      await setup.goto('/login');
      await setup.evaluate((lng) => localStorage.setItem('banyan.lang', lng), language);
      await setup.goto('/corp/sso');
      const label = language === 'en' ? EN_LABELS : ZH_LABELS;
      await setup.getByLabel(label.displayName).fill('Acme SSO');
      await setup.getByLabel(label.issuer).fill(idp.issuer);
      await setup.getByLabel(label.clientId).fill(idp.clientId);
      await setup.getByLabel(label.clientSecret).fill(idp.clientSecret);
      assert.equal(await setup.getByLabel(label.claim).inputValue(), 'preferred_username');
      assert.equal(await setup.getByTestId('oidc-callback').textContent(), `${config.publicUrl}/api/v1/auth/oidc/callback`);
      assert.equal(await setup.getByTestId('oidc-sign-in-link').textContent(), `${new URL(setup.url()).origin}/login?corp=${corpId}`);
      await setup.getByRole('button', { name: label.save }).click();
      await setup.getByText(label.saved, { exact: true }).waitFor();
      await setup.getByLabel(label.clientSecret).and(setup.locator(`[placeholder="${label.secretKept}"]`)).waitFor();
      const headers = await csrfHeaders(setup);
      const departments = (await (await setup.request.get('/api/v1/contacts/departments')).json()) as { items: { id: string }[] };
      const member = await setup.request.post('/api/v1/contacts/members', { data: { name: 'Wang Fang', userid, departmentIds: [departments.items[0]!.id] }, headers });
      assert.equal(member.status(), 201);

      const page = await ui.page();
      await page.goto('/login');
      await page.evaluate((lng) => localStorage.setItem('banyan.lang', lng), language);
      await page.goto(`/login?corp=${corpId}`);
      await page.getByRole('link', { name: button }).click();
      await page.waitForURL((url) => url.origin === idp.issuer, { waitUntil: 'commit' });
      await page.locator('input[name="login"]').fill(userid);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.origin !== idp.issuer && url.pathname === '/', { waitUntil: 'commit' });
      await page.getByText(expected).first().waitFor();
      const me = (await (await page.request.get('/api/v1/me')).json()) as { me: { member: { name: string }; currentCorp: { id: string } } };
      assert.deepEqual([me.me.member.name, me.me.currentCorp.id], ['Wang Fang', corpId]);
    });
  }
});
