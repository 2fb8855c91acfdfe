import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { buildRegistry } from '../src/platform/module.ts';
import { manifests } from '../src/modules/index.ts';

/**
 * The console's error texts (web/src/i18n/errors.ts, `{ 'zh-CN': {...}, en: {...} }` with dotted codes
 * as nested keys) against the server's error catalogue. The file is plain TS, imported by a computed
 * path so the server's type check does not take in the console's sources.
 */
const ERRORS_FILE = join(import.meta.dirname, '..', 'web', 'src', 'i18n', 'errors.ts');
const LANGUAGES = ['zh-CN', 'en'] as const;
/** Codes the console makes itself: a failed fetch, and an error that is no ApiError. */
const CONSOLE_CODES = new Set(['network', 'unknown']);
/** i18next context suffixes the console uses (`request.invalid_field` when the error names a field). */
const CONTEXTS = ['_field'];

type Tree = { [key: string]: string | Tree };

function codesOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : codesOf(value, `${prefix}${key}.`)));
}

async function consoleTexts(): Promise<Record<(typeof LANGUAGES)[number], Set<string>>> {
  const { default: texts } = (await import(pathToFileURL(ERRORS_FILE).href)) as { default: Record<string, Tree> };
  return Object.fromEntries(
    LANGUAGES.map((language) => {
      assert.ok(texts[language], `web/src/i18n/errors.ts has no ${language} texts`);
      return [language, new Set(codesOf(texts[language]))];
    }),
  ) as Record<(typeof LANGUAGES)[number], Set<string>>;
}

const serverCodes = [...buildRegistry(manifests).errors.keys()].sort();

describe("the console's error texts (web/src/i18n/errors.ts)", () => {
  it('give every server error code a zh-CN and an English text', async () => {
    const texts = await consoleTexts();
    const missing = LANGUAGES.flatMap((language) => serverCodes.filter((code) => !texts[language].has(code)).map((code) => `${code} (${language})`));
    assert.deepEqual(missing, [], `error codes without a console text in web/src/i18n/errors.ts: ${missing.join(', ')}`);
  });

  it('have no text for a code the server does not have', async () => {
    const texts = await consoleTexts();
    const known = new Set(serverCodes);
    const isKnown = (code: string) => known.has(code) || CONSOLE_CODES.has(code) || CONTEXTS.some((c) => code.endsWith(c) && known.has(code.slice(0, -c.length)));
    const stale = LANGUAGES.flatMap((language) => [...texts[language]].filter((code) => !isKnown(code)).map((code) => `${code} (${language})`));
    assert.deepEqual(stale, [], `console texts for error codes no server module declares (remove them from web/src/i18n/errors.ts): ${stale.join(', ')}`);
  });
});
