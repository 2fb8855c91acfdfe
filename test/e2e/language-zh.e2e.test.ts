import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserSkip } from './browser.ts';
import { shownText, useEveryPage, useLanguage } from './console-pages.ts';
import { unnamedControls } from './unnamed.ts';

/** Every page in zh-CN has no key without its text (English: language.e2e). */
describe('console language: every page in Chinese', { skip: browserSkip, timeout: 600_000 }, () => {
  const pages = useEveryPage();

  it('zh-CN: every key the pages ask for has its text, every column and empty field named', async () => {
    const missing: string[] = [];
    const unnamed: string[] = [];
    for (const [page, paths] of pages.everyPage()) {
      await useLanguage(page, 'zh-CN');
      for (const path of paths) {
        await shownText(page, path);
        const keys = await page.evaluate(() => (window as unknown as { banyanMissingKeys?: string[] }).banyanMissingKeys);
        assert.ok(Array.isArray(keys), 'the console records missing keys');
        for (const key of keys) missing.push(`${path}: ${key}`);
        for (const line of await unnamedControls(page)) unnamed.push(`${path}: ${line}`);
      }
    }
    assert.deepEqual(missing, []);
    assert.deepEqual(unnamed, []);
  });
});
