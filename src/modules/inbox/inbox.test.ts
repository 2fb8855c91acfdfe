import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { deliver } from './inbox.service.ts';

type Page = { items: { id: string; app: string; appName: string | null; title: string; text: { key: string; params: Record<string, string | number> } | null; readAt: string | null }[]; unread: number; nextCursor: string | null };

describeEachDialect('member inbox', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  it('messages arrive newest first with an unread count; marking read lowers it', async () => {
    const member = await t.register();
    const ctx = { corpId: member.me.currentCorp!.id, trx: t.deps.db, now: t.clock.now() };
    await deliver(ctx, [member.me.member!.id], { app: 'features', title: '余额预警', body: '可用余额低于预警金额' });
    t.clock.advance(1000);
    await deliver({ ...ctx, now: t.clock.now() }, [member.me.member!.id], { app: 'approvals', title: '待审批', body: '张三的请假申请' });
    const page = await member.get<Page>('/api/v1/inbox');
    assert.deepEqual(page.body.items.map((m) => m.title), ['待审批', '余额预警']);
    assert.equal(page.body.unread, 2);
    assert.equal((await member.post(`/api/v1/inbox/${page.body.items[0]!.id}/read`)).status, 204);
    assert.equal((await member.get<Page>('/api/v1/inbox')).body.unread, 1);
    await member.post('/api/v1/inbox/read-all');
    assert.equal((await member.get<Page>('/api/v1/inbox')).body.unread, 0);
  });

  it('a message with a dedupe key reaches each member once, however often it is sent', async () => {
    const member = await t.register();
    const ctx = { corpId: member.me.currentCorp!.id, trx: t.deps.db, now: t.clock.now() };
    const first = await deliver(ctx, [member.me.member!.id, member.me.member!.id], { app: 'features', title: '提醒', body: '一次', dedupeKey: 'alert:2026-01-05' });
    const second = await deliver(ctx, [member.me.member!.id], { app: 'features', title: '提醒', body: '一次', dedupeKey: 'alert:2026-01-05' });
    assert.deepEqual([first, second], [1, 0]);
    assert.equal((await member.get<Page>('/api/v1/inbox')).body.items.length, 1);
  });

  it("a module's notice carries what the console shows in the reader's language (its key and values); an app's message is shown as written", async () => {
    const member = await t.register();
    const ctx = { corpId: member.me.currentCorp!.id, trx: t.deps.db, now: t.clock.now() };
    const text = { key: 'wallet.balance_low', params: { balanceFen: 4_999, thresholdFen: 5_000 } };
    await deliver(ctx, [member.me.member!.id], { app: 'features', title: '余额不足提醒', body: '企业可用余额 ¥49.99，低于预警金额 ¥50.00', text });
    await deliver({ ...ctx, now: ctx.now + 1000 }, [member.me.member!.id], { app: 'app_1', title: 'Weekly report', body: 'Ready' });
    const page = await member.get<Page>('/api/v1/inbox');
    assert.deepEqual(page.body.items.map((m) => [m.title, m.text]), [['Weekly report', null], ['余额不足提醒', text]]);
  });

  it("a custom app's message names the app as the enterprise calls it now (renamed: the new name; deleted: none); a built-in app's names none, the console translates its code", async () => {
    const member = await t.register();
    const ctx = { corpId: member.me.currentCorp!.id, trx: t.deps.db, now: t.clock.now() };
    const departments = await member.get<{ items: { id: string }[] }>('/api/v1/contacts/departments');
    const createApp = async (name: string) =>
      (await member.post<{ app: { id: string } }>('/api/v1/apps', { name, description: '', visibleRange: { memberIds: [], departmentIds: [departments.body.items[0]!.id], tagIds: [] } })).body.app.id;
    const weekly = await createApp('周报');
    const gone = await createApp('临时应用');
    await deliver(ctx, [member.me.member!.id], { app: 'approvals', title: '待审批', body: '请假' });
    await deliver({ ...ctx, now: ctx.now + 1000 }, [member.me.member!.id], { app: weekly, title: '本周周报', body: '已生成' });
    await deliver({ ...ctx, now: ctx.now + 2000 }, [member.me.member!.id], { app: gone, title: '通知', body: '一次' });
    assert.equal((await member.patch(`/api/v1/apps/${weekly}`, { name: '周报助手' })).status, 200);
    assert.equal((await member.delete(`/api/v1/apps/${gone}`)).status, 204);
    const page = await member.get<Page>('/api/v1/inbox');
    assert.deepEqual(page.body.items.map((m) => [m.app, m.appName]), [[gone, null], [weekly, '周报助手'], ['approvals', null]]);
  });

  it("a member cannot read or mark another member's messages", async () => {
    const alice = await t.register();
    const bob = await t.register();
    await deliver({ corpId: alice.me.currentCorp!.id, trx: t.deps.db, now: t.clock.now() }, [alice.me.member!.id], { app: 'features', title: '私信', body: '只给 alice' });
    const message = (await alice.get<Page>('/api/v1/inbox')).body.items[0]!;
    assert.equal((await bob.get<Page>('/api/v1/inbox')).body.items.length, 0);
    assert.equal((await bob.post(`/api/v1/inbox/${message.id}/read`)).status, 404);
  });
});
