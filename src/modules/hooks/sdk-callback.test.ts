import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServerRequest, Work } from 'node-easywechat';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { enterprise, type Enterprise } from '../../../test/support/enterprise.ts';

const TOKEN = 'EasyWeChatToken';
const AES_KEY = 'ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvutsrqponmlkj';

/**
 * The compatibility suite's callback half: an integration written with node-easywechat 3.6.2 serves
 * the callback URL with the SDK's own Work server (its handshake answer, its signature check, its
 * decryption and receiver-id check); Banyan verifies the URL against it and then delivers to it.
 */
describeEachDialect('node-easywechat receives Banyan’s callbacks', (use) => {
  let t: TestApp;
  let e: Enterprise;
  let server: Server;
  let url: string;
  const messages: Record<string, unknown>[] = [];
  const cacheDir = mkdtempSync(join(tmpdir(), 'banyan-easywechat-cb-'));

  before(async () => {
    t = await createTestApp(use());
    e = await enterprise(t);
    server = createServer((request, response) => {
      void (async () => {
        const work = new Work({ corp_id: e.corpId, secret: 'unused', token: TOKEN, aes_key: AES_KEY, file_cache: { path: cacheDir } } as never);
        work.setRequest(await ServerRequest.createFromIncomingMessage(request));
        const sdkServer = work.getServer();
        sdkServer.handleContactChanged(async (message) => {
          messages.push({ ...(message as unknown as { attributes: Record<string, unknown> }).attributes });
          return 'success';
        });
        const answer = await sdkServer.serve();
        response.writeHead(answer.getStatusCode(), { 'content-type': 'text/plain' }).end(answer.getBody());
      })().catch(() => response.writeHead(500).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/work/callback`;
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await t.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('the SDK’s Work server answers the URL handshake, and decrypts a change_contact callback (create_party) it checked was for this corpid', async () => {
    const appId = (await e.owner.post<{ app: { id: string } }>('/api/v1/apps', { name: 'OA 连接器', description: '', visibleRange: { memberIds: [], departmentIds: [e.root], tagIds: [] } })).body.app.id;
    const saved = await e.owner.put(`/api/v1/apps/${appId}/callback`, { url, token: TOKEN, aesKey: AES_KEY });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));

    await e.owner.post('/api/v1/contacts/departments', { parentId: e.root, name: '财务部' });
    await t.deps.outbox.drain();
    await t.deps.jobs.runDue();
    assert.equal(messages.length, 1);
    const message = messages[0]!;
    assert.deepEqual(
      [message.ToUserName, message.FromUserName, message.MsgType, message.Event, message.ChangeType, message.Name, message.ParentId],
      [e.corpId, 'sys', 'event', 'change_contact', 'create_party', '财务部', '1'],
    );
    const [delivery] = (await e.owner.get<{ items: { status: string; attempts: { code: number }[] }[] }>(`/api/v1/apps/${appId}/callback/deliveries`)).body.items;
    assert.deepEqual([delivery!.status, delivery!.attempts.map((a) => a.code)], ['delivered', [200]]);
  });
});
