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
import { record } from './records.service.ts';
import { tables, type FilesTables } from './files.tables.ts';

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
    createdAt: toIso(row.created_at),
    downloadAllowed: !downloadBlocked(row, rules),
    shareAllowed: !shareBlocked(row, rules),
  };
}

/** Whether the member's uploads become confidential now (文件防泄漏), decided before a byte is stored. */
export async function uploadPlan(ctx: ReadCtx): Promise<{ confidential: boolean }> {
  const actor = requireMember(ctx);
  return { confidential: await leakCovers(ctx.trx, ctx.corpId, actor.id, ctx.now) };
}

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
}

/** Lists a stored upload under its member, and records it when it is confidential. */
export async function addFile(ctx: Ctx, upload: StoredUpload, quotaBytes: number): Promise<FileView> {
  const actor = requireMember(ctx);
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
    created_at: ctx.now,
  };
  await tables(ctx.trx).insertInto('files').values(row).execute();
  const rules = await leakRules(ctx.trx, ctx.corpId, ctx.now);
  await record(ctx, rules, row, 'upload');
  return present(row, rules, new Map());
}

/** The member's files, newest first. */
export async function myFiles(ctx: ReadCtx, page: { cursor?: string | undefined; limit: number }) {
  const actor = requireMember(ctx);
  let q = tables(ctx.trx).selectFrom('files').selectAll().where('corp_id', '=', ctx.corpId).where('owner_id', '=', actor.id);
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

export interface Served {
  name: string;
  mime: string;
  size: number;
  sha256: string;
  confidential: boolean;
}
const served = (row: FileRow): Served => ({ name: row.name, mime: row.mime, size: Number(row.size), sha256: row.sha256, confidential: row.confidential === 1 });

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
  const copy: FileRow = { ...row, id: newId('file', ctx.now), owner_id: memberId, forwarded_by: actor.id, created_at: ctx.now };
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
