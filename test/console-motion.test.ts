import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { describeEachDialect } from './support/db.ts';
import { createTestApp, type TestApp } from './support/app.ts';

const INDEX = '<!doctype html>\n<html lang="zh-CN">\n  <head>\n    <title>Banyan</title>\n  </head>\n  <body><div id="root"></div></body>\n</html>\n';
const OFF = '<meta name="banyan-motion" content="off" />';

/**
 * The console animates unless the server under test says otherwise (Config.consoleMotion, set only
 * by test/support/server.ts): browser tests then never wait on an animation.
 */
describeEachDialect('the console is served with its animations, except to the browser tests', (use) => {
  let webDir: string;
  let shipped: TestApp;
  let underTest: TestApp;
  before(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'banyan-web-'));
    writeFileSync(join(webDir, 'index.html'), INDEX);
    writeFileSync(join(webDir, 'app.js'), 'console.log(1);\n');
    shipped = await createTestApp(use(), { webDir });
    underTest = await createTestApp(use(), { webDir, consoleMotion: false });
  });
  after(async () => {
    await shipped.close();
    await underTest.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('no flag or environment variable turns the animations off', () => {
    const config = loadConfig({ 'console-motion': 'false', motion: 'off' }, { BANYAN_CONSOLE_MOTION: 'false', CONSOLE_MOTION: 'false' });
    assert.equal(config.consoleMotion, true);
  });

  it('index.html as built, at /, /index.html and every client route', async () => {
    for (const path of ['/', '/index.html', '/contacts', '/admins/groups']) {
      const res = await shipped.client().get<string>(path);
      assert.equal(res.status, 200, path);
      assert.equal(res.body, INDEX, path);
      assert.match(String(res.headers['content-type']), /^text\/html/, path);
    }
    assert.equal((await shipped.client().get<string>('/app.js')).body, 'console.log(1);\n');
  });

  it('the server under test marks index.html, everywhere it is served, so the console starts without motion', async () => {
    for (const path of ['/', '/index.html', '/contacts']) {
      const res = await underTest.client().get<string>(path);
      assert.equal(res.status, 200, path);
      assert.equal(res.body, INDEX.replace('<head>', `<head>\n    ${OFF}`), path);
    }
    assert.equal((await underTest.client().get<string>('/app.js')).body, 'console.log(1);\n');
    // API answers and missing files are not pages.
    assert.equal((await underTest.client().get('/api/v1/nothing')).status, 404);
    assert.equal((await underTest.client().get('/missing.js')).status, 404);
  });
});
