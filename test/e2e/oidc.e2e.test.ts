import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Config } from '../../src/config.ts';
import { startTestProvider, type TestProvider } from '../support/oidc.ts';
import { freePort } from '../support/ports.ts';
import { browserSkip, useConsole } from './browser.ts';

const PASSWORD = 'Banyan-2024!';

/**
 * Issue 10 item 6 in Chromium: the sign-in page of an enterprise (`/login?corp=<id>`) offers
 * 使用 <provider> 登录; the whole redirect flow runs through a real oidc-provider and back to
 * --public-url, and the member is signed in.
 */
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
      const registered = await setup.request.post('/api/v1/register', {
        data: { account: { name: 'Ada Admin', loginName: `owner_${userid}`, password: PASSWORD }, corp: { name: `Acme ${language}`, shortName: 'Acme', industry: 'general' } },
      });
      assert.equal(registered.status(), 201);
      const corpId = ((await registered.json()) as { me: { currentCorp: { id: string } } }).me.currentCorp.id;
      const headers = { 'x-csrf-token': (await setup.context().cookies()).find((c) => c.name === 'banyan_csrf')!.value };
      const saved = await setup.request.put('/api/v1/corp/sso/oidc', {
        data: { displayName: 'Acme SSO', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, claim: 'preferred_username', matchBy: 'userid', autoCreate: false },
        headers,
      });
      assert.equal(saved.status(), 200, await saved.text());
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
