import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createOperator } from '../../src/modules/operator/index.ts';
import { creditWallet } from '../../src/modules/wallet/testing/index.ts';
import { certifyUntil } from '../../src/modules/corp/testing/index.ts';
import { TEST_SCRYPT } from '../support/app.ts';
import { browserSkip, openedDialog, PASSWORD, registerEnterprise, useConsole } from './browser.ts';

const LICENCE = { name: 'licence.png', mimeType: 'image/png', buffer: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('e2e-licence')]) };

/**
 * 企业认证 in the consoles: a super admin fills the application (subject = licence name, the licence
 * scan, a contact) and pays the review fee only after the payment confirmation; the operator's
 * queue approves it with a validity (zh-CN) or rejects it with a reason (English), and the
 * enterprise's page shows the outcome.
 */
describe('certification: the application, the payment confirmation, and the operator review', { skip: browserSkip, timeout: 180_000 }, () => {
  const ui = useConsole();
  before(async () => {
    await createOperator(ui.db(), Date.now(), TEST_SCRYPT, { loginName: 'ops_cert', name: 'Olga Ops', password: PASSWORD });
  });

  async function operatorPage(): Promise<Page> {
    const page = await ui.page();
    const signedIn = await page.request.post('/api/v1/operator/auth/sign-in', { data: { login: 'ops_cert', password: PASSWORD } });
    assert.equal(signedIn.status(), 200, await signedIn.text());
    return page;
  }

  async function apply(page: Page, texts: { subject: string; licenceName: string; licence: string; contact: string; phone: string; submit: string; pay: string }, values: { subject: string; contact: string }) {
    await page.getByLabel(texts.subject).fill(values.subject);
    await page.getByLabel(texts.licenceName).fill(values.subject);
    await page.getByLabel('统一社会信用代码').or(page.getByLabel('Unified social credit code')).fill('91440300MA5G000001');
    await page.locator('input[type="file"]').setInputFiles(LICENCE);
    await page.getByText('licence.png').waitFor();
    await page.getByLabel(texts.contact).fill(values.contact);
    await page.getByLabel(texts.phone).fill('13800000000');
    await page.getByRole('button', { name: texts.submit }).click();
    // Money moves only on the confirmation: the quote first.
    const quote = page.getByTestId('payment-quote');
    await quote.getByTestId('quote-total').getByText('¥300.00').waitFor();
    await quote.getByTestId('quote-balance-after').getByText('¥700.00').waitFor();
    await page.getByRole('button', { name: texts.pay }).click();
  }

  it('zh-CN: 申请企业认证 → 确认支付 → 审核中; the operator 通过 with a validity; the page shows 已认证', async () => {
    const page = await ui.page();
    const corp = await registerEnterprise(page, { admin: '唐经理', loginName: 'tang_cert', corp: '榕树认证科技有限公司', shortName: '榕树认证' });
    await creditWallet(ui.db(), corp.corpId, 100_000, Date.now());
    await page.goto('/certification');
    await page.getByRole('heading', { name: '企业认证' }).waitFor();
    await page.getByTestId('certification-state').getByText('未认证').waitFor();
    await page.getByRole('menuitem', { name: '企业认证' }).waitFor();

    // The subject must equal the licence name: the server refuses otherwise, in its words.
    await apply(page, { subject: '认证主体名称', licenceName: '营业执照上的名称', licence: '营业执照扫描件', contact: '联系人姓名', phone: '联系人手机号', submit: '提交并支付', pay: '确认支付' }, { subject: '榕树认证科技有限公司', contact: '唐经理' });
    const card = page.getByTestId('certification-application');
    await card.getByText('审核中').waitFor();
    await card.getByText('¥300.00').waitFor();
    await page.getByText('认证申请审核中，审核结果出来前保持原认证状态。').waitFor();
    assert.equal(await page.getByRole('button', { name: '提交并支付' }).count(), 0, 'no second application while one is under review');
    await page.getByTestId('certification-state').getByText('未认证').waitFor();

    const operator = await operatorPage();
    await operator.goto('/operator');
    await operator.getByRole('menuitem', { name: '企业认证审核' }).click();
    const row = operator.getByRole('row', { name: /榕树认证科技有限公司/ });
    await row.getByText('91440300MA5G000001').waitFor();
    await row.getByRole('link', { name: 'licence.png' }).waitFor();
    await row.getByRole('button', { name: /通\s*过/ }).click();
    const dialog = await openedDialog(operator);
    await dialog.getByText('通过「榕树认证科技有限公司」的企业认证').waitFor();
    await dialog.getByLabel('认证有效期至').fill('2030-12-31');
    await dialog.getByLabel('认证有效期至').press('Tab');
    await dialog.getByRole('button', { name: /通\s*过/ }).click();
    await row.waitFor({ state: 'detached' });
    await operator.getByText('暂无待审核的认证申请').waitFor();

    await page.reload();
    await page.getByTestId('certification-state').getByText('已认证，有效期至 2030-12-31').waitFor();
    await card.getByText('审核通过').waitFor();
    await card.getByText('2030-12-31').waitFor();
    await page.getByRole('button', { name: '提交并支付' }).waitFor();
  });

  it('English: apply and pay; the operator rejects with a reason; the page shows Rejected, the reason and the resubmission form', async () => {
    const page = await ui.page();
    const corp = await registerEnterprise(page, { admin: 'Ada Admin', loginName: 'ada_cert', corp: 'Acme Certified Ltd', shortName: 'Acme' });
    await creditWallet(ui.db(), corp.corpId, 100_000, Date.now());
    await page.goto('/login');
    await page.evaluate(() => localStorage.setItem('banyan.lang', 'en'));
    await page.goto('/certification');
    await page.getByRole('heading', { name: 'Enterprise certification' }).waitFor();
    await page.getByTestId('certification-state').getByText('Not certified').waitFor();
    await apply(page, { subject: 'Certified subject', licenceName: 'Name on the business licence', licence: 'Business licence scan', contact: 'Contact name', phone: 'Contact mobile', submit: 'Submit and pay', pay: 'Confirm and pay' }, { subject: 'Acme Certified Ltd', contact: 'Ada' });
    const card = page.getByTestId('certification-application');
    await card.getByText('Under review').waitFor();

    const operator = await operatorPage();
    await operator.goto('/login');
    await operator.evaluate(() => localStorage.setItem('banyan.lang', 'en'));
    await operator.goto('/operator/certification-reviews');
    await operator.getByRole('heading', { name: 'Certification reviews' }).waitFor();
    const row = operator.getByRole('row', { name: /Acme Certified Ltd/ });
    await row.getByRole('button', { name: 'Reject' }).click();
    const dialog = await openedDialog(operator);
    await dialog.getByText('Reject the certification of Acme Certified Ltd').waitFor();
    await dialog.getByLabel('Reason').fill('The licence scan is unreadable');
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await row.waitFor({ state: 'detached' });

    await page.reload();
    await card.getByText('Rejected').waitFor();
    await card.getByText('The licence scan is unreadable').waitFor();
    await page.getByText('Correct and resubmit').waitFor();
    await page.getByTestId('certification-state').getByText('Not certified').waitFor();
  });

  it('认证即将到期: within 30 days every admin page shows the banner (zh-CN and English), linking to the certification page, which shows its own warning', async () => {
    const page = await ui.page();
    const e = await registerEnterprise(page, { admin: '林经理', loginName: 'lin_expiry', corp: '榕树到期有限公司' });
    await certifyUntil(ui.db(), e.corpId, Date.now() + 5 * 24 * 3600_000 - 60_000);
    await page.goto('/contacts');
    const banner = page.getByTestId('certification-banner');
    await banner.getByText('企业认证将在 5 天内到期，到期后客户添加上限恢复为 100 人，请及时申请认证。').waitFor();
    await banner.getByRole('link', { name: '去续期认证' }).click();
    await page.waitForURL((url) => url.pathname === '/certification');
    // The certification page shows its own warning, not the banner.
    await banner.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: '企业认证' }).first().waitFor();
    await page.getByText('企业认证将在 5 天内到期，到期后客户添加上限恢复为 100 人，请及时申请认证。').waitFor();
    await page.getByTestId('language-switch').getByText('English').click();
    await page.goto('/customers');
    await banner.getByText('The certification ends within 5 days; after that the customer limit goes back to 100. Please apply in time.').waitFor();
    await banner.getByRole('link', { name: 'Renew the certification' }).waitFor();
  });
});
