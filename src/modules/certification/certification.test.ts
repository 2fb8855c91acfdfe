import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, keepSessions, type Client, type RegisteredClient, type TestApp } from '../../../test/support/app.ts';
import { tablesOf } from '../../../test/support/tables.ts';
import { DAY } from '../../platform/clock.ts';
import { balanceOf, codeOf, credit, key, operatorClient } from '../wallet/testing/index.ts';
import { WARNING_JOB, runWarnings } from './certification.service.ts';

/** The smallest PNG: its signature, then bytes that make each upload distinct. */
const png = (label: string) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(label)]);
const scanForm = (content: Buffer, filename = '营业执照.png') => {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)]), filename);
  return form;
};

type Application = { id: string; status: string; subjectName: string; feeFen: number; rejectReason: string | null; validUntil: string | null; licenceFile: { id: string; name: string } | null };
type State = { certified: boolean; certifiedUntil: string | null; expiresInDays: number | null; latest: Application | null; mayApply: boolean };

describeEachDialect('企业认证 (certification application and review)', (use) => {
  let t: TestApp;
  let dataDir: string;
  let operator: Client;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'banyan-cert-'));
    t = await createTestApp(use(), { dataDir });
    operator = await operatorClient(t);
  });
  after(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function enterprise(fen = 100_000): Promise<RegisteredClient> {
    const client = await t.register({ corpName: '唐云科技有限公司' });
    await credit(t, client.me.currentCorp!.id, fen);
    return client;
  }
  async function upload(client: Client, content: Buffer): Promise<string> {
    const res = await client.postForm<{ id: string }>('/api/v1/certification/files', scanForm(content));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id;
  }
  async function apply(client: Client, fileId: string, quotedFen = 30_000, subjectName = '唐云科技有限公司') {
    return client.post<Application>('/api/v1/certification/applications', {
      subjectName,
      licenceName: '唐云科技有限公司',
      creditCode: '91440300MA5DC0XX1A',
      licenceFileId: fileId,
      contactName: '王小明',
      contactPhone: '13800138000',
      quotedFen,
      idempotencyKey: key('cert'),
    });
  }
  const state = async (client: Client) => (await client.get<State>('/api/v1/certification')).body;
  const limit = async (client: Client) => (await client.get<{ limit: number; certified: boolean }>('/api/v1/customers/quota')).body;
  const review = (client: RegisteredClient, id: string, body: unknown) => operator.post<Application>(`/api/v1/operator/corps/${client.me.currentCorp!.id}/certification-applications/${id}/review`, body);
  async function inbox(client: RegisteredClient): Promise<{ title: string; body: string; link: string | null }[]> {
    await t.deps.outbox.drain();
    const rows = await tablesOf(t.deps.db).selectFrom('inbox_messages').select(['title', 'body', 'link']).where('corp_id', '=', client.me.currentCorp!.id).where('member_id', '=', client.me.member!.id).orderBy('id').execute();
    return rows.filter((r) => r.title.startsWith('企业认证'));
  }

  it('a scan is stored once by its SHA-256 under the data directory; only JPEG, PNG or PDF, at most 5 MiB', async () => {
    const client = await enterprise();
    const content = png('licence-1');
    const id = await upload(client, content);
    assert.equal(id, createHash('sha256').update(content).digest('hex'));
    assert.equal(await upload(client, content), id);
    const download = await client.request('GET', `/api/v1/certification/files/${id}`);
    assert.equal(download.status, 200);
    assert.equal(download.headers['content-type'], 'image/png');
    const text = await client.postForm('/api/v1/certification/files', scanForm(Buffer.from('not a scan'), 'a.png'));
    assert.equal(text.status, 415);
    assert.equal(codeOf(text.body), 'certification.file_type');
    const big = await client.postForm('/api/v1/certification/files', scanForm(Buffer.concat([png('big'), Buffer.alloc(5 * 1024 * 1024)])));
    assert.equal(big.status, 413);
    assert.equal(codeOf(big.body), 'certification.file_too_large');
    const json = await client.post('/api/v1/certification/files', { file: 'x' });
    assert.equal(json.status, 415);
  });

  it('seed rule "认证主体需与提供的主体营业执照名称保持一致": a subject other than the licence name is refused, nothing is charged or written', async () => {
    const client = await enterprise();
    const fileId = await upload(client, png('licence-2'));
    const res = await apply(client, fileId, 30_000, '唐云科技');
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, {
      error: { code: 'certification.subject_mismatch', message: 'The certified subject must be exactly the name on the business licence (认证主体需与营业执照名称保持一致).', details: { subjectName: '唐云科技', licenceName: '唐云科技有限公司' } },
    });
    assert.equal(await balanceOf(client), 100_000);
    assert.equal((await state(client)).latest, null);
  });

  it("an application names only its own enterprise's scan; a changed price is refused", async () => {
    const client = await enterprise();
    const other = await enterprise();
    const foreign = await upload(other, png('foreign'));
    const res = await apply(client, foreign);
    assert.equal(res.status, 400);
    assert.deepEqual((res.body as unknown as { error: { code: string; details: unknown } }).error.details, { field: 'licenceFileId', id: foreign });
    const fileId = await upload(client, png('licence-3'));
    const stale = await apply(client, fileId, 20_000);
    assert.equal(codeOf(stale.body), 'wallet.price_changed');
    assert.equal(await balanceOf(client), 100_000);
  });

  it('the fee (企业微信认证 ¥300) is paid from the wallet at submission; while under review the old state holds; approval certifies with the subject as the full name', async () => {
    const client = await enterprise();
    const quote = await client.get<{ item: string; totalFen: number; balanceAfterFen: number }>('/api/v1/certification/quote');
    assert.deepEqual([quote.body.item, quote.body.totalFen, quote.body.balanceAfterFen], ['certification', 30_000, 70_000]);
    const fileId = await upload(client, png('licence-4'));
    const submitted = await apply(client, fileId);
    assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
    assert.deepEqual([submitted.body.status, submitted.body.feeFen, submitted.body.licenceFile?.id], ['review', 30_000, fileId]);
    assert.equal(await balanceOf(client), 70_000);
    assert.deepEqual([(await limit(client)).limit, (await limit(client)).certified], [100, false]);
    const again = await apply(client, fileId);
    assert.equal(codeOf(again.body), 'certification.under_review');
    assert.equal((await state(client)).mayApply, false);

    const queue = await operator.get<{ items: (Application & { corpName: string })[] }>('/api/v1/operator/certification-applications');
    assert.ok(queue.body.items.some((i) => i.id === submitted.body.id && i.corpName === '唐云科技有限公司'));
    const scan = await operator.request('GET', `/api/v1/operator/corps/${client.me.currentCorp!.id}/certification/files/${fileId}`);
    assert.equal(scan.status, 200);

    const until = t.clock.now() + 365 * DAY;
    const approved = await review(client, submitted.body.id, { decision: 'approve', validUntil: new Date(until).toISOString() });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.equal(approved.body.status, 'approved');
    const after = await state(client);
    assert.deepEqual([after.certified, after.certifiedUntil, after.expiresInDays, after.mayApply], [true, new Date(until).toISOString(), null, true]);
    assert.equal((await limit(client)).limit, 2_000);
    assert.equal(codeOf((await review(client, submitted.body.id, { decision: 'reject', reason: '晚了' })).body), 'certification.not_under_review');
    const log = await client.get<{ items: { action: string }[] }>('/api/v1/audit');
    assert.deepEqual(log.body.items.map((i) => i.action).filter((a) => a.startsWith('certification') || a === 'corp.certification'), ['certification.approve', 'corp.certification', 'certification.submit']);
    assert.deepEqual(await inbox(client), [{ title: '企业认证审核通过', body: `认证主体：唐云科技有限公司，有效期至 2027-01-05 09:00:00`, link: '/certification' }]);
  });

  it('rejected with a reason: nothing changes, the reason is shown, and the resubmission is not charged again', async () => {
    const client = await enterprise();
    const fileId = await upload(client, png('licence-5'));
    const submitted = await apply(client, fileId);
    const rejected = await review(client, submitted.body.id, { decision: 'reject', reason: '营业执照扫描件不清晰' });
    assert.deepEqual([rejected.body.status, rejected.body.rejectReason], ['rejected', '营业执照扫描件不清晰']);
    const s = await state(client);
    assert.deepEqual([s.certified, s.latest?.status, s.latest?.rejectReason, s.mayApply], [false, 'rejected', '营业执照扫描件不清晰', true]);
    const quote = await client.get<{ totalFen: number }>('/api/v1/certification/quote');
    assert.equal(quote.body.totalFen, 0);
    const again = await apply(client, fileId, 0);
    assert.equal(again.status, 201, JSON.stringify(again.body));
    assert.equal(again.body.feeFen, 0);
    assert.equal(await balanceOf(client), 70_000);
    assert.deepEqual((await inbox(client)).map((m) => m.title), ['企业认证审核未通过']);
  });

  it('the certification lapses at its end instant, also while a renewal is under review (validity ending during review); the 100-customer cap follows at once', async () => {
    const client = await enterprise();
    const fileId = await upload(client, png('licence-6'));
    const first = await apply(client, fileId);
    const end = t.clock.now() + 10 * DAY;
    await review(client, first.body.id, { decision: 'approve', validUntil: new Date(end).toISOString() });
    await keepSessions(t);
    t.clock.set(end - 2 * DAY);
    const renewal = await apply(client, fileId);
    assert.equal(renewal.status, 201, JSON.stringify(renewal.body));
    t.clock.set(end - 1);
    assert.deepEqual([(await state(client)).certified, (await limit(client)).limit], [true, 2_000]);
    t.clock.set(end);
    assert.deepEqual([(await state(client)).certified, (await limit(client)).limit], [false, 100]);
    t.clock.set(end + DAY);
    const renewed = await review(client, renewal.body.id, { decision: 'approve', validUntil: new Date(end + 366 * DAY).toISOString() });
    assert.equal(renewed.status, 200);
    assert.deepEqual([(await state(client)).certified, (await limit(client)).limit], [true, 2_000]);
    assert.equal(codeOf((await review(client, renewal.body.id, { decision: 'approve', validUntil: new Date(end).toISOString() })).body), 'certification.validity_in_past');
  });

  it('warned 30, 7 and 1 days before the end, each once (inbox and the console banner), by the scheduled job', async () => {
    const client = await enterprise();
    const fileId = await upload(client, png('licence-7'));
    const submitted = await apply(client, fileId);
    const end = t.clock.now() + 100 * DAY;
    await review(client, submitted.body.id, { decision: 'approve', validUntil: new Date(end).toISOString() });
    await keepSessions(t);
    const warnings = async () => (await inbox(client)).filter((m) => m.title === '企业认证即将到期').map((m) => m.body);
    const pass = () => runWarnings({ ...t.deps, now: t.clock.now() });

    t.clock.set(end - 30 * DAY - 1);
    await pass();
    assert.deepEqual(await warnings(), []);
    assert.equal((await state(client)).expiresInDays, null);
    t.clock.set(end - 30 * DAY);
    await t.deps.jobs.enqueueSlot(WARNING_JOB, t.clock.now());
    await t.deps.jobs.runDue();
    await pass();
    t.clock.advance(3 * DAY);
    await pass();
    const date = new Date(end + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    const text = (days: number) => `企业认证将于 ${date} 到期（不足 ${days} 天）。到期后客户添加上限恢复为 100 人，发票等依赖认证的功能将不可用，请及时申请认证。`;
    assert.deepEqual(await warnings(), [text(30)]);
    assert.equal((await state(client)).expiresInDays, 27);
    t.clock.set(end - 7 * DAY);
    await pass();
    t.clock.set(end - DAY + 1);
    await pass();
    await pass();
    assert.deepEqual(await warnings(), [text(30), text(7), text(1)]);
    assert.equal((await state(client)).expiresInDays, 1);
    t.clock.set(end);
    await pass();
    assert.equal((await warnings()).length, 3);
    assert.deepEqual([(await state(client)).certified, (await state(client)).expiresInDays], [false, null]);
  });

  it("only the operator reviews; another enterprise's application id matches nothing", async () => {
    const client = await enterprise();
    const fileId = await upload(client, png('licence-8'));
    const submitted = await apply(client, fileId);
    assert.equal((await client.get('/api/v1/operator/certification-applications')).status, 401);
    const self = await client.post(`/api/v1/operator/corps/${client.me.currentCorp!.id}/certification-applications/${submitted.body.id}/review`, { decision: 'approve', validUntil: '2030-01-01T00:00:00.000Z' });
    assert.equal(self.status, 401);
    const stranger = await enterprise();
    const wrongCorp = await review(stranger, submitted.body.id, { decision: 'reject', reason: 'x' });
    assert.equal(codeOf(wrongCorp.body), 'certification.not_under_review');
  });
});
