import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { CallbackReceiver, WebhookReceiver } from '../../src/modules/hooks/testing/index.ts';
import { browserSkip, openedDialog, useConsole } from './browser.ts';

const PASSWORD = 'Banyan-2024!';

const texts = {
  'zh-CN': {
    callbackLink: '接收消息',
    random: /^随机获取$/,
    save: /^保\s?存$/,
    verificationFailed: '回调 URL 验证失败：该地址须对 GET 请求原样返回解密后的 echostr，设置未保存',
    saved: 'URL 验证通过，已保存',
    refresh: /^刷\s?新$/,
    delivered: '已送达',
    replay: '重新推送',
    ok: /^确\s?定$/,
    replayed: '已重新加入推送队列',
    syncNone: '尚未设置 Secret',
    reveal: '查看 Secret',
    revealConfirm: 'Secret 只保存摘要，查看即生成新的 Secret',
    secretTitle: '通讯录同步 Secret',
    addWebhook: '添加 Webhook',
    url: '推送地址',
    createParty: '新增部门',
    webhookSecret: 'Webhook 签名密钥',
    done: '我已保存',
  },
  en: {
    callbackLink: 'Callbacks',
    random: /^Generate$/,
    save: /^Save$/,
    verificationFailed: 'The callback URL did not pass verification: it must answer the GET with the decrypted echostr, bare. Nothing was saved',
    saved: 'The URL passed verification and was saved',
    refresh: /^Refresh$/,
    delivered: 'Delivered',
    replay: 'Send again',
    ok: /^OK$/,
    replayed: 'Queued to be sent again',
    syncNone: 'No secret yet',
    reveal: 'View secret',
    revealConfirm: 'Only a digest of the secret is kept, so viewing it makes a new one',
    secretTitle: 'Contacts-sync secret',
    addWebhook: 'Add webhook',
    url: 'Endpoint URL',
    createParty: 'Department added',
    webhookSecret: 'Webhook signing secret',
    done: 'I have saved it',
  },
} as const;

/** Refreshes the delivery log until it shows `text` (the worker sends after the outbox delivered). */
async function logShows(page: Page, refresh: RegExp, text: string, times = 1): Promise<void> {
  const log = page.getByTestId('delivery-log');
  for (let attempt = 1; ; attempt++) {
    await log.getByRole('button', { name: refresh }).click();
    try {
      await log.getByText(text, { exact: true }).nth(times - 1).waitFor({ timeout: 2_000 });
      return;
    } catch (error) {
      if (attempt === 30) throw error;
    }
  }
}

/**
 * Issue 17's console in zh-CN and English: 接收消息 of an app (随机获取 makes a valid Token and
 * EncodingAESKey; a URL that fails the handshake is not saved; the delivery log and 重新推送), 通讯录同步
 * (the secret after a confirmation, shown once, and it gets a token), and a webhook whose receiver
 * verifies the signature.
 */
describe('接收消息, 通讯录同步 and Webhook console', { skip: browserSkip, timeout: 300_000 }, () => {
  const ui = useConsole();
  const receivers: { stop(): Promise<void> }[] = [];
  after(async () => {
    for (const r of receivers) await r.stop();
  });

  for (const language of ['zh-CN', 'en'] as const) {
    it(`${language}: 接收消息 with 随机获取, the handshake and the delivery log; 通讯录同步; a signed webhook`, async () => {
      const text = texts[language];
      const page = await ui.page();
      const registered = await page.request.post('/api/v1/register', {
        data: { account: { name: 'Ada Admin', loginName: `hooks_${language === 'en' ? 'en' : 'zh'}`, password: PASSWORD }, corp: { name: `Hooks ${language}`, shortName: 'Hooks', industry: 'general' } },
      });
      assert.equal(registered.status(), 201);
      const corpId = ((await registered.json()) as { me: { currentCorp: { id: string } } }).me.currentCorp.id;
      const headers = { 'x-csrf-token': (await page.context().cookies()).find((c) => c.name === 'banyan_csrf')!.value };
      const departments = (await (await page.request.get('/api/v1/contacts/departments')).json()) as { items: { id: string }[] };
      const root = departments.items[0]!.id;
      const app = await page.request.post('/api/v1/apps', { data: { name: 'HR 同步', description: '', visibleRange: { memberIds: [], departmentIds: [root], tagIds: [] } }, headers });
      const appId = ((await app.json()) as { app: { id: string } }).app.id;
      await page.goto('/login');
      await page.evaluate((lng) => localStorage.setItem('banyan.lang', lng), language);

      // 接收消息: from the app's row.
      await page.goto('/apps');
      await page.getByRole('row', { name: /HR 同步/ }).getByRole('link', { name: text.callbackLink }).click();
      await page.waitForURL((url) => url.pathname === `/apps/${appId}/callback`);
      const token = page.getByLabel('Token', { exact: true });
      const aesKey = page.getByLabel('EncodingAESKey', { exact: true });
      await page.getByTestId('random-token').click();
      await page.getByTestId('random-aes-key').click();
      const tokenValue = await token.inputValue();
      const keyValue = await aesKey.inputValue();
      assert.match(tokenValue, /^[A-Za-z0-9]{32}$/);
      assert.match(keyValue, /^[A-Za-z0-9]{43}$/);
      const rx = await new CallbackReceiver(corpId, tokenValue, keyValue).start();
      receivers.push(rx);
      rx.wrongEcho = true;
      await page.getByLabel('URL', { exact: true }).fill(rx.url);
      await page.getByRole('button', { name: text.save }).click();
      await page.getByText(text.verificationFailed).waitFor();
      assert.deepEqual(await (await page.request.get(`/api/v1/apps/${appId}/callback`)).json(), { callback: null });
      rx.wrongEcho = false;
      await page.getByRole('button', { name: text.save }).click();
      await page.getByText(text.saved).waitFor();

      assert.equal((await page.request.post('/api/v1/contacts/departments', { data: { parentId: root, name: '市场部' }, headers })).status(), 201);
      await ui.delivered();
      await logShows(page, text.refresh, text.delivered);
      await page.getByTestId('delivery-log').getByText('change_contact/create_party').waitFor();
      await page.getByTestId('delivery-log').getByRole('button', { name: text.replay }).click();
      await page.locator('.ant-popover').getByRole('button', { name: text.ok }).click();
      await page.getByText(text.replayed).waitFor();
      await logShows(page, text.refresh, text.delivered);
      assert.equal(rx.received.length >= 1, true);
      assert.deepEqual(rx.problems, []);

      // 通讯录同步: the secret after a confirmation, once; it gets a token.
      await page.goto('/tools/contacts-sync');
      await page.getByText(text.syncNone).waitFor();
      await page.getByRole('button', { name: text.reveal }).click();
      await page.getByText(text.revealConfirm).waitFor();
      await page.locator('.ant-popover').getByRole('button', { name: text.ok }).click();
      const secretDialog = await openedDialog(page);
      await secretDialog.getByText(text.secretTitle).waitFor();
      const secret = (await secretDialog.getByTestId('sync-secret').textContent())!.trim();
      const token2 = (await (await page.request.get(`/cgi-bin/gettoken?corpid=${corpId}&corpsecret=${encodeURIComponent(secret)}`)).json()) as { errcode: number };
      assert.equal(token2.errcode, 0);
      await secretDialog.getByRole('button', { name: text.done }).click();

      // Webhook: its secret shown once; the receiver verifies the signature of what it gets.
      const hook = await new WebhookReceiver().start();
      receivers.push(hook);
      await page.goto('/tools/webhooks');
      await page.getByRole('button', { name: text.addWebhook }).click();
      const dialog = await openedDialog(page);
      await dialog.getByLabel(text.url).fill(hook.url);
      await dialog.getByRole('checkbox', { name: text.createParty }).check();
      await dialog.getByRole('button', { name: text.ok }).click();
      // The add dialog may still be closing while the secret opens: find the secret's dialog by its title.
      const shown = page.getByRole('dialog', { name: text.webhookSecret });
      await shown.waitFor();
      hook.secret = (await shown.getByTestId('webhook-secret').textContent())!.trim();
      assert.match(hook.secret, /^whsec_/);
      await shown.getByRole('button', { name: text.done }).click();
      assert.equal((await page.request.post('/api/v1/contacts/departments', { data: { parentId: root, name: '财务部' }, headers })).status(), 201);
      await ui.delivered();
      await logShows(page, text.refresh, text.delivered);
      await page.getByTestId('delivery-log').getByText(text.createParty).waitFor();
      assert.deepEqual(hook.problems, []);
      assert.deepEqual((hook.received[0]!.body.data as { Name: string }).Name, '财务部');
    });
  }
});
