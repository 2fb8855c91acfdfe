import sharp, { type Metadata } from 'sharp';
import type { ContentStore } from '../../platform/content-store.ts';
import type { Ctx, ReadCtx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { requireMember } from '../../platform/policy/index.ts';
import { requireFile } from './access.ts';
import { DocsErrors } from './docs.errors.ts';
import { tables, type DocsTables, type ImageKind } from './docs.tables.ts';

/**
 * The seed's question 5: 粘贴的图片过大或某些特殊格式会在上传时进行压缩；若要保留原图，应采取附件上传的方式.
 * A pasted image is "too large" over 1 MiB or with a side over 2,560 px (docs/decisions/docsconsole.md);
 * it is then scaled to fit 2,560 × 2,560 and re-encoded (JPEG, or WebP when it has transparency).
 */
export const PASTE_LIMITS = { bytes: 1_048_576, side: 2_560 } as const;
/** The largest image taken at all, pasted or attached. */
export const IMAGE_BYTES = 20 * 1_048_576;
/** What every browser shows as it is; a pasted image of another format (TIFF, AVIF, HEIF…) is converted. */
const SHOWN_AS_IS = new Set(['jpeg', 'png', 'gif', 'webp']);
const QUALITY = 80;

export interface ImageView {
  id: string;
  kind: ImageKind;
  name: string;
  contentType: string;
  bytes: number;
  width: number;
  height: number;
  originalBytes: number;
  compressed: boolean;
  sha256: string;
  createdAt: number;
}
/** An image stored in the content store before its row is written (the image work stays out of the transaction). */
export interface StoredImage {
  kind: ImageKind;
  name: string;
  contentType: string;
  digest: string;
  bytes: number;
  width: number;
  height: number;
  originalBytes: number;
  compressed: boolean;
}

const view = (r: DocsTables['docs_images']): ImageView => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  contentType: r.content_type,
  bytes: Number(r.bytes),
  width: r.width,
  height: r.height,
  originalBytes: Number(r.original_bytes),
  compressed: r.compressed === 1,
  sha256: r.digest,
  createdAt: Number(r.created_at),
});

/** What the image becomes: an attachment as it came; a pasted one as it came unless too large or of a format to convert. */
export async function prepareImage(kind: ImageKind, content: Buffer): Promise<{ bytes: Buffer; format: string; width: number; height: number; compressed: boolean }> {
  let meta: Metadata;
  try {
    meta = await sharp(content, { failOn: 'error' }).metadata();
  } catch {
    throw new DomainError(DocsErrors['docs.bad_image']);
  }
  const { format, width, height } = meta;
  if (!format || !width || !height) throw new DomainError(DocsErrors['docs.bad_image']);
  const fits = content.length <= PASTE_LIMITS.bytes && Math.max(width, height) <= PASTE_LIMITS.side && SHOWN_AS_IS.has(format);
  if (kind === 'attachment' || fits) return { bytes: content, format, width, height, compressed: false };
  const scaled = sharp(content, { failOn: 'error' }).rotate().resize({ width: PASTE_LIMITS.side, height: PASTE_LIMITS.side, fit: 'inside', withoutEnlargement: true });
  const out = await (meta.hasAlpha ? scaled.webp({ quality: QUALITY }) : scaled.jpeg({ quality: QUALITY, mozjpeg: true })).toBuffer({ resolveWithObject: true });
  return { bytes: out.data, format: out.info.format, width: out.info.width, height: out.info.height, compressed: true };
}

/** Before the transaction: the member may edit the file; the image is prepared and its bytes stored. */
export async function storeImage(ctx: ReadCtx, store: ContentStore, input: { fileId: string; kind: ImageKind; name: string; content: Buffer }): Promise<StoredImage> {
  await requireFile(ctx, input.fileId, 'edit');
  const image = await prepareImage(input.kind, input.content);
  const digest = await store.put(image.bytes);
  return { kind: input.kind, name: input.name, contentType: `image/${image.format}`, digest, bytes: image.bytes.length, width: image.width, height: image.height, originalBytes: input.content.length, compressed: image.compressed };
}

/** The image's row, with the file's access checked again in the transaction that writes it. */
export async function addImage(ctx: Ctx, fileId: string, image: StoredImage): Promise<ImageView> {
  const member = requireMember(ctx);
  await requireFile(ctx, fileId, 'edit');
  const row: DocsTables['docs_images'] = {
    corp_id: ctx.corpId,
    id: newId('img', ctx.now),
    file_id: fileId,
    kind: image.kind,
    name: image.name,
    content_type: image.contentType,
    digest: image.digest,
    bytes: image.bytes,
    width: image.width,
    height: image.height,
    original_bytes: image.originalBytes,
    compressed: image.compressed ? 1 : 0,
    created_by: member.id,
    created_at: ctx.now,
  };
  await tables(ctx.trx).insertInto('docs_images').values(row).execute();
  return view(row);
}

export async function listImages(ctx: ReadCtx, fileId: string): Promise<ImageView[]> {
  await requireFile(ctx, fileId, 'view');
  const rows = await tables(ctx.trx).selectFrom('docs_images').selectAll().where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).orderBy('created_at').orderBy('id').execute();
  return rows.map(view);
}

/** The image's bytes, for whoever may open the file. */
export async function imageContent(ctx: ReadCtx, store: ContentStore, fileId: string, imageId: string): Promise<{ contentType: string; bytes: Buffer }> {
  await requireFile(ctx, fileId, 'view');
  const row = await tables(ctx.trx).selectFrom('docs_images').select(['content_type', 'digest']).where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).where('id', '=', imageId).executeTakeFirst();
  if (!row) throw new DomainError('not_found', { imageId });
  return { contentType: row.content_type, bytes: await store.get(row.digest) };
}
