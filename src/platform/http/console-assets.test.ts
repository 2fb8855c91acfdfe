import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { precompressDir } from '../../../web/precompress.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { openTestDatabase, type TestDatabase } from '../../../test/support/db.ts';

const script = `export const greeting = ${JSON.stringify('你好 '.repeat(2000))};\n`;
const page = `<!doctype html><html><head><title>Banyan</title></head><body>${'<div></div>'.repeat(300)}</body></html>`;

describe('the console as the browser gets it: compressed copies from the build, hashed assets cached a year', () => {
  let webDir: string;
  let database: TestDatabase & { close(): Promise<void> };
  let t: TestApp;
  before(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'banyan-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'assets', 'app-1a2b3c.js'), script);
    writeFileSync(join(webDir, 'index.html'), page);
    writeFileSync(join(webDir, 'favicon.svg'), '<svg/>');
    // index.html and the script: above the 1 KiB below which a copy is not worth its headers
    // (index.html is sent as it is read: the server may add to it).
    assert.equal(precompressDir(webDir), 2);
    database = await openTestDatabase('sqlite');
    t = await createTestApp(database, { webDir });
  });
  after(async () => {
    await t.close();
    await database.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  const get = (url: string, encoding?: string) => t.app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

  it('a hashed asset: brotli when accepted, else gzip, else as it is; immutable for a year', async () => {
    const br = await get('/assets/app-1a2b3c.js', 'gzip, deflate, br');
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(br.rawPayload).toString(), script);
    assert.ok(br.rawPayload.length < script.length / 10, `${br.rawPayload.length} bytes for ${Buffer.byteLength(script)}`);
    assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(String(br.headers['content-type']), /javascript/);
    const gz = await get('/assets/app-1a2b3c.js', 'gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gz.rawPayload).toString(), script);
    const plain = await get('/assets/app-1a2b3c.js');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body, script);
  });

  it('index.html, at / and as the fallback of a console route, is revalidated every time; small files go as they are', async () => {
    // The link pages too, though their token has dots; a missing file with a dot stays a 404.
    for (const url of ['/', '/contacts', '/activate/corp_1.inv_1.s3cr3t', '/join/corp_1.jnl_1.s3cr3t']) {
      const res = await get(url, 'br');
      assert.equal(res.statusCode, 200, url);
      assert.equal(res.headers['cache-control'], 'no-cache', url);
      assert.equal(res.body, page, url);
    }
    assert.equal((await get('/missing.js', 'br')).statusCode, 404);
    const small = await get('/favicon.svg', 'br');
    assert.equal(small.headers['content-encoding'], undefined);
    assert.equal(small.headers['cache-control'], 'no-cache');
  });
});
