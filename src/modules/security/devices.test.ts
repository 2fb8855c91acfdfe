import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, keepSessions, TEST_SCRYPT, type Client, type TestApp } from '../../../test/support/app.ts';
import { errorCode, newCorp, securityBought, type Corp } from '../customers/testing/index.ts';
import { DirectoryFixture } from '../directory/testing/index.ts';
import { createAccount } from '../account/index.ts';

const empty = { memberIds: [], departmentIds: [], tagIds: [] };
type Device = { id: string; memberId: string; memberName: string; deviceKey: string; name: string; kind: string; status: string; lastSignInAt: string | null };
type SignIns = { items: { outcome: string; address: string; signedInAt: string; active: boolean }[] };

describeEachDialect('设备管理 (device management)', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());
  let start = 0;
  before(() => {
    start = t.clock.now();
  });

  let seq = 0;
  const bought = () => securityBought(t);

  /** A member with an account (not signed in): `signIn(device)` signs in from a fresh client. */
  async function member(corpId: string, name: string) {
    const loginName = `d${process.pid}x${++seq}`;
    const account = await t.deps.db.transaction().execute((trx) => createAccount(trx, t.clock.now(), TEST_SCRYPT, { name, loginName, password: 'password123' }));
    const contacts = await DirectoryFixture.open(t.deps.db, corpId, () => t.clock.now());
    const memberId = await contacts.member(name, undefined, { userid: loginName, accountId: account.id });
    return { memberId, loginName, signIn: (deviceKey?: string, deviceName = '') => signIn(loginName, deviceKey, deviceName) };
  }

  async function signIn(login: string, deviceKey?: string, deviceName = ''): Promise<{ status: number; code: string | undefined; client: Client }> {
    const client = t.client();
    client.address = '198.51.100.7';
    const headers: Record<string, string> = deviceKey ? { 'x-banyan-device-id': deviceKey, 'x-banyan-device-name': encodeURIComponent(deviceName) } : {};
    const res = await client.request('POST', '/api/v1/auth/sign-in', { login, password: 'password123' }, { 'content-type': 'application/json', ...headers });
    return { status: res.status, code: errorCode(res.body), client };
  }

  const restrict = (corp: Corp, policy: object) => corp.client.put('/api/v1/security/device-policy', { enabled: true, newDevice: 'approval', scope: empty, whitelist: empty, ...policy });
  const devicesOf = async (corp: Corp, query = '') => (await corp.client.get<{ items: Device[] }>(`/api/v1/security/devices${query}`)).body.items;

  it('seed rule 设置设备登录限制: a new device asks an admin (pending), signs in once approved; the admin sees every sign-in per device', async () => {
    const { corp } = await bought();
    const li = await member(corp.corpId, '李雷');
    assert.equal((await restrict(corp, {})).status, 200);

    const first = await li.signIn('laptop-0001-abcd', '李雷的 MacBook');
    assert.deepEqual([first.status, first.code], [403, 'security.device_pending']);
    const pending = await devicesOf(corp, '?status=pending');
    assert.deepEqual(
      pending.map((d) => [d.memberName, d.deviceKey, d.name, d.kind, d.status, d.lastSignInAt]),
      [['李雷', 'laptop-0001-abcd', '李雷的 MacBook', 'personal', 'pending', null]],
    );
    assert.deepEqual([(await li.signIn('laptop-0001-abcd')).code], ['security.device_pending']);

    const approved = await corp.client.post<{ device: Device }>(`/api/v1/security/devices/${pending[0]!.id}/approve`, {});
    assert.equal(approved.body.device.status, 'approved');
    const allowed = await li.signIn('laptop-0001-abcd');
    assert.equal(allowed.status, 200);
    assert.equal((await allowed.client.get('/api/v1/me')).status, 200);
    const signIns = await corp.client.get<SignIns>(`/api/v1/security/devices/${pending[0]!.id}/sign-ins`);
    assert.deepEqual(
      signIns.body.items.map((s) => [s.outcome, s.address, s.active]),
      [
        ['allowed', '198.51.100.7', true],
        ['refused', '198.51.100.7', false],
        ['refused', '198.51.100.7', false],
      ],
    );
    assert.equal((await devicesOf(corp, `?memberId=${li.memberId}`))[0]!.lastSignInAt, new Date(t.clock.now()).toISOString());
  });

  it('seed rule 设备登录限制 (refuse a new device): refused, an enterprise device the admin registered signs in, a client naming no device is refused', async () => {
    const { corp } = await bought();
    const han = await member(corp.corpId, '韩梅梅');
    await restrict(corp, { newDevice: 'refuse' });
    assert.equal((await han.signIn('phone-unknown-1')).code, 'security.device_refused');
    assert.deepEqual((await devicesOf(corp)).map((d) => [d.deviceKey, d.status]), [['phone-unknown-1', 'refused']]);
    assert.equal((await han.signIn()).code, 'security.device_unnamed');

    const registered = await corp.client.post<Device>('/api/v1/security/devices', { memberId: han.memberId, deviceKey: 'corp-pc-000042', name: '财务部台式机', kind: 'enterprise' });
    assert.equal(registered.status, 201);
    assert.deepEqual([registered.body.kind, registered.body.status], ['enterprise', 'approved']);
    assert.equal(errorCode((await corp.client.post('/api/v1/security/devices', { memberId: han.memberId, deviceKey: 'corp-pc-000042', name: '再登记', kind: 'enterprise' })).body), 'security.device_exists');
    assert.equal((await han.signIn('corp-pc-000042')).status, 200);
    // A sign-in arriving by redirect (OIDC) carries no header: the console's device cookie names it.
    const byCookie = t.client();
    byCookie.cookies.set('banyan_device', 'corp-pc-000042');
    assert.equal((await byCookie.post('/api/v1/auth/sign-in', { login: han.loginName, password: 'password123' })).status, 200);
  });

  it('issue rule scope and whitelist: a whitelisted member, one outside the scope and a super admin sign in from new devices (recorded as approved personal devices)', async () => {
    const { corp } = await bought();
    const contacts = await DirectoryFixture.open(t.deps.db, corp.corpId, () => t.clock.now());
    const sales = await contacts.department('销售部');
    const inScope = await member(corp.corpId, '在范围内');
    const whitelisted = await member(corp.corpId, '白名单');
    const outside = await member(corp.corpId, '范围外');
    const tag = await contacts.tag('驻外', [inScope.memberId, whitelisted.memberId]);
    await restrict(corp, { scope: { memberIds: [], departmentIds: [sales], tagIds: [tag] }, whitelist: { memberIds: [whitelisted.memberId], departmentIds: [], tagIds: [] } });
    assert.equal((await inScope.signIn('dev-in-scope-1')).code, 'security.device_pending');
    assert.equal((await whitelisted.signIn('dev-white-1')).status, 200);
    assert.equal((await outside.signIn('dev-outside-1')).status, 200);
    assert.equal((await signIn(corp.client.me.account.loginName, 'dev-creator-1')).status, 200);
    const byKey = new Map((await devicesOf(corp)).map((d) => [d.deviceKey, d.status]));
    assert.deepEqual(Object.fromEntries(byKey), { 'dev-in-scope-1': 'pending', 'dev-white-1': 'approved', 'dev-outside-1': 'approved', 'dev-creator-1': 'approved' });
  });

  it('seed rule 管理企业设备和个人设备 (revoke): revoking a device ends its sessions, not those of the member’s other devices, and it cannot sign in again', async () => {
    const { corp } = await bought();
    const wang = await member(corp.corpId, '王五');
    const onPhone = await wang.signIn('phone-wang-0001', 'iPhone');
    const onLaptop = await wang.signIn('laptop-wang-001', 'ThinkPad');
    const again = await wang.signIn('phone-wang-0001', 'iPhone');
    const phone = (await devicesOf(corp)).find((d) => d.deviceKey === 'phone-wang-0001')!;
    const revoked = await corp.client.post<{ device: Device; sessionsEnded: number }>(`/api/v1/security/devices/${phone.id}/revoke`, {});
    assert.deepEqual([revoked.body.device.status, revoked.body.sessionsEnded], ['revoked', 2]);
    assert.equal((await onPhone.client.get('/api/v1/me')).status, 401);
    assert.equal((await again.client.get('/api/v1/me')).status, 401);
    assert.equal((await onLaptop.client.get('/api/v1/me')).status, 200);
    assert.equal((await wang.signIn('phone-wang-0001')).code, 'security.device_revoked');
    const signIns = await corp.client.get<SignIns>(`/api/v1/security/devices/${phone.id}/sign-ins`);
    assert.deepEqual(signIns.body.items.map((s) => [s.outcome, s.active]), [['refused', false], ['allowed', false], ['allowed', false]]);
  });

  it('seed rule 逾期未购买…将无法使用: at the exact lapse instant the restriction stops and nothing is recorded; the setting is kept and cannot change until renewed', async () => {
    const { corp, activeUntil } = await bought();
    const zhao = await member(corp.corpId, '赵六');
    await restrict(corp, {});
    await keepSessions(t);
    t.clock.set(activeUntil - 1);
    assert.equal((await zhao.signIn('zhao-device-01')).code, 'security.device_pending');
    t.clock.set(activeUntil);
    assert.equal((await zhao.signIn('zhao-device-02')).status, 200);
    const devices = await devicesOf(corp);
    assert.deepEqual(devices.map((d) => d.deviceKey), ['zhao-device-01']);
    const kept = await corp.client.get<{ active: boolean; policy: { enabled: boolean } }>('/api/v1/security/device-policy');
    assert.deepEqual([kept.body.active, kept.body.policy.enabled], [false, true]);
    assert.equal(errorCode((await corp.client.post(`/api/v1/security/devices/${devices[0]!.id}/approve`, {})).body), 'security.not_active');
    t.clock.set(start);
  });

  it('issue rule the restriction holds on switching enterprise: a session opened elsewhere enters a restricted enterprise only from an approved device', async () => {
    const plain = await newCorp(t);
    const { corp } = await bought();
    await restrict(corp, {});
    const loginName = `d${process.pid}x${++seq}`;
    const account = await t.deps.db.transaction().execute((trx) => createAccount(trx, t.clock.now(), TEST_SCRYPT, { name: '周八', loginName, password: 'password123' }));
    for (const corpId of [plain.corpId, corp.corpId]) await (await DirectoryFixture.open(t.deps.db, corpId, () => t.clock.now())).member('周八', undefined, { userid: loginName, accountId: account.id });
    const { status, client } = await signIn(loginName, 'zhou-device-001');
    assert.equal(status, 200);
    const device = { 'content-type': 'application/json', 'x-banyan-device-id': 'zhou-device-001' };
    const refused = await client.request('PUT', '/api/v1/me/current-corp', { corpId: corp.corpId }, device);
    assert.deepEqual([refused.status, errorCode(refused.body)], [403, 'security.device_pending']);
    assert.equal((await client.get<{ me: { currentCorp: { id: string } } }>('/api/v1/me')).body.me.currentCorp.id, plain.corpId);
    const pending = (await devicesOf(corp))[0]!;
    await corp.client.post(`/api/v1/security/devices/${pending.id}/approve`, {});
    assert.equal((await client.request('PUT', '/api/v1/me/current-corp', { corpId: corp.corpId }, device)).status, 200);
    // Revoking the device ends the session that entered through the switch too.
    assert.equal((await corp.client.post<{ sessionsEnded: number }>(`/api/v1/security/devices/${pending.id}/revoke`, {})).body.sessionsEnded, 1);
    assert.equal((await client.get('/api/v1/me')).status, 401);
  });

  it('issue rule every id is checked against the caller’s enterprise; members cannot manage devices', async () => {
    const { corp } = await bought();
    const other = await bought();
    const sun = await member(corp.corpId, '孙七');
    await sun.signIn('sun-device-0001');
    const device = (await devicesOf(corp))[0]!;
    assert.equal(errorCode((await other.corp.client.post(`/api/v1/security/devices/${device.id}/revoke`, {})).body), 'security.device_not_found');
    assert.equal((await other.corp.client.get(`/api/v1/security/devices/${device.id}/sign-ins`)).status, 404);
    assert.deepEqual(await devicesOf(other.corp), []);
    const foreign = await other.corp.client.post('/api/v1/security/devices', { memberId: sun.memberId, deviceKey: 'foreign-dev-01', name: 'x', kind: 'enterprise' });
    assert.equal(errorCode(foreign.body), 'request.unknown_id');
    const signedIn = await sun.signIn('sun-device-0001');
    assert.equal((await signedIn.client.get('/api/v1/security/devices')).status, 403);
    assert.equal((await signedIn.client.post(`/api/v1/security/devices/${device.id}/revoke`, {})).status, 403);
  });
});
