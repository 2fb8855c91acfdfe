import { sql } from 'kysely';
import type { Ctx, ReadCtx } from '../../platform/context.ts';
import { toIso } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { requireMember } from '../../platform/policy/index.ts';
import { getMember, membersByIds } from '../directory/index.ts';
import { leakCovers, leakRules, type LeakRules } from '../security/index.ts';
import { FileErrors } from './files.errors.ts';
import { folderOf } from './folders.service.ts';
import { record } from './records.service.ts';
import { tables, type FilesTables } from './files.tables.ts';
import type { BlobKey } from './store.ts';

type FileRow = FilesTables['files'];

/** Types a browser may show inline, by the name's extension; anything else is served as bytes. */
const INLINE_TYPES: Record<string, string> = {
  txt: 'text/plain; charset=utf-8',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  pdf: 'application/pdf',
};
export function mimeOf(name: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  return INLINE_TYPES[ext] ?? 'application/octet-stream';
}

export interface FileView {
  id: string;
  name: string;
  mime: string;
  size: number;
  confidential: boolean;
  forwardedBy: string | null;
  /** The member's folder it sits in; null at the top level. */
  folderId: string | null;
  createdAt: string;
  /** Whether the download route serves it now (not when 禁止下载与导出 makes it preview-only). */
  downloadAllowed: boolean;
  /** Whether 「分享到微信」 and 「用其他应用打开」 are allowed now. */
  shareAllowed: boolean;
}

const downloadBlocked = (file: Pick<FileRow, 'confidential'>, rules: LeakRules) => file.confidential === 1 && rules.blockDownload;
const shareBlocked = (file: Pick<FileRow, 'confidential'>, rules: LeakRules) => file.confidential === 1 && (rules.blockDownload || rules.blockExternalShare);

function present(row: FileRow, rules: LeakRules, names: ReadonlyMap<string, { name: string }>): FileView {
  return {
    id: row.id,
    name: row.name,
    mime: row.mime,
    size: Number(row.size),
    confidential: row.confidential === 1,
    forwardedBy: row.forwarded_by === null ? null : (names.get(row.forwarded_by)?.name ?? ''),
    folderId: row.folder_id || null,
    createdAt: toIso(row.created_at),
    downloadAllowed: !downloadBlocked(row, rules),
    shareAllowed: !shareBlocked(row, rules),
  };
}

/**
 * Whether the member's uploads become confidential now (文件防泄漏), and that the folder is theirs,
 * decided before a byte is stored.
 */
export async function uploadPlan(ctx: ReadCtx, folderId: string | undefined): Promise<{ confidential: boolean }> {
  const actor = requireMember(ctx);
  await folderOf(ctx, folderId, '/folderId', 'querystring');
  return { confidential: await leakCovers(ctx.trx, ctx.corpId, actor.id, ctx.now) };
}

/**
 * Takes the blob's lock row until the transaction ends: an upload or a forward adding a file of it
 * and the removal of the blob once nothing lists it run one after the other.
 */
async function lockBlob(ctx: Ctx, key: BlobKey): Promise<void> {
  const confidential = key.confidential ? 1 : 0;
  await tables(ctx.trx)
    .insertInto('files_blob_locks')
    .values({ corp_id: ctx.corpId, sha256: key.sha256, confidential, locked_at: ctx.now })
    .onConflict((oc) => oc.columns(['corp_id', 'sha256', 'confidential']).doUpdateSet({ locked_at: ctx.now }))
    .execute();
}

const keyOf = (row: Pick<FileRow, 'corp_id' | 'sha256' | 'confidential'>): BlobKey => ({ corpId: row.corp_id, sha256: row.sha256, confidential: row.confidential === 1 });

/** Bytes the member's ordinary files take (confidential ones count against no quota). */
async function usedBytes(db: Executor, corpId: string, memberId: string): Promise<number> {
  const row = await tables(db)
    .selectFrom('files')
    .select(sql<string>`coalesce(sum(size), 0)`.as('used'))
    .where('corp_id', '=', corpId)
    .where('owner_id', '=', memberId)
    .where('confidential', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(row.used);
}

async function assertQuota(ctx: Ctx, memberId: string, size: number, quotaBytes: number): Promise<void> {
  const used = await usedBytes(ctx.trx, ctx.corpId, memberId);
  if (used + size > quotaBytes) throw new DomainError(FileErrors['files.quota_exceeded'], { quotaBytes, usedBytes: used });
}

export interface StoredUpload {
  name: string;
  sha256: string;
  size: number;
  confidential: boolean;
  folderId: string | undefined;
}

/**
 * Lists an upload under its member (in their folder), records it when it is confidential, and has
 * `settle` move its bytes into place under the blob's lock, so no removal of the blob can come between.
 */
export async function addFile(ctx: Ctx, upload: StoredUpload, quotaBytes: number, settle: (key: BlobKey) => Promise<void>): Promise<FileView> {
  const actor = requireMember(ctx);
  const folderId = await folderOf(ctx, upload.folderId, '/folderId', 'querystring');
  if (!upload.confidential) await assertQuota(ctx, actor.id, upload.size, quotaBytes);
  const row: FileRow = {
    corp_id: ctx.corpId,
    id: newId('file', ctx.now),
    owner_id: actor.id,
    name: upload.name.slice(0, 200) || upload.sha256.slice(0, 12),
    mime: mimeOf(upload.name),
    size: upload.size,
    sha256: upload.sha256,
    confidential: upload.confidential ? 1 : 0,
    forwarded_by: null,
    folder_id: folderId,
    created_at: ctx.now,
  };
  await lockBlob(ctx, keyOf(row));
  await tables(ctx.trx).insertInto('files').values(row).execute();
  await settle(keyOf(row));
  const rules = await leakRules(ctx.trx, ctx.corpId, ctx.now);
  await record(ctx, rules, row, 'upload');
  return present(row, rules, new Map());
}

/** The member's files in one of their folders (the top level without one), newest first. */
export async function myFiles(ctx: ReadCtx, page: { folderId?: string | undefined; cursor?: string | undefined; limit: number }) {
  const actor = requireMember(ctx);
  const folderId = await folderOf(ctx, page.folderId, '/folderId', 'querystring');
  let q = tables(ctx.trx).selectFrom('files').selectAll().where('corp_id', '=', ctx.corpId).where('owner_id', '=', actor.id).where('folder_id', '=', folderId);
  if (page.cursor) q = q.where('id', '<', page.cursor);
  const rows = await q.orderBy('id', 'desc').limit(page.limit + 1).execute();
  const items = rows.slice(0, page.limit);
  const [rules, names] = await Promise.all([leakRules(ctx.trx, ctx.corpId, ctx.now), membersByIds(ctx.trx, ctx.corpId, items.flatMap((r) => (r.forwarded_by ? [r.forwarded_by] : [])))]);
  return { items: items.map((r) => present(r, rules, names)), nextCursor: rows.length > page.limit ? items[items.length - 1]!.id : null };
}

/** One of the member's own files (another member's, or another enterprise's, is not found). */
async function ownFile(ctx: ReadCtx, id: string): Promise<FileRow> {
  const actor = requireMember(ctx);
  const row = await tables(ctx.trx).selectFrom('files').selectAll().where('corp_id', '=', ctx.corpId).where('id', '=', id).where('owner_id', '=', actor.id).executeTakeFirst();
  if (!row) throw new DomainError(FileErrors['files.not_found'], { id });
  return row;
}

export interface Served extends BlobKey {
  name: string;
  mime: string;
  size: number;
}
const served = (row: FileRow): Served => ({ ...keyOf(row), name: row.name, mime: row.mime, size: Number(row.size) });

/** The viewer: a confidential file is always previewable in it, and the view is recorded. */
export async function viewFile(ctx: Ctx, id: string): Promise<Served> {
  const row = await ownFile(ctx, id);
  await record(ctx, await leakRules(ctx.trx, ctx.corpId, ctx.now), row, 'view');
  return served(row);
}

/** A download: refused for a confidential file while 禁止下载与导出 is on (preview only). */
export async function downloadFile(ctx: Ctx, id: string): Promise<Served> {
  const row = await ownFile(ctx, id);
  const rules = await leakRules(ctx.trx, ctx.corpId, ctx.now);
  if (downloadBlocked(row, rules)) throw new DomainError(FileErrors['files.download_blocked'], { id });
  await record(ctx, rules, row, 'download');
  return served(row);
}

/**
 * Forwards a file to an active member of the same enterprise: they get their own copy of the same
 * bytes, confidential if the original was (the recipient's own scope does not change that).
 */
export async function forwardFile(ctx: Ctx, id: string, memberId: string, quotaBytes: number): Promise<FileView> {
  const actor = requireMember(ctx);
  const row = await ownFile(ctx, id);
  const recipient = await getMember(ctx.trx, ctx.corpId, memberId);
  if (!recipient || recipient.status !== 'active' || recipient.id === actor.id) throw new DomainError(FileErrors['files.recipient_unknown'], { field: '/memberId', memberId });
  if (row.confidential === 0) await assertQuota(ctx, memberId, Number(row.size), quotaBytes);
  await lockBlob(ctx, keyOf(row));
  // The copy lands at the recipient's top level: the sender's folders are not theirs.
  const copy: FileRow = { ...row, id: newId('file', ctx.now), owner_id: memberId, forwarded_by: actor.id, folder_id: '', created_at: ctx.now };
  await tables(ctx.trx).insertInto('files').values(copy).execute();
  const rules = await leakRules(ctx.trx, ctx.corpId, ctx.now);
  await record(ctx, rules, row, 'forward', memberId);
  return present(copy, rules, new Map([[actor.id, { name: actor.name }]]));
}

/**
 * 「分享到微信」 (`share_external`) and 「用其他应用打开」 (`open_with`): the client asks before it hands the
 * file over; a confidential file is refused while 禁止下载与导出 or 禁止分享到外部 is on.
 */
export async function shareOut(ctx: ReadCtx, id: string, action: 'share_external' | 'open_with'): Promise<{ allowed: true }> {
  const row = await ownFile(ctx, id);
  if (shareBlocked(row, await leakRules(ctx.trx, ctx.corpId, ctx.now))) throw new DomainError(FileErrors['files.share_blocked'], { id, action });
  return { allowed: true };
}

/** Moves one of the member's files into one of their folders (null: the top level). */
export async function moveFile(ctx: Ctx, id: string, folderId: string | null): Promise<FileView> {
  const row = await ownFile(ctx, id);
  const target = await folderOf(ctx, folderId, '/folderId', 'body');
  await tables(ctx.trx).updateTable('files').set({ folder_id: target }).where('corp_id', '=', ctx.corpId).where('id', '=', row.id).execute();
  const [rules, names] = await Promise.all([leakRules(ctx.trx, ctx.corpId, ctx.now), membersByIds(ctx.trx, ctx.corpId, row.forwarded_by ? [row.forwarded_by] : [])]);
  return present({ ...row, folder_id: target }, rules, names);
}

/**
 * Deletes one of the member's files (only its owner can). A confidential file's records stay, and
 * its deletion is recorded while the policy applies. Returns the blob, which the caller removes
 * with `releaseBlob` once this has committed.
 */
export async function deleteFile(ctx: Ctx, id: string): Promise<BlobKey> {
  const row = await ownFile(ctx, id);
  await tables(ctx.trx).deleteFrom('files').where('corp_id', '=', ctx.corpId).where('id', '=', row.id).execute();
  await record(ctx, await leakRules(ctx.trx, ctx.corpId, ctx.now), row, 'delete');
  return keyOf(row);
}

/**
 * Removes the blob when no file of the enterprise lists it any more, under its lock: an upload or a
 * forward of the same bytes either committed first (the blob stays) or settles its bytes after.
 */
export async function releaseBlob(ctx: Ctx, key: BlobKey, remove: (key: BlobKey) => Promise<void>): Promise<boolean> {
  await lockBlob(ctx, key);
  const confidential = key.confidential ? 1 : 0;
  const listed = await tables(ctx.trx).selectFrom('files').select('id').where('corp_id', '=', ctx.corpId).where('sha256', '=', key.sha256).where('confidential', '=', confidential).limit(1).executeTakeFirst();
  if (listed) return false;
  await remove(key);
  await tables(ctx.trx).deleteFrom('files_blob_locks').where('corp_id', '=', ctx.corpId).where('sha256', '=', key.sha256).where('confidential', '=', confidential).execute();
  return true;
}

/** 微盘's capacity line for the member: what their ordinary files take of their quota. */
export async function myQuota(ctx: ReadCtx, quotaBytes: number): Promise<{ usedBytes: number; quotaBytes: number }> {
  const actor = requireMember(ctx);
  return { usedBytes: await usedBytes(ctx.trx, ctx.corpId, actor.id), quotaBytes };
}

export interface MemberUsage {
  memberId: string;
  name: string;
  usedBytes: number;
  files: number;
}

/**
 * For admins: each member's ordinary files (what counts against the quota), the largest first; a
 * member with none is not listed. The cursor is `<usedBytes>:<memberId>` of the last row.
 */
export async function membersUsage(ctx: ReadCtx, page: { cursor?: string | undefined; limit: number }): Promise<{ items: MemberUsage[]; nextCursor: string | null }> {
  const used = sql<string>`sum(size)`;
  let q = tables(ctx.trx)
    .selectFrom('files')
    .select(['owner_id', used.as('used'), sql<string>`count(*)`.as('n')])
    .where('corp_id', '=', ctx.corpId)
    .where('confidential', '=', 0)
    .groupBy('owner_id');
  const cursor = /^(\d+):(.+)$/.exec(page.cursor ?? '');
  if (cursor) {
    const [, bytes, owner] = cursor;
    const at = Number(bytes);
    q = q.having((eb) => eb.or([eb(used, '<', sql<string>`${at}`), eb.and([eb(used, '=', sql<string>`${at}`), eb('owner_id', '>', owner!)])]));
  }
  const rows = await q.orderBy(used, 'desc').orderBy('owner_id').limit(page.limit + 1).execute();
  const items = rows.slice(0, page.limit);
  const names = await membersByIds(ctx.trx, ctx.corpId, items.map((r) => r.owner_id));
  const last = items[items.length - 1];
  return {
    items: items.map((r) => ({ memberId: r.owner_id, name: names.get(r.owner_id)?.name ?? '', usedBytes: Number(r.used), files: Number(r.n) })),
    nextCursor: rows.length > page.limit && last ? `${Number(last.used)}:${last.owner_id}` : null,
  };
}
