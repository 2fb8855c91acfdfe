import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { DAY } from '../../src/platform/clock.ts';
import { certifyUntil } from '../../src/modules/corp/testing/index.ts';
import { creditWallet } from '../../src/modules/wallet/testing/index.ts';
import { browserSkip, csrfHeaders, registerEnterprise, useConsole } from './browser.ts';

/**
 * 暗水印解析 for images: with drive's hidden watermark on, a picture the admin opens from the drive
 * carries their mark; saved again as a JPEG (quality 75) and uploaded on the decode page's image tab
 * it names them (name, account), in zh-CN and in English. The purchase, the policy and the file are set up over the API.
 */
describe('hidden watermark decode page (images)', { skip: browserSkip, timeout: 180_000 }, () => {
  const ui = useConsole();
  let page: Page;
  let marked: Buffer;
  let userid: string;

  before(async () => {
    page = await ui.page();
    const { corpId } = await registerEnterprise(page, { admin: '吴水印', loginName: 'wushuiyin', corp: '榕树水印科技有限公司', shortName: '榕树水印' });
    await certifyUntil(ui.db(), corpId, Date.now() + 365 * DAY);
    await creditWallet(ui.db(), corpId, 100_000, Date.now());
    const headers = await csrfHeaders(page);
    const bought = await page.request.post('/api/v1/features/security/purchases', { data: { seats: 1, quotedFen: 12_000, idempotencyKey: 'e2e-watermark-1' }, headers });
    assert.equal(bought.status(), 201, await bought.text());
    const off = { enabled: false, content: [] };
    const policy = await page.request.put('/api/v1/security/watermark-policy', { data: { chat: off, contacts: off, mail: off, docs: off, drive: { enabled: false, content: [], hidden: true }, customText: '' }, headers });
    assert.equal(policy.status(), 200, await policy.text());
    const picture = await sharp({ create: { width: 160, height: 90, channels: 3, background: '#3a8a5c' } }).png().toBuffer();
    const uploaded = await page.request.post('/api/v1/files', { multipart: { file: { name: '季度图表.png', mimeType: 'image/png', buffer: picture } }, headers });
    assert.equal(uploaded.status(), 201, await uploaded.text());
    const { id } = (await uploaded.json()) as { id: string };
    const viewed = await (await page.request.get(`/api/v1/files/${id}/view`)).body();
    assert.equal(viewed.equals(picture), false);
    marked = await sharp(viewed).jpeg({ quality: 75 }).toBuffer();
    const decoded = await page.request.post('/api/v1/security/hidden-watermark/decode-image', { multipart: { file: { name: 'shot.jpg', mimeType: 'image/jpeg', buffer: marked } }, headers });
    const marks = ((await decoded.json()) as { marks: { memberName: string; userid: string }[] }).marks;
    assert.deepEqual(marks.map((m) => m.memberName), ['吴水印']);
    userid = marks[0]!.userid;
  });

  it('zh-CN 暗水印解析: an image saved from the drive names the admin and their account; an unmarked image names no one', async () => {
    await page.goto('/security/decode');
    await page.getByRole('heading', { name: '暗水印解析' }).waitFor();
    await page.getByRole('tab', { name: '图片' }).click();
    await page.locator('input[type=file]').setInputFiles({ name: '截图.jpg', mimeType: 'image/jpeg', buffer: marked });
    await page.getByRole('cell', { name: '吴水印' }).waitFor();
    await page.getByRole('cell', { name: userid, exact: true }).waitFor();
    await page.getByRole('columnheader', { name: '帐号' }).waitFor();
    const plain = await sharp({ create: { width: 160, height: 90, channels: 3, background: '#3a8a5c' } }).png().toBuffer();
    await page.locator('input[type=file]').setInputFiles({ name: '原图.png', mimeType: 'image/png', buffer: plain });
    await page.getByText('未找到本企业成员的暗水印').waitFor();
  });

  it('English: the image tab decodes the same picture', async () => {
    await page.evaluate(() => localStorage.setItem('banyan.lang', 'en'));
    await page.goto('/security/decode');
    await page.getByRole('heading', { name: 'Decode hidden watermark' }).waitFor();
    await page.getByRole('tab', { name: 'Image' }).click();
    await page.getByText('Upload a PNG, JPEG, GIF or WebP image (at most 20 MB).').waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: 'shot.jpg', mimeType: 'image/jpeg', buffer: marked });
    await page.getByRole('columnheader', { name: 'Account' }).waitFor();
    await page.getByRole('cell', { name: userid, exact: true }).waitFor();
    await page.getByRole('cell', { name: '吴水印' }).waitFor();
  });
});
