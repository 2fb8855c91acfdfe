import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Every reason line the approval engine writes (`line('code', …)`: why a task went to whom) has a
 * console text, so a zh-CN page never shows the server's English fallback. The English texts have
 * the same keys as the zh-CN ones (the compiler checks `defineMessages`). The console's file is
 * imported by a computed path, as in console-error-texts.test.ts.
 */
const MODULE = join(import.meta.dirname, '..', 'src', 'modules', 'approval');
const TEXTS = join(import.meta.dirname, '..', 'web', 'src', 'features', 'approvals', 'i18n.ts');
/** Codes made from a member's status (`filtered_${status}`) rather than written out. */
const DYNAMIC = ['filtered_departed', 'filtered_disabled'];

function serverCodes(): string[] {
  const codes = new Set(DYNAMIC);
  for (const file of readdirSync(MODULE).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    for (const match of readFileSync(join(MODULE, file), 'utf8').matchAll(/\bline\('([a-z_]+)'/g)) codes.add(match[1]!);
  }
  return [...codes].sort();
}

describe("the console's texts for the approval engine's reason lines", () => {
  it('give every reason code the engine writes a zh-CN and an English text', async () => {
    const { default: texts } = (await import(pathToFileURL(TEXTS).href)) as { default: Record<'zh-CN' | 'en', { why: Record<string, string> }> };
    const codes = serverCodes();
    assert.ok(codes.includes('filtered_applicant') && codes.length > 20, `found only ${codes.length} codes`);
    const missing = (['zh-CN', 'en'] as const).flatMap((language) => codes.filter((code) => typeof texts[language].why[code] !== 'string').map((code) => `${code} (${language})`));
    assert.deepEqual(missing, []);
  });
});
