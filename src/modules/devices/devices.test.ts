import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { enterprise } from '../../../test/support/enterprise.ts';

const rights = (r: object) => ({ departmentIds: [], apps: [], deviceBind: false, deviceIds: [], ...r });
const code = (res: { body: unknown }) => (res.body as { error?: { code: string } }).error?.code;

describeEachDialect('devices (设备管理权限)', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  it('seed rule 设备管理权限 a) c): binding needs the bind right; changing a device needs manage on that device', async () => {
    const e = await enterprise(t);
    const binder = await e.member('绑定者');
    const keeper = await e.member('管理者');
    await e.owner.post('/api/v1/admins/hierarchical', { memberId: binder.memberId, rights: rights({ deviceBind: true }) });
    const bound = await binder.client.post<{ id: string }>('/api/v1/devices', { name: '前台考勤机', serial: 'SN-001', model: 'K1' });
    assert.equal(bound.status, 201);
    assert.equal(code(await binder.client.post('/api/v1/devices', { name: '重复', serial: 'SN-001', model: 'K1' })), 'device.serial_taken');
    assert.equal((await keeper.client.post('/api/v1/devices', { name: 'x', serial: 'SN-002', model: 'K1' })).status, 403);
    // Binding gives no manage right by itself.
    assert.equal((await binder.client.patch(`/api/v1/devices/${bound.body.id}`, { name: '改名' })).status, 403);
    await e.owner.post('/api/v1/admins/hierarchical', { memberId: keeper.memberId, rights: rights({ deviceIds: [bound.body.id] }) });
    const renamed = await keeper.client.patch<{ name: string }>(`/api/v1/devices/${bound.body.id}`, { name: '大门考勤机' });
    assert.equal(renamed.body.name, '大门考勤机');
    assert.deepEqual((await keeper.client.get<{ items: { id: string }[] }>('/api/v1/devices')).body.items.map((d) => d.id), [bound.body.id]);
    assert.deepEqual((await binder.client.get<{ items: unknown[] }>('/api/v1/devices')).body.items, []);
  });

  it('seed rule 设备管理权限 b): the creator and super admins manage every device', async () => {
    const e = await enterprise(t);
    const dev = await e.owner.post<{ id: string }>('/api/v1/devices', { name: '门禁', serial: 'SN-9', model: 'D1' });
    assert.equal((await e.owner.patch(`/api/v1/devices/${dev.body.id}`, { name: '侧门门禁' })).status, 200);
    assert.equal((await e.owner.delete(`/api/v1/devices/${dev.body.id}`)).status, 204);
    assert.deepEqual((await e.owner.get<{ items: unknown[] }>('/api/v1/devices')).body.items, []);
  });
});
