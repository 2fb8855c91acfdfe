import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

/**
 * One message per form field at a time (issue 12): antd shows every rule that fails, so a field with
 * more than one rule stops at the first failing one (`validateFirst`, the rules in the order a reader
 * fixes them: required before length or format). And a rule with a pattern checks nothing else
 * (async-validator types it `pattern` and skips min/max/len), so a length goes in a rule of its own.
 */
const WEB_SRC = join(import.meta.dirname, '../web/src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

/** The text from `open` (an opening bracket) to its closing bracket, both included. */
function balanced(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if ('{[('.includes(source[i]!)) depth++;
    else if ('}])'.includes(source[i]!) && --depth === 0) return source.slice(open, i + 1);
  }
  throw new Error(`unbalanced from ${open}`);
}

/** The top-level entries of an array literal's text (`[a, { b, c }, ...d]` → 3). */
function entries(array: string): string[] {
  const found: string[] = [];
  let depth = 0;
  let start = 1;
  for (let i = 1; i < array.length - 1; i++) {
    if ('{[('.includes(array[i]!)) depth++;
    else if ('}])'.includes(array[i]!)) depth--;
    else if (array[i] === ',' && depth === 0) {
      found.push(array.slice(start, i));
      start = i + 1;
    }
  }
  found.push(array.slice(start, -1));
  return found.map((entry) => entry.trim()).filter(Boolean);
}

/** Every `<Form.Item …>` opening tag with inline rules: its file and line, the tag and the rules. */
function formItems(): { where: string; tag: string; rules: string[] }[] {
  const items: { where: string; tag: string; rules: string[] }[] = [];
  for (const file of sources(WEB_SRC)) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/<Form\.Item\b/g)) {
      // The opening tag ends at the first `>` outside braces.
      let end = match.index;
      for (let depth = 0; end < source.length; end++) {
        if (source[end] === '{') depth++;
        else if (source[end] === '}') depth--;
        else if (source[end] === '>' && depth === 0 && source[end - 1] !== '=') break;
      }
      const tag = source.slice(match.index, end + 1);
      const rules = /\brules=\{\[/.exec(tag);
      if (!rules) continue;
      const where = `${file.slice(WEB_SRC.length + 1)}:${source.slice(0, match.index).split('\n').length}`;
      items.push({ where, tag, rules: entries(balanced(tag, rules.index + 'rules={'.length)) });
    }
  }
  return items;
}

describe('console forms: one message per field', () => {
  const items = formItems();

  it('finds the forms (the scan reads what it should)', () => {
    assert.ok(items.length >= 40, `${items.length} form items with rules`);
    assert.ok(items.some((item) => item.where.startsWith('features/corp/CorpFields.tsx') && item.rules.length === 2));
  });

  it('a field with more than one rule stops at the first that fails (validateFirst)', () => {
    const showingAll = items.filter((item) => item.rules.length > 1 && !/\svalidateFirst\b/.test(item.tag)).map((item) => item.where);
    assert.deepEqual(showingAll, []);
  });

  it('no rule with a pattern also carries a length it would not check', () => {
    const ignored = items.filter((item) => item.rules.some((rule) => /\bpattern:/.test(rule) && /\b(min|max|len):/.test(rule))).map((item) => item.where);
    assert.deepEqual(ignored, []);
  });
});
