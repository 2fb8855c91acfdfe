import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserSkip } from './browser.ts';
import { CJK, CORP_PAGES, declaredPages, ITEM_PAGES, OPERATOR_PAGES, PUBLIC_PAGES, shownText, useEveryPage, useLanguage } from './console-pages.ts';
import { unnamedControls } from './unnamed.ts';

/** Every page in English shows no Chinese outside user-entered data (zh-CN: language-zh.e2e). */
describe('console language: every page in English', { skip: browserSkip, timeout: 600_000 }, () => {
  const pages = useEveryPage();

  it('lists every page the console declares', () => {
    const listed = new Set([...CORP_PAGES, ...OPERATOR_PAGES, ...PUBLIC_PAGES, ...ITEM_PAGES, '/activate/:token', '/join/:code', '/reset/:token', '/c/:code']);
    assert.deepEqual(declaredPages().filter((path) => !listed.has(path)), []);
  });

  it('English: no Chinese character on any page, every column and empty field named', async () => {
    const offending: string[] = [];
    const unnamed: string[] = [];
    for (const [page, paths] of pages.everyPage()) {
      await useLanguage(page, 'en');
      for (const path of paths) {
        const text = await shownText(page, path);
        // Signed in and on the page asked for, not sent to a sign-in page.
        assert.equal(new URL(page.url()).pathname, path);
        for (const line of text.split('\n')) if (CJK.test(line)) offending.push(`${path}: ${line.trim()}`);
        for (const line of await unnamedControls(page)) unnamed.push(`${path}: ${line}`);
      }
    }
    assert.deepEqual(offending, []);
    assert.deepEqual(unnamed, []);
  });
});
