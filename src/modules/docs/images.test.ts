import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type Client, type TestApp } from '../../../test/support/app.ts';
import { errorCode, newCorp, signedInMember } from '../customers/testing/index.ts';

interface Image {
  id: string;
  kind: string;
  name: string;
  contentType: string;
  bytes: number;
  width: number;
  height: number;
  originalBytes: number;
  compressed: boolean;
  sha256: string;
}
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const png = (width: number, height: number, alpha = false) =>
  sharp({ create: { width, height, channels: alpha ? 4 : 3, background: alpha ? { r: 20, g: 120, b: 200, alpha: 0.5 } : '#1478c8' } }).png().toBuffer();

/** A 64 × 64 JPEG padded with comment (COM) segments to exactly `size` bytes: a valid image of any size. */
async function jpegOfSize(size: number): Promise<Buffer> {
  const base = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#c81478' } }).jpeg().toBuffer();
  const segments: Buffer[] = [];
  for (let left = size - base.length; left > 0; ) {
    let take = Math.min(left, 65_537);
    if (left - take > 0 && left - take < 4) take -= 4;
    const segment = Buffer.alloc(take, 0x20);
    segment.writeUInt16BE(0xfffe, 0);
    segment.writeUInt16BE(take - 2, 2);
    segments.push(segment);
    left -= take;
  }
  const out = Buffer.concat([base.subarray(0, 2), ...segments, base.subarray(2)]);
  assert.equal(out.length, size);
  return out;
}

describeEachDialect('文档 images', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use(), { signInLimitPerMinute: 10_000 });
  });
  after(() => t.close());

  async function world() {
    const corp = await newCorp(t);
    const owner = await signedInMember(t, corp.corpId, '图片作者');
    const made = await owner.client.post<{ id: string }>('/api/v1/docs/files', { kind: 'document', title: '带图文档' });
    assert.equal(made.status, 201);
    return { corp, owner, fileId: made.body.id };
  }
  const put = (client: Client, fileId: string, kind: 'pasted' | 'attachment', content: Buffer, type = 'image/png', name = 'shot.png') =>
    client.request<Image>('POST', `/api/v1/docs/files/${fileId}/images?kind=${kind}&name=${encodeURIComponent(name)}`, content, { 'content-type': type });

  it('seed rule 粘贴的图片过大会在上传时进行压缩；若要保留原图，应采取附件上传的方式: a pasted 3,000 × 2,000 PNG is kept as a 2,560 × 1,707 JPEG; the same PNG attached keeps its bytes', async () => {
    const { owner, fileId } = await world();
    const original = await png(3_000, 2_000);
    const pasted = await put(owner.client, fileId, 'pasted', original);
    assert.equal(pasted.status, 201, JSON.stringify(pasted.body));
    assert.deepEqual(
      { kind: pasted.body.kind, contentType: pasted.body.contentType, width: pasted.body.width, height: pasted.body.height, originalBytes: pasted.body.originalBytes, compressed: pasted.body.compressed },
      { kind: 'pasted', contentType: 'image/jpeg', width: 2_560, height: 1_707, originalBytes: original.length, compressed: true },
    );
    assert.notEqual(pasted.body.sha256, sha256(original));

    const attached = await put(owner.client, fileId, 'attachment', original);
    assert.equal(attached.status, 201);
    assert.deepEqual(
      { contentType: attached.body.contentType, width: attached.body.width, height: attached.body.height, bytes: attached.body.bytes, originalBytes: attached.body.originalBytes, compressed: attached.body.compressed, sha256: attached.body.sha256 },
      { contentType: 'image/png', width: 3_000, height: 2_000, bytes: original.length, originalBytes: original.length, compressed: false, sha256: sha256(original) },
    );

    // The kept bytes are what the image's address serves; the list has both, oldest first.
    const served = await owner.client.raw(`/api/v1/docs/files/${fileId}/images/${pasted.body.id}`);
    assert.equal(served.statusCode, 200);
    assert.equal(served.headers['content-type'], 'image/jpeg');
    assert.equal(sha256(served.rawPayload), pasted.body.sha256);
    assert.deepEqual(await sharp(served.rawPayload).metadata().then((m) => [m.format, m.width, m.height]), ['jpeg', 2_560, 1_707]);
    const original2 = await owner.client.raw(`/api/v1/docs/files/${fileId}/images/${attached.body.id}`);
    assert.ok(original2.rawPayload.equals(original));
    const list = await owner.client.get<{ items: Image[] }>(`/api/v1/docs/files/${fileId}/images`);
    assert.deepEqual(list.body.items.map((i) => [i.kind, i.name, i.bytes]), [
      ['pasted', 'shot.png', pasted.body.bytes],
      ['attachment', 'shot.png', original.length],
    ]);
  });

  it('a pasted image up to 2,560 px a side is kept as it is; 2,561 px is scaled to 2,560', async () => {
    const { owner, fileId } = await world();
    const fits = await png(2_560, 100);
    const kept = await put(owner.client, fileId, 'pasted', fits);
    assert.deepEqual([kept.body.compressed, kept.body.width, kept.body.height, kept.body.sha256, kept.body.contentType], [false, 2_560, 100, sha256(fits), 'image/png']);
    const over = await put(owner.client, fileId, 'pasted', await png(100, 2_561));
    assert.deepEqual([over.body.compressed, over.body.width, over.body.height, over.body.contentType], [true, 100, 2_560, 'image/jpeg']);
  });

  it('a pasted image of 1,048,576 bytes (1 MiB) is kept as it is; 1,048,577 bytes is re-encoded', async () => {
    const { owner, fileId } = await world();
    const mib = await jpegOfSize(1_048_576);
    const kept = await put(owner.client, fileId, 'pasted', mib, 'image/jpeg', 'mib.jpg');
    assert.deepEqual([kept.body.compressed, kept.body.bytes, kept.body.sha256], [false, 1_048_576, sha256(mib)]);
    const over = await put(owner.client, fileId, 'pasted', await jpegOfSize(1_048_577), 'image/jpeg', 'over.jpg');
    assert.equal(over.body.compressed, true);
    assert.equal(over.body.originalBytes, 1_048_577);
    assert.deepEqual([over.body.width, over.body.height, over.body.contentType], [64, 64, 'image/jpeg']);
    assert.ok(over.body.bytes < 10_000, `the padding is gone: ${over.body.bytes} bytes`);
    // Attached, the 1,048,577 bytes stay.
    const attached = await put(owner.client, fileId, 'attachment', await jpegOfSize(1_048_577), 'image/jpeg', 'over.jpg');
    assert.deepEqual([attached.body.compressed, attached.body.bytes], [false, 1_048_577]);
  });

  it('seed rule 某些特殊格式会在上传时进行压缩: a pasted TIFF becomes a JPEG, a transparent PNG over the limit a WebP; attached, the TIFF stays a TIFF', async () => {
    const { owner, fileId } = await world();
    const tiff = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#40a040' } }).tiff().toBuffer();
    const pasted = await put(owner.client, fileId, 'pasted', tiff, 'image/tiff', 'scan.tiff');
    assert.deepEqual([pasted.body.compressed, pasted.body.contentType, pasted.body.width, pasted.body.height], [true, 'image/jpeg', 300, 200]);
    const attached = await put(owner.client, fileId, 'attachment', tiff, 'image/tiff', 'scan.tiff');
    assert.deepEqual([attached.body.compressed, attached.body.contentType, attached.body.sha256], [false, 'image/tiff', sha256(tiff)]);
    const clear = await put(owner.client, fileId, 'pasted', await png(3_000, 100, true));
    assert.deepEqual([clear.body.compressed, clear.body.contentType, clear.body.width, clear.body.height], [true, 'image/webp', 2_560, 85]);
    const served = await owner.client.raw(`/api/v1/docs/files/${fileId}/images/${clear.body.id}`);
    assert.equal((await sharp(served.rawPayload).metadata()).hasAlpha, true);
  });

  it('bytes that are no image are refused (422 docs.bad_image); a view-only member may see images but not add one; outside the file, 404', async () => {
    const { corp, owner, fileId } = await world();
    const bad = await put(owner.client, fileId, 'pasted', Buffer.from('not an image at all'));
    assert.deepEqual([bad.status, errorCode(bad.body)], [422, 'docs.bad_image']);
    const viewer = await signedInMember(t, corp.corpId, '只读同事');
    const outsider = await signedInMember(t, corp.corpId, '旁人');
    assert.equal((await owner.client.put(`/api/v1/docs/files/${fileId}/shares`, { shares: [{ kind: 'member', id: viewer.memberId, access: 'view' }], linkAccess: 'off' })).status, 200);
    const small = await png(10, 10);
    const added = await put(owner.client, fileId, 'attachment', small);
    assert.equal((await put(viewer.client, fileId, 'pasted', small)).status, 403);
    assert.deepEqual((await viewer.client.get<{ items: Image[] }>(`/api/v1/docs/files/${fileId}/images`)).body.items.map((i) => i.id), [added.body.id]);
    assert.equal((await outsider.client.get(`/api/v1/docs/files/${fileId}/images`)).status, 404);
    assert.equal((await outsider.client.get(`/api/v1/docs/files/${fileId}/images/${added.body.id}`)).status, 404);
    assert.equal((await put(outsider.client, fileId, 'pasted', small)).status, 404);
    // Another enterprise's member cannot name the file either.
    const other = await newCorp(t);
    assert.equal((await other.client.get(`/api/v1/docs/files/${fileId}/images/${added.body.id}`)).status, 404);
  });
});

