import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { newIdempotencyKey } from '../web/src/api/idempotency.ts';

const WEB_SRC = join(import.meta.dirname, '../web/src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && entry.name !== 'schema.gen.ts' ? [path] : [];
  });
}

describe("the console's idempotency keys (web/src/api/idempotency.ts)", () => {
  it('a key fits every command that takes one (8–64 characters of A–Z a–z 0–9 _ . : -), and no two are the same', () => {
    const keys = Array.from({ length: 1000 }, () => newIdempotencyKey());
    for (const key of keys) assert.match(key, /^web-[0-9a-f]{32}$/);
    assert.ok(keys.every((key) => key.length >= 8 && key.length <= 64));
    assert.equal(new Set(keys).size, keys.length);
  });

  it('a key is made where crypto.randomUUID is missing (a console opened over plain http)', () => {
    const randomUUID = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(crypto), 'randomUUID')!;
    delete (Object.getPrototypeOf(crypto) as { randomUUID?: unknown }).randomUUID;
    try {
      assert.equal(typeof (crypto as { randomUUID?: unknown }).randomUUID, 'undefined');
      assert.match(newIdempotencyKey(), /^web-[0-9a-f]{32}$/);
    } finally {
      Object.defineProperty(Object.getPrototypeOf(crypto), 'randomUUID', randomUUID);
    }
  });

  it('every idempotency key the console sends comes from newIdempotencyKey', () => {
    const elsewhere: string[] = [];
    for (const file of sources(WEB_SRC)) {
      const source = readFileSync(file, 'utf8');
      source.split('\n').forEach((line, index) => {
        const given = /\bidempotencyKey: ([^,}\n]+)/.exec(line)?.[1]?.trim();
        const shorthand = /\bidempotencyKey\s*[,}]/.test(line) && !/\bidempotencyKey:/.test(line);
        const fromHelper = given === 'newIdempotencyKey()' || (shorthand && /const idempotencyKey = newIdempotencyKey\(\);/.test(source));
        if ((given !== undefined || shorthand) && !fromHelper) elsewhere.push(`${file.slice(WEB_SRC.length + 1)}:${index + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(elsewhere, []);
  });

  it('no page calls crypto.randomUUID, which a console opened over plain http lacks (the clock-in device id and the 获客链接 visitor come from randomId)', () => {
    const calls = sources(WEB_SRC).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => (/\brandomUUID\(/.test(line) ? [`${file.slice(WEB_SRC.length + 1)}:${index + 1}`] : [])),
    );
    assert.deepEqual(calls, []);
  });
});
