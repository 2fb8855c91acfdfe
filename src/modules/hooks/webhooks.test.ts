import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { enterprise, type Enterprise } from '../../../test/support/enterprise.ts';
import { newCorp, signedInMember } from '../customers/testing/index.ts';
import { tablesOf } from '../../../test/support/tables.ts';
import { tables } from './hooks.tables.ts';
import { CallbackReceiver } from './testing/receiver.ts';
import { WebhookReceiver } from './testing/webhook-receiver.ts';

interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: { n: number; at: string; code: number | null; error: string | null }[];
  nextAttemptAt: string | null;
}
interface Created {
  webhook: { id: string; url: string; eventTypes: string[]; enabled: boolean };
  secret: string;
}

describeEachDialect('webhooks: Banyan’s own signed JSON events', (use) => {
  let t: TestApp;
  const receivers: { stop(): Promise<void> }[] = [];
  before(async () => {
    t = await createTestApp(use());
  });
  after(async () => {
    for (const receiver of receivers) await receiver.stop();
    await t.close();
  });

  const receiver = async () => {
    const rx = await new WebhookReceiver().start();
    receivers.push(rx);
    return rx;
  };
  const subscribe = async (e: Enterprise, rx: WebhookReceiver, eventTypes: string[]) => {
    const made = await e.owner.post<Created>('/api/v1/webhooks', { url: rx.url, description: 'HR 系统', eventTypes });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    rx.secret = made.body.secret;
    return made.body.webhook.id;
  };
  const deliver = async () => {
    await t.deps.outbox.drain();
    await t.deps.jobs.runDue();
  };
  const log = async (e: Enterprise, webhookId: string) => (await e.owner.get<{ items: Delivery[] }>(`/api/v1/webhooks/${webhookId}/deliveries`)).body.items;

  it('issue rule webhooks: a URL subscribed to event types gets signed JSON (Banyan-Signature t=<unix>,v1=HMAC-SHA256 of "t.body"), only of its types; the secret is shown once', async () => {
    const e = await enterprise(t);
    const rx = await receiver();
    const made = await e.owner.post<Created>('/api/v1/webhooks', { url: rx.url, eventTypes: ['change_contact/create_party', 'change_contact/delete_party'] });
    assert.equal(made.status, 201);
    assert.match(made.body.secret, /^whsec_[A-Za-z0-9_-]{43}$/);
    rx.secret = made.body.secret;
    const listed = await e.owner.get<{ items: Record<string, unknown>[] }>('/api/v1/webhooks');
    assert.deepEqual(listed.body.items, [
      { id: made.body.webhook.id, url: rx.url, description: '', eventTypes: ['change_contact/create_party', 'change_contact/delete_party'], enabled: true, createdAt: new Date(t.clock.now()).toISOString(), updatedAt: new Date(t.clock.now()).toISOString() },
    ]);
    assert.ok(!JSON.stringify(listed.body).includes(made.body.secret));

    const createdAt = t.clock.now();
    const dept = (await e.owner.post<{ id: string }>('/api/v1/contacts/departments', { parentId: e.root, name: '市场部' })).body.id;
    await e.owner.post('/api/v1/contacts/members', { name: '张三', userid: 'zhangsan', departmentIds: [dept] });
    await deliver();
    assert.deepEqual(rx.problems, []);
    assert.equal(rx.received.length, 1, 'the member created is not a subscribed type');
    const [got] = rx.received;
    assert.deepEqual(got!.body, { id: got!.eventId, type: 'change_contact/create_party', created: Math.floor(createdAt / 1000), corpid: e.corpId, data: { Id: 2, Name: '市场部', ParentId: 1 } });
    assert.equal(got!.timestamp, Math.floor(t.clock.now() / 1000));
    assert.match(got!.eventId!, /^evt_/);
    const [delivery] = await log(e, made.body.webhook.id);
    assert.deepEqual([delivery!.eventType, delivery!.status, delivery!.attempts.map((a) => a.code)], ['change_contact/create_party', 'delivered', [200]]);

    // Turned off: nothing more is queued.
    assert.equal((await e.owner.put(`/api/v1/webhooks/${made.body.webhook.id}`, { url: rx.url, eventTypes: ['change_contact/create_party'], enabled: false })).status, 200);
    await e.owner.post('/api/v1/contacts/departments', { parentId: e.root, name: '财务部' });
    await deliver();
    assert.equal(rx.received.length, 1);
  });

  it('issue rule webhook retries and replay: a receiver that fails twice then succeeds gets it on the callbacks’ schedule (10 s, 60 s), logged thrice; replay resends the same event id; a reset secret signs from then on', async () => {
    const e = await enterprise(t);
    const rx = await receiver();
    const id = await subscribe(e, rx, ['change_contact/create_user']);
    rx.answers = [500, 503];
    await e.owner.post('/api/v1/contacts/members', { name: '李四', userid: 'lisi', departmentIds: [e.root] });
    await deliver();
    t.clock.advance(9_999);
    await t.deps.jobs.runDue();
    assert.equal(rx.received.length, 1, 'the first retry waits 10 s');
    t.clock.advance(1);
    await t.deps.jobs.runDue();
    t.clock.advance(60_000);
    await t.deps.jobs.runDue();
    assert.equal(rx.received.length, 3);
    assert.equal(new Set(rx.received.map((r) => r.raw)).size, 1, 'every attempt carries the same body');
    assert.deepEqual((rx.received[0]!.body.data as Record<string, unknown>).UserID, 'lisi');
    const [delivery] = await log(e, id);
    assert.deepEqual(
      [delivery!.status, delivery!.attempts.map((a) => [a.n, a.code, a.error])],
      [
        'delivered',
        [
          [1, 500, 'HTTP 500'],
          [2, 503, 'HTTP 503'],
          [3, 200, null],
        ],
      ],
    );

    const rotated = await e.owner.post<{ secret: string }>(`/api/v1/webhooks/${id}/secret`);
    assert.notEqual(rotated.body.secret, rx.secret);
    assert.equal((await e.owner.post(`/api/v1/webhooks/${id}/deliveries/${delivery!.id}/replay`)).status, 204);
    await t.deps.jobs.runDue();
    assert.deepEqual(rx.problems, ['bad signature: ' + rx.problems[0]!.slice('bad signature: '.length)], 'the receiver still holding the old secret refuses the new signature');
    const [refused] = await log(e, id);
    assert.deepEqual(refused!.attempts.at(-1)!.code, 400);
    assert.deepEqual([refused!.status, refused!.nextAttemptAt], ['pending', new Date(t.clock.now() + 30 * 60_000).toISOString()], 'a refused replay (the fourth attempt) is retried on the schedule: 30 min');
    rx.secret = rotated.body.secret;
    t.clock.advance(30 * 60_000);
    await t.deps.jobs.runDue();
    assert.equal(rx.received.length, 4);
    assert.equal(rx.received[3]!.eventId, rx.received[0]!.eventId);
    const audit = await e.owner.get<{ items: { action: string }[] }>('/api/v1/audit?limit=10');
    assert.deepEqual(
      audit.body.items.map((i) => i.action).filter((a) => a.startsWith('hooks.')),
      ['hooks.webhook.replay', 'hooks.webhook.rotate', 'hooks.webhook.create'],
    );
  });

  it('only the creator and super admins manage webhooks; another enterprise’s webhook and delivery are not found; a deleted webhook’s pending delivery fails', async () => {
    const e = await enterprise(t);
    const other = await enterprise(t);
    const rx = await receiver();
    const id = await subscribe(e, rx, ['change_contact/create_party']);
    const member = await e.member('普通成员');
    const asMember = await member.client.post<{ error: { code: string } }>('/api/v1/webhooks', { url: rx.url, eventTypes: ['sys_approval_change'] });
    assert.deepEqual([asMember.status, asMember.body.error.code], [403, 'forbidden']);
    assert.equal((await member.client.get('/api/v1/webhooks')).status, 403);
    const foreign = await other.owner.get<{ error: { code: string } }>(`/api/v1/webhooks/${id}/deliveries`);
    assert.deepEqual([foreign.status, foreign.body.error.code], [404, 'hooks.webhook_not_found']);
    assert.equal((await other.owner.delete(`/api/v1/webhooks/${id}`)).status, 404);
    const badType = await e.owner.post<{ error: { code: string } }>('/api/v1/webhooks', { url: rx.url, eventTypes: ['change_contact/nothing'] });
    assert.deepEqual([badType.status, badType.body.error.code], [400, 'request.invalid']);
    assert.deepEqual((await e.owner.get<{ items: string[] }>('/api/v1/webhooks/event-types')).body.items.length, 11);

    rx.answers = [500];
    await e.owner.post('/api/v1/contacts/departments', { parentId: e.root, name: '行政部' });
    await deliver();
    assert.equal((await e.owner.delete(`/api/v1/webhooks/${id}`)).status, 204);
    t.clock.advance(10_000);
    await t.deps.jobs.runDue();
    assert.equal(rx.received.length, 1);
    const row = await tables(t.deps.db).selectFrom('hooks_attempts').select(['n', 'error']).where('corp_id', '=', e.corpId).orderBy('n').execute();
    assert.deepEqual(row, [
      { n: 1, error: 'HTTP 500' },
      { n: 2, error: 'the webhook was deleted' },
    ]);
  });

  it('issue rule 获客 add_external_contact: a customer arriving through a 获客链接 reaches the app’s callback and the webhook as add_external_contact, State the link id', async () => {
    const corp = await newCorp(t, { balanceFen: 10_000 });
    const seller = await signedInMember(t, corp.corpId, '销售丙');
    const userid = (await tablesOf(t.deps.db).selectFrom('members').select('userid').where('corp_id', '=', corp.corpId).where('id', '=', seller.memberId).executeTakeFirstOrThrow()).userid;
    const TOKEN = 'LinkToken1';
    const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
    const callbackRx = await new CallbackReceiver(corp.corpId, TOKEN, AES_KEY).start();
    receivers.push(callbackRx);
    const appId = (await corp.client.post<{ app: { id: string } }>('/api/v1/apps', { name: '客户助手', description: '', visibleRange: { memberIds: [seller.memberId], departmentIds: [], tagIds: [] } })).body.app.id;
    assert.equal((await corp.client.put(`/api/v1/apps/${appId}/callback`, { url: callbackRx.url, token: TOKEN, aesKey: AES_KEY })).status, 200);
    const rx = await receiver();
    const made = await corp.client.post<Created>('/api/v1/webhooks', { url: rx.url, eventTypes: ['change_external_contact/add_external_contact'] });
    rx.secret = made.body.secret;

    assert.equal((await corp.client.post('/api/v1/acquisition/packs', { units: 5, quotedFen: 500, idempotencyKey: 'hooks-link-pack' })).status, 201);
    const link = (await corp.client.post<{ id: string; code: string }>('/api/v1/acquisition/links', { name: '官网', memberIds: [seller.memberId] })).body;
    const clicked = await t.client().post<{ customerId: string; added: boolean }>(`/api/v1/public/acquisition/links/${link.code}/add`, { externalId: 'wx-link-visitor', name: '访客' });
    assert.deepEqual([clicked.status, clicked.body.added], [200, true]);
    // Clicking again adds nothing and announces nothing.
    await t.client().post(`/api/v1/public/acquisition/links/${link.code}/add`, { externalId: 'wx-link-visitor', name: '访客' });
    await deliver();

    const fields = Object.fromEntries([...callbackRx.received[0]!.xml.matchAll(/<(\w+)><!\[CDATA\[(.*?)\]\]><\/\1>/g)].map((m) => [m[1]!, m[2]!]));
    assert.equal(callbackRx.received.length, 1);
    assert.deepEqual([fields.Event, fields.ChangeType, fields.UserID, fields.ExternalUserID, fields.State], ['change_external_contact', 'add_external_contact', userid, clicked.body.customerId, link.id]);
    assert.deepEqual(
      rx.received.map((r) => [r.body.type, r.body.data]),
      [['change_external_contact/add_external_contact', { UserID: userid, ExternalUserID: clicked.body.customerId, State: link.id }]],
    );
    assert.deepEqual([...callbackRx.problems, ...rx.problems], []);
  });
});

describeEachDialect('private callback addresses (--allow-private-callbacks)', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use(), { allowPrivateCallbacks: false });
  });
  after(() => t.close());

  it('issue rule private callback addresses: refused when the server does not allow them — on saving a webhook or a callback URL, and again before each POST', async () => {
    const e = await enterprise(t);
    for (const [url, address] of [
      ['http://127.0.0.1:8080/hook', '127.0.0.1'],
      ['http://localhost:8080/hook', 'localhost'],
      ['http://[::1]:8080/hook', '::1'],
      ['http://10.1.2.3/hook', '10.1.2.3'],
      ['http://192.168.1.20/hook', '192.168.1.20'],
      ['http://169.254.169.254/latest/meta-data', '169.254.169.254'],
      ['http://[::ffff:172.16.0.1]/hook', '::ffff:ac10:1'],
    ] as const) {
      const refused = await e.owner.post<{ error: { code: string; details: unknown } }>('/api/v1/webhooks', { url, eventTypes: ['change_contact/create_party'] });
      assert.deepEqual([refused.status, refused.body.error.code, refused.body.error.details], [400, 'hooks.url_private', { address }], url);
    }
    const appId = (await e.owner.post<{ app: { id: string } }>('/api/v1/apps', { name: 'HR', description: '', visibleRange: { memberIds: [], departmentIds: [e.root], tagIds: [] } })).body.app.id;
    const callback = await e.owner.put<{ error: { code: string; details: unknown } }>(`/api/v1/apps/${appId}/callback`, { url: 'http://127.0.0.1:9/cb', token: 'Tok1', aesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' });
    assert.deepEqual([callback.status, callback.body.error.code, callback.body.error.details], [400, 'hooks.url_private', { address: '127.0.0.1' }]);

    // A public address is taken; if it is later made to point inside, the POST is not made.
    const made = await e.owner.post<Created>('/api/v1/webhooks', { url: 'https://203.0.113.10/hook', eventTypes: ['change_contact/create_party'] });
    assert.equal(made.status, 201);
    await tables(t.deps.db).updateTable('hooks_webhooks').set({ url: 'http://127.0.0.1:9/hook' }).where('corp_id', '=', e.corpId).execute();
    await e.owner.post('/api/v1/contacts/departments', { parentId: e.root, name: '市场部' });
    await t.deps.outbox.drain();
    await t.deps.jobs.runDue();
    const [delivery] = (await e.owner.get<{ items: Delivery[] }>(`/api/v1/webhooks/${made.body.webhook.id}/deliveries`)).body.items;
    assert.deepEqual(delivery!.attempts.map((a) => [a.code, a.error]), [[null, 'the receiver’s address 127.0.0.1 is internal and this server does not allow private callbacks']]);
  });
});
