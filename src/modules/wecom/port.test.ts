import { it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../../../test/support/server.ts';
import { freePort } from '../../../test/support/ports.ts';

it('the WeCom-compatible API answers /cgi-bin/... at the root of its own port and on the main port; nothing else on its port', async () => {
  const server = await startTestServer({ wecomPort: await freePort() });
  try {
    assert.ok(server.wecomUrl);
    for (const base of [server.wecomUrl, server.url]) {
      const res = await fetch(`${base}/cgi-bin/gettoken?corpid=corp_nope&corpsecret=x`);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { errcode: 40013, errmsg: 'invalid corpid' });
    }
    const other = await fetch(`${server.wecomUrl}/api/v1/corp`);
    assert.equal(other.status, 404);
  } finally {
    await server.close();
  }
});

it('--wecom-port 0 opens no second port', async () => {
  const server = await startTestServer({ wecomPort: 0 });
  try {
    assert.equal(server.wecomUrl, undefined);
  } finally {
    await server.close();
  }
});
