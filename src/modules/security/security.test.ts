import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, keepSessions, type Client, type TestApp } from '../../../test/support/app.ts';
import { errorCode, securityBought, signedInMember } from '../customers/testing/index.ts';
import { DirectoryFixture } from '../directory/testing/index.ts';
import { membersByIds, readSheet, rootDepartmentId } from '../directory/index.ts';
import { parseCsv } from '../../platform/csv.ts';
import { loadExcel } from '../../platform/excel.ts';
import { addHierarchicalAdmin } from '../admin/testing/index.ts';
import { IpAllowList, parseRange, type ParsedRange } from './ip-ranges.ts';
import { phoneTail, watermarkText } from './watermark.ts';
import { decodeMarks, encodeMark } from './hidden-mark.ts';

const empty = { memberIds: [], departmentIds: [], tagIds: [] };
const allow = (...entries: string[]) => new IpAllowList(entries.map((e) => parseRange(e) as ParsedRange));

describe('IP ranges (IP 访问限制)', () => {
  it('issue rule host bits must be zero: 203.0.113.5/24 is refused, 203.0.113.0/24 and 2001:db8:abcd::/48 are networks', () => {
    assert.equal(parseRange('203.0.113.5/24'), 'host_bits');
    assert.equal(parseRange('2001:db8:abcd::1/48'), 'host_bits');
    assert.equal((parseRange('203.0.113.0/24') as ParsedRange).normalized, '203.0.113.0/24');
    assert.equal((parseRange('2001:db8:abcd::/48') as ParsedRange).normalized, '2001:db8:abcd::/48');
    assert.equal((parseRange('198.51.100.7') as ParsedRange).normalized, '198.51.100.7/32');
    assert.equal(parseRange('203.0.113.0/33'), 'invalid');
    assert.equal(parseRange('mail.example.com'), 'invalid');
  });

  it('issue rule IPv4-mapped IPv6 is normalised: ::ffff:203.0.113.77 is allowed by 203.0.113.0/24, and a mapped range is stored as IPv4', () => {
    assert.equal(allow('203.0.113.0/24').allows('::ffff:203.0.113.77'), true);
    assert.equal((parseRange('::ffff:203.0.113.0/120') as ParsedRange).normalized, '203.0.113.0/24');
    assert.equal(allow('::ffff:203.0.113.0/120').allows('203.0.113.9'), true);
  });

  it('issue rule IPv6 ranges: 2001:db8:abce::1 is refused by 2001:db8:abcd::/48, 2001:db8:abcd:ffff::1 allowed', () => {
    const list = allow('2001:db8:abcd::/48');
    assert.equal(list.allows('2001:db8:abce::1'), false);
    assert.equal(list.allows('2001:db8:abcd:ffff::1'), true);
    assert.equal(list.allows('203.0.113.77'), false);
  });

  it('overlapping and adjacent ranges merge; the edges of a range are inside, one past is outside', () => {
    const list = allow('10.0.0.0/9', '10.128.0.0/9', '10.1.0.0/16', '192.0.2.0/30');
    assert.deepEqual(['10.255.255.255', '11.0.0.0', '192.0.2.0', '192.0.2.3', '192.0.2.4', '9.255.255.255'].map((a) => list.allows(a)), [true, false, true, true, false, false]);
  });
});

describe('visible watermark text (明水印)', () => {
  const at = Date.parse('2026-12-02T00:41:00Z');
  it('seed rule 水印可以包含姓名、手机号后四位、帐号、时间戳: the segments in order, one space apart', () => {
    assert.equal(watermarkText({ name: '张三', phone: '+86 138 0013 8000', userid: 'zhangsan' }, ['time', 'account', 'phone', 'name'], '', at), '张三 8000 zhangsan 2026-12-02 08:41');
  });
  it('issue rule a member without a phone gets no phone segment and no double space', () => {
    assert.equal(watermarkText({ name: '李四', phone: null, userid: 'lisi' }, ['name', 'phone', 'account'], '', at), '李四 lisi');
    assert.equal(watermarkText({ name: '李四', phone: '', userid: 'lisi' }, ['phone'], '', at), '');
  });
  it('issue rule +86 138 0013 8000 gives 8000', () => {
    assert.equal(phoneTail('+86 138 0013 8000'), '8000');
    assert.equal(phoneTail('13800138000'), '8000');
    assert.equal(phoneTail('12'), '');
  });
  it('seed rule 自定义信息（仅适用于文档）: the custom text closes the docs watermark', () => {
    assert.equal(watermarkText({ name: '王五', phone: null, userid: 'ww' }, ['name', 'custom'], '内部资料', at), '王五 内部资料');
  });
});

describe('hidden watermark in text (暗水印)', () => {
  it('issue rule zero-width characters encode the member and the minute, invisible in the text and decoded back', () => {
    const at = Date.parse('2026-12-02T00:41:37Z');
    const mark = encodeMark('mem_01JDZ8Q3V0000000000000000A', at);
    assert.match(mark, /^[\u2060\u200b\u200c]+$/);
    const exported = `姓名,手机\n张三,138${mark}0013\n`;
    assert.equal(exported.replace(/[\u2060\u200b\u200c]/g, ''), '姓名,手机\n张三,1380013\n');
    assert.deepEqual(decodeMarks(exported + encodeMark('mem_B', at + 60_000)), [
      { memberId: 'mem_01JDZ8Q3V0000000000000000A', at: Date.parse('2026-12-02T00:41:00Z') },
      { memberId: 'mem_B', at: Date.parse('2026-12-02T00:42:00Z') },
    ]);
    assert.deepEqual(decodeMarks('no mark \u2060\u200b\u2060 here'), []);
  });
});

describeEachDialect('安全管理 policies', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());
  // Tests that stand at other instants come back here, so each starts where the suite started.
  let start = 0;
  before(() => {
    start = t.clock.now();
  });

  const bought = () => securityBought(t);
  const from = (client: Client, address: string) => {
    client.address = address;
    return client;
  };

  describe('IP 访问限制', () => {
    it('issue rule host bits must be zero: saving 203.0.113.5/24 is a 400 naming the entry, nothing saved', async () => {
      const { corp } = await bought();
      const res = await corp.client.put('/api/v1/security/ip-policy', { enabled: true, mail: ['198.51.100.0/24', '203.0.113.5/24'], drive: [], exempt: empty });
      assert.equal(res.status, 400);
      assert.equal(errorCode(res.body), 'security.host_bits');
      assert.deepEqual((res.body as { error: { details: unknown } }).error.details, { field: '/mail/1', entry: '203.0.113.5/24' });
      const kept = await corp.client.get<{ policy: { enabled: boolean; mail: string[] } }>('/api/v1/security/ip-policy');
      assert.deepEqual([kept.body.policy.enabled, kept.body.policy.mail], [false, []]);
    });

    it('issue rule checked on every request to mail and drive: an unlisted address is refused saying why, a listed one (also IPv4-mapped) allowed, an exempt member always', async () => {
      const { corp } = await bought();
      const inside = await signedInMember(t, corp.corpId, '在办公室');
      const exempt = await signedInMember(t, corp.corpId, '出差的人');
      const saved = await corp.client.put<{ policy: { mail: string[] } }>('/api/v1/security/ip-policy', {
        enabled: true,
        mail: ['203.0.113.0/24', '2001:db8:abcd::/48', '::ffff:198.51.100.0/120'],
        drive: [],
        exempt: { memberIds: [exempt.memberId], departmentIds: [], tagIds: [] },
      });
      assert.equal(saved.status, 200);
      assert.deepEqual(saved.body.policy.mail, ['203.0.113.0/24', '2001:db8:abcd::/48', '198.51.100.0/24']);

      assert.equal((await from(inside.client, '::ffff:203.0.113.77').get('/api/v1/security/access/mail')).status, 200);
      assert.equal((await from(inside.client, '2001:db8:abcd::9').get('/api/v1/security/access/mail')).status, 200);
      const refused = await from(inside.client, '2001:db8:abce::1').get<{ error: { code: string; message: string; details: unknown } }>('/api/v1/security/access/mail');
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error.code, 'security.ip_refused');
      assert.deepEqual(refused.body.error.details, { surface: 'mail', address: '2001:db8:abce::1', reason: 'address_not_listed' });
      assert.equal((await from(exempt.client, '2001:db8:abce::1').get('/api/v1/security/access/mail')).status, 200);
      // Drive has no list: not restricted.
      assert.equal((await from(inside.client, '2001:db8:abce::1').get('/api/v1/security/access/drive')).status, 200);
    });

    it('issue rule the admin console is never locked out: the admin changes the policy from a refused address', async () => {
      const { corp } = await bought();
      await corp.client.put('/api/v1/security/ip-policy', { enabled: true, mail: ['203.0.113.0/24'], drive: ['203.0.113.0/24'], exempt: empty });
      from(corp.client, '192.0.2.1');
      assert.equal((await corp.client.get('/api/v1/security/access/drive')).status, 403);
      const off = await corp.client.put('/api/v1/security/ip-policy', { enabled: false, mail: ['203.0.113.0/24'], drive: ['203.0.113.0/24'], exempt: empty });
      assert.equal(off.status, 200);
      assert.equal((await corp.client.get('/api/v1/security/access/drive')).status, 200);
    });

    it('seed rule 逾期未购买…将无法使用: at the exact lapse instant the IP limit is no longer applied, and the policy is kept for a renewal', async () => {
      const { corp, activeUntil } = await bought();
      const member = await signedInMember(t, corp.corpId);
      await corp.client.put('/api/v1/security/ip-policy', { enabled: true, mail: ['203.0.113.0/24'], drive: [], exempt: empty });
      await keepSessions(t);
      from(member.client, '192.0.2.1');
      t.clock.set(activeUntil - 1);
      assert.equal((await member.client.get('/api/v1/security/access/mail')).status, 403);
      t.clock.set(activeUntil);
      assert.equal((await member.client.get('/api/v1/security/access/mail')).status, 200);
      const kept = await corp.client.get<{ active: boolean; policy: { enabled: boolean; mail: string[] } }>('/api/v1/security/ip-policy');
      assert.deepEqual([kept.body.active, kept.body.policy.enabled, kept.body.policy.mail], [false, true, ['203.0.113.0/24']]);
      const change = await corp.client.put('/api/v1/security/ip-policy', { enabled: false, mail: [], drive: [], exempt: empty });
      assert.equal(errorCode(change.body), 'security.not_active');
      t.clock.set(start);
    });

    it('decision: a hierarchical admin managing the 高级功能 app sets policies; one without it is refused', async () => {
      const { corp } = await bought();
      const withApp = await signedInMember(t, corp.corpId);
      const without = await signedInMember(t, corp.corpId);
      await t.deps.db.transaction().execute(async (trx) => {
        const root = await rootDepartmentId(trx, corp.corpId);
        const ctx = { corpId: corp.corpId, trx, now: t.clock.now(), log: t.deps.log, registry: t.deps.registry, actor: { kind: 'member' as const, id: corp.creatorId, name: 'x', accountId: corp.client.me.account.id } };
        await addHierarchicalAdmin(ctx, { memberId: withApp.memberId, rights: { departmentIds: [root], apps: [{ appId: 'features', level: 'manage' }], deviceBind: false, deviceIds: [] } });
        await addHierarchicalAdmin(ctx, { memberId: without.memberId, rights: { departmentIds: [root], apps: [], deviceBind: false, deviceIds: [] } });
      });
      const body = { enabled: true, mail: ['203.0.113.0/24'], drive: [], exempt: empty };
      assert.equal((await withApp.client.put('/api/v1/security/ip-policy', body)).status, 200);
      assert.equal((await without.client.put('/api/v1/security/ip-policy', body)).status, 403);
    });

    it('issue rule only admins managing 高级功能 set policies: a member is refused; ids of another enterprise are refused', async () => {
      const { corp } = await bought();
      const other = await bought();
      const member = await signedInMember(t, corp.corpId);
      assert.equal((await member.client.put('/api/v1/security/ip-policy', { enabled: true, mail: [], drive: [], exempt: empty })).status, 403);
      assert.equal((await member.client.get('/api/v1/security/ip-policy')).status, 403);
      const foreign = await corp.client.put('/api/v1/security/ip-policy', { enabled: true, mail: [], drive: [], exempt: { memberIds: [other.corp.creatorId], departmentIds: [], tagIds: [] } });
      assert.equal(errorCode(foreign.body), 'request.unknown_id');
    });
  });

  describe('明水印', () => {
    it('issue rule the server composes the text per member; custom text only on docs; none once lapsed', async () => {
      const { corp, activeUntil } = await bought();
      const member = await signedInMember(t, corp.corpId, '赵六');
      const phoned = await corp.client.patch(`/api/v1/contacts/members/${member.memberId}`, { phone: '+86-138-0013-8000' });
      assert.equal(phoned.status, 200);
      const policy = {
        chat: { enabled: false, content: ['name'] },
        contacts: { enabled: true, content: ['name', 'phone'] },
        mail: { enabled: true, content: ['name', 'phone', 'account'] },
        docs: { enabled: true, content: ['name', 'custom'] },
        drive: { enabled: true, content: ['time'] },
        customText: ' 内部资料 ',
      };
      const wrong = await corp.client.put('/api/v1/security/watermark-policy', { ...policy, mail: { enabled: true, content: ['custom'] } });
      assert.equal(errorCode(wrong.body), 'security.custom_text_docs_only');
      assert.equal((await corp.client.put('/api/v1/security/watermark-policy', policy)).status, 200);
      const mark = async (surface: string) => (await member.client.get<{ enabled: boolean; text: string }>(`/api/v1/security/watermark?surface=${surface}`)).body;
      assert.deepEqual(await mark('contacts'), { enabled: true, text: '赵六 8000', hiddenMark: '' });
      assert.deepEqual(await mark('docs'), { enabled: true, text: '赵六 内部资料', hiddenMark: '' });
      assert.deepEqual(await mark('chat'), { enabled: false, text: '', hiddenMark: '' });
      await keepSessions(t);
      t.clock.set('2026-03-01T10:05:00+08:00');
      assert.deepEqual(await mark('drive'), { enabled: true, text: '2026-03-01 10:05', hiddenMark: '' });
      const creator = (await corp.client.get<{ enabled: boolean; text: string }>('/api/v1/security/watermark?surface=contacts')).body;
      assert.equal(creator.text, corp.client.me.member!.name);
      t.clock.set(activeUntil);
      assert.deepEqual(await mark('contacts'), { enabled: false, text: '', hiddenMark: '' });
      t.clock.set(start);
    });
  });

  describe('暗水印', () => {
    it('issue rule pages carry a mark an admin decodes back to the member and time; another enterprise decodes nothing; none once lapsed', async () => {
      const { corp, activeUntil } = await bought();
      const other = await bought();
      const member = await signedInMember(t, corp.corpId, '孙八');
      const off = { enabled: false, content: [] };
      await corp.client.put('/api/v1/security/watermark-policy', { chat: off, contacts: { enabled: false, content: [], hidden: true }, mail: off, docs: off, drive: off, customText: '' });
      const page = (await member.client.get<{ enabled: boolean; text: string; hiddenMark: string }>('/api/v1/security/watermark?surface=contacts')).body;
      assert.deepEqual([page.enabled, page.text], [false, '']);
      assert.notEqual(page.hiddenMark, '');
      const copied = `通讯录导出 ${page.hiddenMark}孙八 销售部`;
      const decoded = await corp.client.post<{ marks: unknown[] }>('/api/v1/security/hidden-watermark/decode', { text: copied });
      const { userid } = (await membersByIds(t.deps.db, corp.corpId, [member.memberId])).get(member.memberId)!;
      assert.deepEqual(decoded.body.marks, [{ memberId: member.memberId, memberName: '孙八', userid, markedAt: new Date(Math.floor(t.clock.now() / 60_000) * 60_000).toISOString() }]);
      assert.deepEqual((await other.corp.client.post<{ marks: unknown[] }>('/api/v1/security/hidden-watermark/decode', { text: copied })).body.marks, []);
      assert.equal((await member.client.post('/api/v1/security/hidden-watermark/decode', { text: copied })).status, 403);
      await keepSessions(t);
      t.clock.set(activeUntil);
      assert.equal((await member.client.get<{ hiddenMark: string }>('/api/v1/security/watermark?surface=contacts')).body.hiddenMark, '');
      t.clock.set(start);
    });
  });

  describe('暗水印 in exports', () => {
    it('issue rule exported files carry a mark an admin decodes back to the member and time: every name of the contacts export (.csv and .xlsx); the importer drops it; none once lapsed', async () => {
      const { corp, activeUntil } = await bought();
      await signedInMember(t, corp.corpId, '周九');
      const off = { enabled: false, content: [] };
      await corp.client.put('/api/v1/security/watermark-policy', { chat: off, contacts: { enabled: false, content: [], hidden: true }, mail: off, docs: off, drive: off, customText: '' });
      const minute = new Date(Math.floor(t.clock.now() / 60_000) * 60_000).toISOString();
      const csv = (await corp.client.request<string>('GET', '/api/v1/contacts/export?kind=members&format=csv')).body;
      const rows = parseCsv(csv.replace(/^\uFEFF/, '')).slice(1);
      assert.deepEqual(rows.map((r) => r[0]!.replace(/[\u2060\u200b\u200c]/g, '')).sort(), [corp.client.me.member!.name, '周九'].sort());
      const decoded = await corp.client.post<{ marks: { memberId: string; markedAt: string }[] }>('/api/v1/security/hidden-watermark/decode', { text: rows[0]![0]! });
      assert.deepEqual(decoded.body.marks.map((m) => [m.memberId, m.markedAt]), [[corp.creatorId, minute]]);
      assert.deepEqual((await readSheet(Buffer.from(csv), 'csv')).slice(1).map((r) => r[0]).sort(), [corp.client.me.member!.name, '周九'].sort());

      const xlsx = await t.app.inject({ method: 'GET', url: '/api/v1/contacts/export?kind=members&format=xlsx', headers: { cookie: [...corp.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
      const ExcelJS = await loadExcel();
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const cell = String(workbook.worksheets[0]!.getRow(2).getCell(1).value);
      assert.deepEqual(decodeMarks(cell).map((m) => m.memberId), [corp.creatorId]);

      await keepSessions(t);
      t.clock.set(activeUntil);
      const lapsed = (await corp.client.request<string>('GET', '/api/v1/contacts/export?kind=members&format=csv')).body;
      assert.equal(/[\u2060\u200b\u200c]/.test(lapsed), false);
      t.clock.set(start);
    });
  });

  describe('截屏/录屏管控 and 分享到外部管理', () => {
    it('issue rule clients fetch the policy with an ETag (304 when unchanged); scope by department and tag, whitelist exempt', async () => {
      const { corp } = await bought();
      const contacts = await DirectoryFixture.open(t.deps.db, corp.corpId, () => t.clock.now());
      const sales = await contacts.department('销售部');
      const inScope = await signedInMember(t, corp.corpId);
      const whitelisted = await signedInMember(t, corp.corpId);
      const outside = await signedInMember(t, corp.corpId);
      const tag = await contacts.tag('外勤', [inScope.memberId, whitelisted.memberId]);
      const mine = (client: Client, etag?: string) => client.request<{ screenCaptureRestricted: boolean; shareExternalRestricted: boolean }>('GET', '/api/v1/security/my-client-policies', undefined, etag ? { 'if-none-match': etag } : {});

      const before = await mine(inScope.client);
      assert.deepEqual(before.body, { screenCaptureRestricted: false, shareExternalRestricted: false });
      const etag = before.headers.etag as string;
      assert.equal((await mine(inScope.client, etag)).status, 304);

      const saved = await corp.client.put('/api/v1/security/client-policies/screen_capture', {
        enabled: true,
        scope: { memberIds: [], departmentIds: [sales], tagIds: [tag] },
        whitelist: { memberIds: [whitelisted.memberId], departmentIds: [], tagIds: [] },
      });
      assert.equal(saved.status, 200);
      await corp.client.put('/api/v1/security/client-policies/share_external', { enabled: true, scope: empty, whitelist: empty });

      const after = await mine(inScope.client, etag);
      assert.equal(after.status, 200);
      assert.deepEqual(after.body, { screenCaptureRestricted: true, shareExternalRestricted: true });
      assert.notEqual(after.headers.etag, etag);
      assert.deepEqual((await mine(whitelisted.client)).body, { screenCaptureRestricted: false, shareExternalRestricted: true });
      assert.deepEqual((await mine(outside.client)).body, { screenCaptureRestricted: false, shareExternalRestricted: true });
    });

    it('issue rule clients report violations to an append-only record admins search by kind and member', async () => {
      const { corp } = await bought();
      const member = await signedInMember(t, corp.corpId, '钱七');
      from(member.client, '198.51.100.23');
      await keepSessions(t);
      t.clock.set('2026-02-01T09:00:00+08:00');
      assert.equal((await member.client.post('/api/v1/security/violations', { kind: 'screen_capture', detail: '通讯录 截屏' })).status, 201);
      t.clock.set('2026-02-01T09:30:00+08:00');
      assert.equal((await member.client.post('/api/v1/security/violations', { kind: 'share_external', detail: '分享到微信' })).status, 201);
      type Page = { items: { kind: string; memberName: string; detail: string; address: string; occurredAt: string }[] };
      const all = await corp.client.get<Page>('/api/v1/security/violations');
      assert.deepEqual(
        all.body.items.map((v) => [v.kind, v.memberName, v.detail, v.address, v.occurredAt]),
        [
          ['share_external', '钱七', '分享到微信', '198.51.100.23', '2026-02-01T01:30:00.000Z'],
          ['screen_capture', '钱七', '通讯录 截屏', '198.51.100.23', '2026-02-01T01:00:00.000Z'],
        ],
      );
      const captures = await corp.client.get<Page>(`/api/v1/security/violations?kind=screen_capture&memberId=${member.memberId}`);
      assert.deepEqual(captures.body.items.map((v) => v.detail), ['通讯录 截屏']);
      assert.equal((await member.client.get('/api/v1/security/violations')).status, 403);
      t.clock.set(start);
    });
  });
});
