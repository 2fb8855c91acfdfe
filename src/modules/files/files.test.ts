import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, keepSessions, type Client, type TestApp } from '../../../test/support/app.ts';
import { errorCode, newCorp, securityBought, signedInMember, type Corp } from '../customers/testing/index.ts';
import { DirectoryFixture } from '../directory/testing/index.ts';
import { rootDepartmentId } from '../directory/index.ts';
import { addHierarchicalAdmin } from '../admin/testing/index.ts';
import { loadExcel } from '../../platform/excel.ts';
import type { FileView } from './files.service.ts';

const empty = { memberIds: [], departmentIds: [], tagIds: [] };
const LIMIT = 1024;
const QUOTA = 3000;
const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

function fileForm(content: string | Buffer, name: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  return form;
}

interface RecordDto {
  memberName: string;
  action: string;
  fileName: string;
  targetName: string | null;
  address: string;
  at: string;
}

describeEachDialect('file store and 文件防泄漏', (use) => {
  let t: TestApp;
  let dataDir: string;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'banyan-files-'));
    // Many enterprises and members sign up and in: the per-minute sign-in limit is not under test here.
    t = await createTestApp(use(), { dataDir, fileLimitBytes: LIMIT, fileQuotaBytes: QUOTA, signInLimitPerMinute: 1000 });
  });
  after(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  let start = 0;
  before(() => {
    start = t.clock.now();
  });

  const bought = () => securityBought(t, 3);
  async function seated(corp: Corp, name: string, departmentIds?: string[]): Promise<{ client: Client; memberId: string }> {
    const member = await signedInMember(t, corp.corpId, name, departmentIds);
    const res = await corp.client.put(`/api/v1/features/security/seats/${member.memberId}`);
    assert.equal(res.status, 204, JSON.stringify(res.body));
    return member;
  }
  const upload = (client: Client, content: string | Buffer, name: string) => client.postForm<FileView>('/api/v1/files', fileForm(content, name));
  const leak = (corp: Corp, policy: Record<string, unknown>) => corp.client.put('/api/v1/security/leak-policy', { enabled: true, scope: empty, whitelist: empty, blockDownload: false, blockExternalShare: false, ...policy });

  describe('the file store', () => {
    it('an upload is content-addressed under <data>/drive/<corp>/<2 hex>/<sha256>: the same bytes twice are one stored file, two listed files', async () => {
      const corp = await newCorp(t);
      const member = await signedInMember(t, corp.corpId, '赵一');
      const first = await upload(member.client, '季度报告', 'report.txt');
      assert.equal(first.status, 201);
      assert.deepEqual({ ...first.body, id: '', createdAt: '' }, { id: '', name: 'report.txt', mime: 'text/plain; charset=utf-8', size: Buffer.byteLength('季度报告'), confidential: false, forwardedBy: null, folderId: null, createdAt: '', downloadAllowed: true, shareAllowed: true });
      assert.equal(first.body.createdAt, new Date(t.clock.now()).toISOString());
      const second = await upload(member.client, '季度报告', 'copy.txt');
      assert.equal(second.status, 201);
      const digest = sha('季度报告');
      assert.deepEqual(readdirSync(join(dataDir, 'drive', corp.corpId, digest.slice(0, 2))), [digest]);
      assert.equal(existsSync(join(dataDir, 'confidential', corp.corpId, digest.slice(0, 2), digest)), false);
      const mine = await member.client.get<{ items: FileView[] }>('/api/v1/files');
      assert.deepEqual(mine.body.items.map((f) => f.name), ['copy.txt', 'report.txt']);
      const got = await member.client.get(`/api/v1/files/${first.body.id}/download`);
      assert.equal(got.status, 200);
      assert.equal(got.body, '季度报告');
      assert.match(String(got.headers['content-disposition']), /^attachment; .*filename\*=UTF-8''report\.txt$/);
      const viewed = await member.client.get(`/api/v1/files/${first.body.id}/view`);
      assert.equal(viewed.status, 200);
      assert.match(String(viewed.headers['content-disposition']), /^inline; /);
      assert.equal(viewed.headers['content-type'], 'text/plain; charset=utf-8');
    });

    it('decision: a file uploaded before the per-enterprise areas (bytes under <data>/files/<2 hex>/) is still viewed; deleting it leaves those bytes', async () => {
      const corp = await newCorp(t);
      const member = await signedInMember(t, corp.corpId, '钱旧');
      const file = await upload(member.client, '旧版本上传的文件', 'old.txt');
      const digest = sha('旧版本上传的文件');
      const legacy = join(dataDir, 'files', digest.slice(0, 2));
      mkdirSync(legacy, { recursive: true });
      renameSync(join(dataDir, 'drive', corp.corpId, digest.slice(0, 2), digest), join(legacy, digest));
      const viewed = await member.client.get(`/api/v1/files/${file.body.id}/view`);
      assert.deepEqual([viewed.status, viewed.body], [200, '旧版本上传的文件']);
      assert.equal((await member.client.delete(`/api/v1/files/${file.body.id}`)).status, 204);
      assert.equal(existsSync(join(legacy, digest)), true);
    });

    it('the per-file size limit (config, default 20 MiB): one byte over is a 413 and nothing is kept, not even a temp file', async () => {
      const corp = await newCorp(t);
      const member = await signedInMember(t, corp.corpId);
      const over = await upload(member.client, Buffer.alloc(LIMIT + 1, 7), 'big.bin');
      assert.equal(over.status, 413);
      assert.deepEqual(over.body, { error: { code: 'files.too_large', message: 'The file is too large; details.limitBytes says how large a file may be.', details: { limitBytes: LIMIT } } });
      assert.deepEqual(readdirSync(join(dataDir, 'drive', corp.corpId, 'tmp')), []);
      assert.equal(existsSync(join(dataDir, 'drive', corp.corpId, sha(Buffer.alloc(LIMIT + 1, 7)).slice(0, 2))), false);
      assert.deepEqual((await member.client.get<{ items: unknown[] }>('/api/v1/files')).body.items, []);
      const exact = await upload(member.client, Buffer.alloc(LIMIT, 7), 'fits.bin');
      assert.equal(exact.status, 201);
      assert.equal(exact.body.mime, 'application/octet-stream');
    });

    it('the upload is multipart/form-data with one `file`: JSON is a 415, another field or no file a 400 naming it, a declared length over the limit a 413 before reading', async () => {
      const corp = await newCorp(t);
      const member = await signedInMember(t, corp.corpId);
      const json = await member.client.post('/api/v1/files', { file: 'x' });
      assert.deepEqual([json.status, errorCode(json.body)], [415, 'request.unsupported_media_type']);
      const extra = new FormData();
      extra.append('folder', 'a');
      const named = await member.client.postForm('/api/v1/files', extra);
      assert.deepEqual([named.status, (named.body as { error: { details: unknown } }).error.details], [400, { in: 'body', field: '/folder', reason: 'unknown_field' }]);
      const none = await member.client.postForm('/api/v1/files', new FormData());
      assert.deepEqual([none.status, (none.body as { error: { details: unknown } }).error.details], [400, { in: 'body', field: '/file', reason: 'required' }]);
      const declared = await member.client.request('POST', '/api/v1/files', 'x', { 'content-type': 'multipart/form-data; boundary=b', 'content-length': String(LIMIT + 64 * 1024 + 1) });
      assert.deepEqual([declared.status, errorCode(declared.body)], [413, 'files.too_large']);
      assert.deepEqual((await member.client.get<{ items: unknown[] }>('/api/v1/files')).body.items, []);
    });

    it('another member’s file or another enterprise’s is not found; a forward goes only to an active member of the same enterprise', async () => {
      const corp = await newCorp(t);
      const owner = await signedInMember(t, corp.corpId, '钱二');
      const colleague = await signedInMember(t, corp.corpId, '孙三');
      const other = await newCorp(t);
      const file = await upload(owner.client, 'plan', 'plan.txt');
      for (const client of [colleague.client, other.client]) {
        const res = await client.get(`/api/v1/files/${file.body.id}/view`);
        assert.equal(res.status, 404);
        assert.equal(errorCode(res.body), 'files.not_found');
      }
      const outside = await owner.client.post(`/api/v1/files/${file.body.id}/forwards`, { memberId: other.creatorId });
      assert.equal(outside.status, 400);
      assert.deepEqual((outside.body as { error: { code: string; details: unknown } }).error.details, { field: '/memberId', memberId: other.creatorId });
      const sent = await owner.client.post<FileView>(`/api/v1/files/${file.body.id}/forwards`, { memberId: colleague.memberId });
      assert.equal(sent.status, 201);
      assert.equal(sent.body.forwardedBy, '钱二');
      const theirs = await colleague.client.get<{ items: FileView[] }>('/api/v1/files');
      assert.deepEqual(theirs.body.items.map((f) => [f.name, f.forwardedBy, f.confidential]), [['plan.txt', '钱二', false]]);
      assert.equal((await colleague.client.get(`/api/v1/files/${theirs.body.items[0]!.id}/download`)).body, 'plan');
    });

    it('ordinary files count against the member’s quota (config): past it a 409, nothing listed or kept', async () => {
      const corp = await newCorp(t);
      const member = await signedInMember(t, corp.corpId);
      for (let i = 0; i < 2; i++) assert.equal((await upload(member.client, Buffer.alloc(1000, i), `f${i}.bin`)).status, 201);
      const full = await upload(member.client, Buffer.alloc(1001, 9), 'f2.bin');
      assert.equal(full.status, 409);
      assert.deepEqual((full.body as unknown as { error: { code: string; details: unknown } }).error, { code: 'files.quota_exceeded', message: 'Your files would take more than your quota (details.quotaBytes, details.usedBytes); delete some first. Confidential files count against no quota.', details: { quotaBytes: QUOTA, usedBytes: 2000 } });
      assert.equal((await member.client.get<{ items: unknown[] }>('/api/v1/files')).body.items.length, 2);
      // The refused upload's bytes are not kept, not even as a temporary file.
      assert.deepEqual(readdirSync(join(dataDir, 'drive', corp.corpId, 'tmp')), []);
      assert.equal(existsSync(join(dataDir, 'drive', corp.corpId, sha(Buffer.alloc(1001, 9)).slice(0, 2), sha(Buffer.alloc(1001, 9)))), false);
    });
  });

  describe('folders, deletion and quota', () => {
    type Folder = { id: string; name: string; parentId: string | null; createdAt: string };
    const blobAt = (corp: Corp, content: string | Buffer, confidential = false) => join(dataDir, confidential ? 'confidential' : 'drive', corp.corpId, sha(content).slice(0, 2), sha(content));
    const names = async (client: Client, folderId?: string) => (await client.get<{ items: FileView[] }>(`/api/v1/files${folderId ? `?folderId=${folderId}` : ''}`)).body.items.map((f) => f.name);

    it('issue rule deleting files: only the owner deletes (another member’s or enterprise’s is 404); the blob goes when no file of the enterprise lists it any more', async () => {
      const corp = await newCorp(t);
      const owner = await signedInMember(t, corp.corpId, '删除者');
      const colleague = await signedInMember(t, corp.corpId, '同事甲');
      const other = await newCorp(t);
      const otherMember = await signedInMember(t, other.corpId);
      const first = await upload(owner.client, 'same bytes', 'a.txt');
      const second = await upload(owner.client, 'same bytes', 'b.txt');
      // The other enterprise's copy of the same bytes is its own blob, in its own area.
      const theirs = await upload(otherMember.client, 'same bytes', 'theirs.txt');
      const forwarded = await owner.client.post<FileView>(`/api/v1/files/${first.body.id}/forwards`, { memberId: colleague.memberId });
      for (const client of [colleague.client, other.client, otherMember.client]) {
        const res = await client.delete(`/api/v1/files/${first.body.id}`);
        assert.deepEqual([res.status, errorCode(res.body)], [404, 'files.not_found']);
      }
      assert.equal((await owner.client.delete(`/api/v1/files/${first.body.id}`)).status, 204);
      assert.deepEqual(await names(owner.client), ['b.txt']);
      assert.equal(existsSync(blobAt(corp, 'same bytes')), true);
      assert.equal((await owner.client.delete(`/api/v1/files/${second.body.id}`)).status, 204);
      // The colleague's forwarded copy still lists the bytes.
      assert.equal(existsSync(blobAt(corp, 'same bytes')), true);
      assert.equal((await colleague.client.get(`/api/v1/files/${forwarded.body.id}/download`)).body, 'same bytes');
      assert.equal((await colleague.client.delete(`/api/v1/files/${forwarded.body.id}`)).status, 204);
      assert.equal(existsSync(blobAt(corp, 'same bytes')), false);
      assert.equal(existsSync(blobAt(other, 'same bytes')), true);
      assert.equal((await otherMember.client.get(`/api/v1/files/${theirs.body.id}/download`)).body, 'same bytes');
      const again = await owner.client.delete(`/api/v1/files/${first.body.id}`);
      assert.deepEqual([again.status, errorCode(again.body)], [404, 'files.not_found']);
    });

    it('decision: a delete and an upload of the same bytes at the same moment never leave a listed file without its bytes', async () => {
      const corp = await newCorp(t);
      const member = await signedInMember(t, corp.corpId);
      for (let round = 0; round < 5; round++) {
        const old = await upload(member.client, `race ${round}`, 'old.txt');
        const [deleted, added] = await Promise.all([member.client.delete(`/api/v1/files/${old.body.id}`), upload(member.client, `race ${round}`, 'new.txt')]);
        assert.deepEqual([deleted.status, added.status], [204, 201]);
        assert.equal((await member.client.get(`/api/v1/files/${added.body.id}/download`)).body, `race ${round}`);
      }
    });

    it('issue rule folders: create (nested), names unique within a parent (trimmed), rename, list by folder, move a file in, upload into one', async () => {
      const corp = await newCorp(t);
      const member = await signedInMember(t, corp.corpId);
      const made = await member.client.post<Folder>('/api/v1/file-folders', { name: '  合同  ' });
      assert.equal(made.status, 201);
      assert.deepEqual(made.body, { id: made.body.id, name: '合同', parentId: null, createdAt: new Date(t.clock.now()).toISOString() });
      const taken = await member.client.post('/api/v1/file-folders', { name: '合同' });
      assert.deepEqual(taken.body, { error: { code: 'files.folder_name_taken', message: 'A folder of this name is already in that place; details.name says which.', details: { field: '/name', name: '合同' } } });
      assert.equal(taken.status, 409);
      const nested = await member.client.post<Folder>('/api/v1/file-folders', { name: '合同', parentId: made.body.id });
      assert.deepEqual([nested.status, nested.body.parentId], [201, made.body.id]);
      const blank = await member.client.post('/api/v1/file-folders', { name: '   ' });
      assert.deepEqual([blank.status, errorCode(blank.body)], [400, 'request.invalid']);
      const archive = await member.client.post<Folder>('/api/v1/file-folders', { name: '归档' });
      const clash = await member.client.patch(`/api/v1/file-folders/${archive.body.id}`, { name: '合同' });
      assert.deepEqual([clash.status, errorCode(clash.body)], [409, 'files.folder_name_taken']);
      const renamed = await member.client.patch<Folder>(`/api/v1/file-folders/${archive.body.id}`, { name: '2025 归档' });
      assert.deepEqual([renamed.status, renamed.body.name], [200, '2025 归档']);

      const top = await member.client.get<{ parent: Folder | null; items: Folder[] }>('/api/v1/file-folders');
      assert.deepEqual([top.body.parent, top.body.items.map((f) => f.name)], [null, ['2025 归档', '合同']]);
      const inside = await member.client.get<{ parent: Folder | null; items: Folder[] }>(`/api/v1/file-folders?parentId=${made.body.id}`);
      assert.deepEqual([inside.body.parent?.name, inside.body.items.map((f) => f.name)], ['合同', ['合同']]);

      const file = await upload(member.client, 'terms', 'terms.txt');
      const moved = await member.client.patch<FileView>(`/api/v1/files/${file.body.id}`, { folderId: made.body.id });
      assert.deepEqual([moved.status, moved.body.folderId], [200, made.body.id]);
      const direct = await member.client.postForm<FileView>(`/api/v1/files?folderId=${nested.body.id}`, fileForm('draft', 'draft.txt'));
      assert.deepEqual([direct.status, direct.body.folderId], [201, nested.body.id]);
      assert.deepEqual(await names(member.client), []);
      assert.deepEqual(await names(member.client, made.body.id), ['terms.txt']);
      assert.deepEqual(await names(member.client, nested.body.id), ['draft.txt']);
      const back = await member.client.patch<FileView>(`/api/v1/files/${file.body.id}`, { folderId: null });
      assert.equal(back.body.folderId, null);
      assert.deepEqual(await names(member.client), ['terms.txt']);
    });

    it('issue rule moving a folder into another folder: it goes with all it holds; null moves it to the top level; rename and move in one; a name taken there is a 409', async () => {
      const corp = await newCorp(t);
      const member = await signedInMember(t, corp.corpId);
      const folders = async (parentId?: string) => (await member.client.get<{ items: Folder[] }>(`/api/v1/file-folders${parentId ? `?parentId=${parentId}` : ''}`)).body.items.map((f) => f.name);
      const projects = await member.client.post<Folder>('/api/v1/file-folders', { name: '项目' });
      const archive = await member.client.post<Folder>('/api/v1/file-folders', { name: '归档' });
      const inner = await member.client.post<Folder>('/api/v1/file-folders', { name: '图纸', parentId: projects.body.id });
      assert.equal((await member.client.postForm(`/api/v1/files?folderId=${inner.body.id}`, fileForm('plan', 'plan.txt'))).status, 201);

      const moved = await member.client.patch<Folder>(`/api/v1/file-folders/${projects.body.id}`, { parentId: archive.body.id });
      assert.deepEqual([moved.status, { ...moved.body, createdAt: '' }], [200, { id: projects.body.id, name: '项目', parentId: archive.body.id, createdAt: '' }]);
      assert.deepEqual([await folders(), await folders(archive.body.id), await folders(projects.body.id), await names(member.client, inner.body.id)], [['归档'], ['项目'], ['图纸'], ['plan.txt']]);

      const both = await member.client.patch<Folder>(`/api/v1/file-folders/${inner.body.id}`, { name: ' 图纸 2026 ', parentId: null });
      assert.deepEqual([both.status, both.body.name, both.body.parentId], [200, '图纸 2026', null]);
      assert.deepEqual(await folders(), ['图纸 2026', '归档']);

      await member.client.post<Folder>('/api/v1/file-folders', { name: '项目' });
      const taken = await member.client.patch(`/api/v1/file-folders/${projects.body.id}`, { parentId: null });
      assert.deepEqual(taken.body, { error: { code: 'files.folder_name_taken', message: 'A folder of this name is already in that place; details.name says which.', details: { field: '/name', name: '项目' } } });
      assert.equal(taken.status, 409);
      const nothing = await member.client.patch(`/api/v1/file-folders/${projects.body.id}`, {});
      assert.deepEqual([nothing.status, errorCode(nothing.body)], [400, 'request.invalid']);
      const still = await member.client.patch<Folder>(`/api/v1/file-folders/${projects.body.id}`, { parentId: archive.body.id });
      assert.deepEqual([still.status, still.body.parentId], [200, archive.body.id]);
    });

    it('issue rule a folder is never moved into itself or a folder inside it: 409 files.folder_into_itself naming where it was to go, nothing changes', async () => {
      const corp = await newCorp(t);
      const member = await signedInMember(t, corp.corpId);
      const a = await member.client.post<Folder>('/api/v1/file-folders', { name: 'A' });
      const b = await member.client.post<Folder>('/api/v1/file-folders', { name: 'B', parentId: a.body.id });
      const c = await member.client.post<Folder>('/api/v1/file-folders', { name: 'C', parentId: b.body.id });
      for (const target of [a.body.id, b.body.id, c.body.id]) {
        const res = await member.client.patch(`/api/v1/file-folders/${a.body.id}`, { parentId: target });
        assert.deepEqual(res.body, {
          error: { code: 'files.folder_into_itself', message: 'A folder cannot be moved into itself or into a folder inside it; details.parentId says where it was to go.', details: { field: '/parentId', id: a.body.id, parentId: target } },
        });
        assert.equal(res.status, 409);
      }
      assert.deepEqual((await member.client.get<{ items: Folder[] }>('/api/v1/file-folders')).body.items.map((f) => [f.name, f.parentId]), [['A', null]]);
      // Down the tree is refused, up the tree is fine: C goes to A, beside B.
      const up = await member.client.patch<Folder>(`/api/v1/file-folders/${c.body.id}`, { parentId: a.body.id });
      assert.deepEqual([up.status, up.body.parentId], [200, a.body.id]);
    });

    it('decision: two moves at once, A into B and B into A, never make a loop: one is made, the other is refused', async () => {
      const corp = await newCorp(t);
      const member = await signedInMember(t, corp.corpId);
      const a = await member.client.post<Folder>('/api/v1/file-folders', { name: 'A' });
      const b = await member.client.post<Folder>('/api/v1/file-folders', { name: 'B' });
      const results = await Promise.all([member.client.patch(`/api/v1/file-folders/${a.body.id}`, { parentId: b.body.id }), member.client.patch(`/api/v1/file-folders/${b.body.id}`, { parentId: a.body.id })]);
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 409]);
      assert.deepEqual(results.map((r) => (r.status === 409 ? errorCode(r.body) : 'moved')).sort(), ['files.folder_into_itself', 'moved']);
      const top = (await member.client.get<{ items: Folder[] }>('/api/v1/file-folders')).body.items;
      assert.equal(top.length, 1);
    });

    it('a folder id of another member or enterprise is an unknown id (422) wherever a request names it, and 404 in the path', async () => {
      const corp = await newCorp(t);
      const owner = await signedInMember(t, corp.corpId);
      const colleague = await signedInMember(t, corp.corpId);
      const folder = await owner.client.post<Folder>('/api/v1/file-folders', { name: '私人' });
      const file = await upload(colleague.client, 'mine', 'mine.txt');
      const cases = [
        await colleague.client.patch(`/api/v1/files/${file.body.id}`, { folderId: folder.body.id }),
        await colleague.client.post('/api/v1/file-folders', { name: 'x', parentId: folder.body.id }),
        await colleague.client.get(`/api/v1/files?folderId=${folder.body.id}`),
        await colleague.client.get(`/api/v1/file-folders?parentId=${folder.body.id}`),
        await colleague.client.postForm(`/api/v1/files?folderId=${folder.body.id}`, fileForm('x', 'x.txt')),
        await colleague.client.patch(`/api/v1/file-folders/${(await colleague.client.post<Folder>('/api/v1/file-folders', { name: '我的' })).body.id}`, { parentId: folder.body.id }),
      ];
      assert.deepEqual(
        cases.map((r) => [r.status, (r.body as { error: { code: string; details: { in: string; field: string } } }).error.code, (r.body as { error: { details: { in: string; field: string } } }).error.details.in, (r.body as { error: { details: { field: string } } }).error.details.field]),
        [
          [422, 'request.unknown_id', 'body', '/folderId'],
          [422, 'request.unknown_id', 'body', '/parentId'],
          [422, 'request.unknown_id', 'querystring', '/folderId'],
          [422, 'request.unknown_id', 'querystring', '/parentId'],
          [422, 'request.unknown_id', 'querystring', '/folderId'],
          [422, 'request.unknown_id', 'body', '/parentId'],
        ],
      );
      assert.deepEqual(await names(colleague.client), ['mine.txt']);
      const moves = [await colleague.client.patch(`/api/v1/file-folders/${folder.body.id}`, { name: 'y' }), await colleague.client.patch(`/api/v1/file-folders/${folder.body.id}`, { parentId: null })];
      for (const res of [...moves, await colleague.client.delete(`/api/v1/file-folders/${folder.body.id}`)]) assert.deepEqual([res.status, errorCode(res.body)], [404, 'files.folder_not_found']);
    });

    it('decision: deleting a folder that still holds a file or a folder is refused (409, with the counts); an empty one is deleted', async () => {
      const corp = await newCorp(t);
      const member = await signedInMember(t, corp.corpId);
      const outer = await member.client.post<Folder>('/api/v1/file-folders', { name: '外层' });
      const inner = await member.client.post<Folder>('/api/v1/file-folders', { name: '内层', parentId: outer.body.id });
      const file = await member.client.postForm<FileView>(`/api/v1/files?folderId=${inner.body.id}`, fileForm('inside', 'inside.txt'));
      const refusedOuter = await member.client.delete(`/api/v1/file-folders/${outer.body.id}`);
      assert.deepEqual(refusedOuter.body, { error: { code: 'files.folder_not_empty', message: 'The folder still holds files or folders (details.files, details.folders); move or delete them first.', details: { id: outer.body.id, files: 0, folders: 1 } } });
      assert.equal(refusedOuter.status, 409);
      const refusedInner = await member.client.delete(`/api/v1/file-folders/${inner.body.id}`);
      assert.deepEqual((refusedInner.body as { error: { details: unknown } }).error.details, { id: inner.body.id, files: 1, folders: 0 });
      assert.equal((await member.client.delete(`/api/v1/files/${file.body.id}`)).status, 204);
      assert.equal((await member.client.delete(`/api/v1/file-folders/${inner.body.id}`)).status, 204);
      assert.equal((await member.client.delete(`/api/v1/file-folders/${outer.body.id}`)).status, 204);
      assert.deepEqual((await member.client.get<{ items: Folder[] }>('/api/v1/file-folders')).body.items, []);
    });

    it('decision: one place holds at most 200 folders; the 201st is a 409, made there or moved there', async () => {
      const corp = await newCorp(t);
      const member = await signedInMember(t, corp.corpId);
      const first = await member.client.post<Folder>('/api/v1/file-folders', { name: 'f0' });
      const inside = await member.client.post<Folder>('/api/v1/file-folders', { name: 'inside', parentId: first.body.id });
      for (let i = 1; i < 200; i++) assert.equal((await member.client.post('/api/v1/file-folders', { name: `f${i}` })).status, 201);
      const over = await member.client.post('/api/v1/file-folders', { name: 'f200' });
      assert.deepEqual([over.status, (over.body as { error: { code: string; details: unknown } }).error.details], [409, { limit: 200 }]);
      assert.equal(errorCode(over.body), 'files.folder_limit');
      const movedOver = await member.client.patch(`/api/v1/file-folders/${inside.body.id}`, { parentId: null });
      assert.deepEqual([movedOver.status, errorCode(movedOver.body)], [409, 'files.folder_limit']);
      assert.equal((await member.client.get<{ items: Folder[] }>('/api/v1/file-folders')).body.items.length, 200);
    });

    it('issue rule quota view (微盘 容量): the member sees used / quota of ordinary files; a deletion frees room for an upload that was refused', async () => {
      const corp = await newCorp(t);
      const member = await signedInMember(t, corp.corpId);
      assert.deepEqual((await member.client.get('/api/v1/files/quota')).body, { usedBytes: 0, quotaBytes: QUOTA });
      const a = await upload(member.client, Buffer.alloc(1000, 1), 'a.bin');
      await upload(member.client, Buffer.alloc(1024, 2), 'b.bin');
      assert.deepEqual((await member.client.get('/api/v1/files/quota')).body, { usedBytes: 2024, quotaBytes: QUOTA });
      assert.equal((await upload(member.client, Buffer.alloc(1000, 3), 'c.bin')).status, 409);
      assert.equal((await member.client.delete(`/api/v1/files/${a.body.id}`)).status, 204);
      assert.deepEqual((await member.client.get('/api/v1/files/quota')).body, { usedBytes: 1024, quotaBytes: QUOTA });
      assert.equal((await upload(member.client, Buffer.alloc(1000, 3), 'c.bin')).status, 201);
      assert.deepEqual((await member.client.get('/api/v1/files/quota')).body, { usedBytes: 2024, quotaBytes: QUOTA });
    });

    it('issue rule quota for the admin: each member’s ordinary usage, the largest first (ties by member), paged; members are refused', async () => {
      const { corp } = await bought();
      const members = [];
      for (const [name, sizes] of [['用量甲', [300]], ['用量乙', [100, 200]], ['用量丙', [50]], ['用量丁', []]] as const) {
        const m = await signedInMember(t, corp.corpId, name);
        for (const [i, size] of sizes.entries()) await upload(m.client, Buffer.alloc(size, i + name.charCodeAt(2)), `${i}.bin`);
        members.push(m);
      }
      type Usage = { quotaBytes: number; items: { memberId: string; name: string; usedBytes: number; files: number }[]; nextCursor: string | null };
      const first = await corp.client.get<Usage>('/api/v1/security/file-usage?limit=2');
      assert.equal(first.status, 200);
      // 用量甲 and 用量乙 both take 300 bytes: the member id orders them.
      const tied = [[members[0]!.memberId, '用量甲', 300, 1], [members[1]!.memberId, '用量乙', 300, 2]] as const;
      const expected = [...tied].sort((a, b) => (a[0] < b[0] ? -1 : 1));
      assert.deepEqual([first.body.quotaBytes, first.body.items.map((i) => [i.memberId, i.name, i.usedBytes, i.files])], [QUOTA, expected]);
      assert.equal(first.body.nextCursor, `300:${expected[1]![0]}`);
      const second = await corp.client.get<Usage>(`/api/v1/security/file-usage?limit=2&cursor=${encodeURIComponent(first.body.nextCursor!)}`);
      assert.deepEqual([second.body.items.map((i) => [i.name, i.usedBytes, i.files]), second.body.nextCursor], [[['用量丙', 50, 1]], null]);
      const refused = await members[0]!.client.get('/api/v1/security/file-usage');
      assert.equal(refused.status, 403);
    });

    it('issue rule a confidential file’s records stay when it is deleted, and the deletion is itself recorded; its blob under <data>/confidential goes', async () => {
      const { corp } = await bought();
      const member = await seated(corp, '保密删');
      await leak(corp, { scope: { memberIds: [member.memberId], departmentIds: [], tagIds: [] } });
      member.client.address = '203.0.113.9';
      const secret = await upload(member.client, 'to be deleted', '作废.txt');
      assert.equal(existsSync(blobAt(corp, 'to be deleted', true)), true);
      t.clock.advance(60_000);
      assert.equal((await member.client.delete(`/api/v1/files/${secret.body.id}`)).status, 204);
      assert.equal(existsSync(blobAt(corp, 'to be deleted', true)), false);
      const records = await corp.client.get<{ items: RecordDto[] }>(`/api/v1/security/file-records?memberId=${member.memberId}`);
      assert.deepEqual(
        records.body.items.map((r) => [r.at, r.action, r.fileName, r.address]),
        [
          [new Date(t.clock.now()).toISOString(), 'delete', '作废.txt', '203.0.113.9'],
          [new Date(t.clock.now() - 60_000).toISOString(), 'upload', '作废.txt', '203.0.113.9'],
        ],
      );
      const deletions = await corp.client.get<{ items: RecordDto[] }>('/api/v1/security/file-records?action=delete');
      assert.deepEqual(deletions.body.items.map((r) => r.memberName), ['保密删']);
    });
  });

  describe('文件防泄漏 policy', () => {
    it('issue rule "Block external sharing" can be turned on only after leak prevention is on: a 400 naming it, nothing saved', async () => {
      const { corp } = await bought();
      const refused = await leak(corp, { enabled: false, blockExternalShare: true });
      assert.equal(refused.status, 400);
      assert.deepEqual(refused.body, { error: { code: 'security.leak_prevention_off', message: 'Blocking external sharing (禁止分享到外部) can be turned on only while file leak prevention (文件防泄漏) is on.', details: { field: '/blockExternalShare' } } });
      const kept = await corp.client.get('/api/v1/security/leak-policy');
      assert.deepEqual(kept.body, { active: true, policy: { enabled: false, scope: empty, whitelist: empty, blockDownload: false, blockExternalShare: false } });
      const saved = await leak(corp, { blockExternalShare: true });
      assert.equal(saved.status, 200);
      assert.deepEqual(saved.body, { active: true, policy: { enabled: true, scope: empty, whitelist: empty, blockDownload: false, blockExternalShare: true } });
    });

    it('the scope and whitelist are the enterprise’s own ids; an enterprise that did not buy 安全管理 cannot turn it on', async () => {
      const { corp } = await bought();
      const other = await newCorp(t);
      const foreign = await leak(corp, { scope: { memberIds: [other.creatorId], departmentIds: [], tagIds: [] } });
      assert.equal(foreign.status, 422);
      assert.equal(errorCode(foreign.body), 'request.unknown_id');
      const unbought = await leak(other, {});
      assert.equal(unbought.status, 409);
      assert.equal(errorCode(unbought.body), 'security.not_active');
    });

    it('seed rule 发送或上传的文件…单独的保密文件且无容量限制: an upload of a seated member in scope is confidential, stored under <data>/confidential/<corp>, counting against no quota', async () => {
      const { corp } = await bought();
      const member = await seated(corp, '李四');
      assert.equal((await leak(corp, { scope: { memberIds: [member.memberId], departmentIds: [], tagIds: [] } })).status, 200);
      const secret = await upload(member.client, '保密合同', 'contract.pdf');
      assert.equal(secret.status, 201);
      assert.equal(secret.body.confidential, true);
      const digest = sha('保密合同');
      assert.equal(existsSync(join(dataDir, 'confidential', corp.corpId, digest.slice(0, 2), digest)), true);
      assert.equal(existsSync(join(dataDir, 'drive', corp.corpId, digest.slice(0, 2), digest)), false);
      // No quota: three confidential files of 1000 bytes pass the 3000-byte quota.
      for (let i = 0; i < 4; i++) assert.equal((await upload(member.client, Buffer.alloc(1000, 40 + i), `s${i}.bin`)).status, 201);
      assert.equal((await member.client.get<{ items: FileView[] }>('/api/v1/files')).body.items.every((f) => f.confidential), true);
    });

    it('the scope by department and tag; whitelisted members, members without a seat and members outside the scope upload ordinary files', async () => {
      const { corp } = await bought();
      const contacts = await DirectoryFixture.open(t.deps.db, corp.corpId, () => t.clock.now());
      const sales = await contacts.department('销售部');
      const inDept = await seated(corp, '部门内', [sales]);
      const whitelisted = await seated(corp, '白名单', [sales]);
      const tagged = await signedInMember(t, corp.corpId, '标签内');
      const tag = await contacts.tag('涉密', [tagged.memberId]);
      const outside = await signedInMember(t, corp.corpId, '范围外');
      assert.equal((await leak(corp, { scope: { memberIds: [], departmentIds: [sales], tagIds: [tag] }, whitelist: { memberIds: [whitelisted.memberId], departmentIds: [], tagIds: [] } })).status, 200);
      const flags = [];
      for (const m of [inDept, whitelisted, tagged, outside]) flags.push((await upload(m.client, `x${m.memberId}`, 'x.txt')).body.confidential);
      // 标签内 is in scope by the tag but holds no seat (three seats bought, two given).
      assert.deepEqual(flags, [true, false, false, false]);
      assert.equal((await corp.client.put(`/api/v1/features/security/seats/${tagged.memberId}`)).status, 204);
      assert.equal((await upload(tagged.client, 'y', 'y.txt')).body.confidential, true);
    });

    it('seed rule 启用禁止下载与导出后…无法使用「分享到微信」、「用其他应用打开」: a confidential file is preview-only (download 403, view 200) and both are 403; an ordinary file is not touched', async () => {
      const { corp } = await bought();
      const member = await seated(corp, '周五');
      const ordinary = await upload(member.client, 'public', 'public.txt');
      assert.equal((await leak(corp, { scope: { memberIds: [member.memberId], departmentIds: [], tagIds: [] }, blockDownload: true })).status, 200);
      const secret = await upload(member.client, 'secret', 'secret.txt');
      assert.deepEqual([secret.body.confidential, secret.body.downloadAllowed, secret.body.shareAllowed], [true, false, false]);
      const download = await member.client.get(`/api/v1/files/${secret.body.id}/download`);
      assert.equal(download.status, 403);
      assert.deepEqual(download.body, { error: { code: 'files.download_blocked', message: 'Your enterprise forbids downloading and exporting this confidential file (禁止下载与导出): it can only be previewed.', details: { id: secret.body.id } } });
      const view = await member.client.get(`/api/v1/files/${secret.body.id}/view`);
      assert.equal(view.status, 200);
      assert.equal(view.body, 'secret');
      assert.equal(view.headers['cache-control'], 'private, no-store');
      // The viewer runs nothing of the file as Banyan's page.
      assert.match(String(view.headers['content-security-policy']), /^sandbox; /);
      assert.equal(view.headers['x-content-type-options'], 'nosniff');
      for (const action of ['share-external', 'open-with']) {
        const res = await member.client.post(`/api/v1/files/${secret.body.id}/${action}`);
        assert.equal(res.status, 403);
        assert.deepEqual((res.body as { error: { code: string; details: unknown } }).error.details, { id: secret.body.id, action: action.replace('-', '_') });
        assert.equal(errorCode(res.body), 'files.share_blocked');
        assert.deepEqual((await member.client.post(`/api/v1/files/${ordinary.body.id}/${action}`)).body, { allowed: true });
      }
      assert.equal((await member.client.get(`/api/v1/files/${ordinary.body.id}/download`)).status, 200);
      // A forwarded copy stays confidential, and preview-only for the recipient too.
      const colleague = await signedInMember(t, corp.corpId, '同事');
      const copy = await member.client.post<FileView>(`/api/v1/files/${secret.body.id}/forwards`, { memberId: colleague.memberId });
      assert.deepEqual([copy.body.confidential, copy.body.downloadAllowed], [true, false]);
      assert.equal((await colleague.client.get(`/api/v1/files/${copy.body.id}/download`)).status, 403);
    });

    it('禁止分享到外部 alone: a confidential file downloads, but 「分享到微信」 and 「用其他应用打开」 are 403', async () => {
      const { corp } = await bought();
      const member = await seated(corp, '吴六');
      await leak(corp, { blockExternalShare: true });
      const secret = await upload(member.client, 'internal', 'internal.txt');
      assert.deepEqual([secret.body.confidential, secret.body.downloadAllowed, secret.body.shareAllowed], [true, true, false]);
      assert.equal((await member.client.get(`/api/v1/files/${secret.body.id}/download`)).status, 200);
      assert.equal((await member.client.post(`/api/v1/files/${secret.body.id}/share-external`)).status, 403);
      assert.equal((await member.client.post(`/api/v1/files/${secret.body.id}/open-with`)).status, 403);
    });

    it('seed rule 追溯文件上传、下载、查看、转发: each appends a record (actor, file, action, IP address, server time) that admins search by member, action and time, and export as .xlsx', async () => {
      const { corp } = await bought();
      const member = await seated(corp, '郑七');
      const colleague = await signedInMember(t, corp.corpId, '王八');
      await leak(corp, { scope: { memberIds: [member.memberId], departmentIds: [], tagIds: [] } });
      member.client.address = '203.0.113.7';
      const at0 = t.clock.now();
      const file = await upload(member.client, 'roadmap', '路线图.txt');
      t.clock.advance(60_000);
      await member.client.get(`/api/v1/files/${file.body.id}/view`);
      t.clock.advance(60_000);
      await member.client.get(`/api/v1/files/${file.body.id}/download`);
      t.clock.advance(60_000);
      await member.client.post(`/api/v1/files/${file.body.id}/forwards`, { memberId: colleague.memberId });
      // An ordinary file of a member outside the scope leaves no record.
      const plain = await upload(colleague.client, 'lunch', 'lunch.txt');
      await colleague.client.get(`/api/v1/files/${plain.body.id}/download`);

      const all = await corp.client.get<{ items: RecordDto[] }>('/api/v1/security/file-records');
      assert.equal(all.status, 200);
      const iso = (ms: number) => new Date(ms).toISOString();
      assert.deepEqual(
        all.body.items.map((r) => [r.at, r.memberName, r.action, r.fileName, r.targetName, r.address]),
        [
          [iso(at0 + 180_000), '郑七', 'forward', '路线图.txt', '王八', '203.0.113.7'],
          [iso(at0 + 120_000), '郑七', 'download', '路线图.txt', null, '203.0.113.7'],
          [iso(at0 + 60_000), '郑七', 'view', '路线图.txt', null, '203.0.113.7'],
          [iso(at0), '郑七', 'upload', '路线图.txt', null, '203.0.113.7'],
        ],
      );
      const byAction = await corp.client.get<{ items: RecordDto[] }>(`/api/v1/security/file-records?action=download&memberId=${member.memberId}`);
      assert.deepEqual(byAction.body.items.map((r) => r.action), ['download']);
      const byTime = await corp.client.get<{ items: RecordDto[] }>(`/api/v1/security/file-records?from=${encodeURIComponent(iso(at0 + 60_000))}&to=${encodeURIComponent(iso(at0 + 180_000))}`);
      assert.deepEqual(byTime.body.items.map((r) => r.action), ['download', 'view']);
      const byOther = await corp.client.get<{ items: RecordDto[] }>(`/api/v1/security/file-records?memberId=${colleague.memberId}`);
      assert.deepEqual(byOther.body.items, []);

      const exported = await t.app.inject({ method: 'GET', url: '/api/v1/security/file-records/export?lang=zh-CN&action=forward', headers: { cookie: [...corp.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
      assert.equal(exported.statusCode, 200);
      assert.equal(exported.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const ExcelJS = await loadExcel();
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      assert.equal(sheet.name, '文件操作记录');
      assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), ['时间', '成员', '操作', '文件', '转发给', 'IP 地址']);
      assert.equal(sheet.rowCount, 2);
      const china = new Date(at0 + 180_000 + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
      assert.deepEqual((sheet.getRow(2).values as unknown[]).slice(1), [china, '郑七', '转发', '路线图.txt', '王八', '203.0.113.7']);

      // Records are for the admins of 安全管理: a member is refused.
      const refused = await colleague.client.get('/api/v1/security/file-records');
      assert.equal(refused.status, 403);
      const refusedExport = await colleague.client.get('/api/v1/security/file-records/export?lang=en');
      assert.equal(refusedExport.status, 403);
    });

    it('decision: a hierarchical admin managing the 高级功能 app sets the policy and reads the records; one without it is refused both', async () => {
      const { corp } = await bought();
      const withApp = await signedInMember(t, corp.corpId);
      const without = await signedInMember(t, corp.corpId);
      await t.deps.db.transaction().execute(async (trx) => {
        const root = await rootDepartmentId(trx, corp.corpId);
        const ctx = { corpId: corp.corpId, trx, now: t.clock.now(), log: t.deps.log, registry: t.deps.registry, actor: { kind: 'member' as const, id: corp.creatorId, name: 'x', accountId: corp.client.me.account.id } };
        await addHierarchicalAdmin(ctx, { memberId: withApp.memberId, rights: { departmentIds: [root], apps: [{ appId: 'features', level: 'manage' }], deviceBind: false, deviceIds: [] } });
        await addHierarchicalAdmin(ctx, { memberId: without.memberId, rights: { departmentIds: [root], apps: [], deviceBind: false, deviceIds: [] } });
      });
      const policy = { enabled: true, scope: empty, whitelist: empty, blockDownload: false, blockExternalShare: false };
      assert.equal((await withApp.client.put('/api/v1/security/leak-policy', policy)).status, 200);
      assert.equal((await withApp.client.get('/api/v1/security/file-records')).status, 200);
      assert.equal((await without.client.put('/api/v1/security/leak-policy', policy)).status, 403);
      assert.equal((await without.client.get('/api/v1/security/file-records')).status, 403);
      assert.equal((await without.client.get('/api/v1/security/file-records/export?lang=zh-CN')).status, 403);
    });

    it('issue rule when the purchase lapses the policy stops: at the exact lapse instant no record, downloads and sharing allowed, uploads ordinary; the settings are kept', async () => {
      const { corp, activeUntil } = await bought();
      const member = await seated(corp, '冯九');
      await leak(corp, { blockDownload: true, blockExternalShare: true });
      await keepSessions(t);
      t.clock.set(activeUntil - 1);
      const secret = await upload(member.client, 'before lapse', 'a.txt');
      assert.equal(secret.body.confidential, true);
      assert.equal((await member.client.get(`/api/v1/files/${secret.body.id}/download`)).status, 403);
      t.clock.set(activeUntil);
      assert.equal((await member.client.get(`/api/v1/files/${secret.body.id}/download`)).status, 200);
      assert.equal((await member.client.post(`/api/v1/files/${secret.body.id}/share-external`)).status, 200);
      await member.client.get(`/api/v1/files/${secret.body.id}/view`);
      const after = await upload(member.client, 'after lapse', 'b.txt');
      assert.equal(after.body.confidential, false);
      const records = await corp.client.get<{ items: RecordDto[] }>('/api/v1/security/file-records');
      assert.deepEqual(records.body.items.map((r) => [r.action, r.fileName]), [['upload', 'a.txt']]);
      const kept = await corp.client.get('/api/v1/security/leak-policy');
      assert.deepEqual(kept.body, { active: false, policy: { enabled: true, scope: empty, whitelist: empty, blockDownload: true, blockExternalShare: true } });
      t.clock.set(start);
    });
  });
});
