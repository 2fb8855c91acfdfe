import { randomBytes } from 'node:crypto';
import type { Ctx, ReadCtx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { requireMember } from '../../platform/policy/index.ts';
import { checkRecipients } from '../directory/index.ts';
import { fileAccess, requireFile, type FileRow } from './access.ts';
import { requireSpace, ownSpace } from './spaces.service.ts';
import { tables, type Access, type FileKind, type LinkAccess, type ShareAccess, type ShareTarget } from './docs.tables.ts';

export interface FileView {
  id: string;
  spaceId: string;
  kind: FileKind;
  title: string;
  access: Access;
  linkAccess: LinkAccess;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}
export interface Share {
  kind: ShareTarget;
  id: string;
  access: ShareAccess;
}

export const fileView = (f: FileRow, access: Access): FileView => ({
  id: f.id,
  spaceId: f.space_id,
  kind: f.kind,
  title: f.title,
  access,
  linkAccess: f.link_access,
  createdBy: f.created_by,
  createdAt: Number(f.created_at),
  updatedAt: Number(f.updated_at),
});

const newLinkToken = () => randomBytes(18).toString('base64url');

export interface NewFile {
  spaceId?: string | undefined;
  kind: FileKind;
  title: string;
}

/** A new file, without sheets, in a space the member may edit in (their own space when none is named). */
export async function insertFile(ctx: Ctx, input: NewFile): Promise<FileView> {
  const member = requireMember(ctx);
  const spaceId = input.spaceId ?? (await ownSpace(ctx));
  const space = await requireSpace(ctx, spaceId);
  if (space.role === 'view') throw new DomainError('forbidden', { spaceId, role: space.role });
  const row: FileRow = { corp_id: ctx.corpId, id: newId('doc', ctx.now), space_id: spaceId, kind: input.kind, title: input.title, body: '', link_token: newLinkToken(), link_access: 'off', created_by: member.id, created_at: ctx.now, updated_at: ctx.now };
  await tables(ctx.trx).insertInto('docs_files').values(row).execute();
  return fileView(row, space.role === 'manage' ? 'manage' : 'edit');
}

/** A new document, or a sheet with its first 工作表1. */
export async function createFile(ctx: Ctx, input: NewFile): Promise<FileView> {
  const file = await insertFile(ctx, input);
  if (input.kind === 'sheet') await addSheet(ctx, file.id, '工作表1', 0);
  return file;
}

export async function addSheet(ctx: Ctx, fileId: string, name: string, position: number): Promise<string> {
  const id = newId('sht', ctx.now);
  await tables(ctx.trx).insertInto('docs_sheets').values({ corp_id: ctx.corpId, file_id: fileId, id, name, position, cell_count: 0, created_at: ctx.now }).execute();
  return id;
}

/** The files of a space the member is in, newest change first. */
export async function spaceFiles(ctx: ReadCtx, spaceId: string): Promise<FileView[]> {
  const space = await requireSpace(ctx, spaceId);
  const rows = await tables(ctx.trx).selectFrom('docs_files').selectAll().where('corp_id', '=', ctx.corpId).where('space_id', '=', spaceId).orderBy('updated_at', 'desc').orderBy('id').execute();
  return rows.map((f) => fileView(f, space.role));
}

export async function getFile(ctx: ReadCtx, fileId: string): Promise<FileView & { body: string }> {
  const { file, access } = await fileAccess(ctx, fileId);
  return { ...fileView(file, access), body: file.body };
}

/** Marks the file changed, and on PostgreSQL holds its row until commit: one file's writes go one at a time. */
export async function touchFile(ctx: Ctx, fileId: string): Promise<void> {
  await tables(ctx.trx).updateTable('docs_files').set({ updated_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('id', '=', fileId).execute();
}

export async function updateFile(ctx: Ctx, fileId: string, input: { title?: string | undefined; body?: string | undefined }): Promise<FileView & { body: string }> {
  const { file, access } = await requireFile(ctx, fileId, 'edit');
  if (input.body !== undefined && file.kind !== 'document') throw new DomainError('request.invalid', { in: 'body', field: '/body', reason: 'a sheet has cells, not a body' });
  const next = { ...file, title: input.title ?? file.title, body: input.body ?? file.body, updated_at: ctx.now };
  await tables(ctx.trx).updateTable('docs_files').set({ title: next.title, body: next.body, updated_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('id', '=', fileId).execute();
  return { ...fileView(next, access), body: next.body };
}

const FILE_TABLES = ['docs_shares', 'docs_link_visitors', 'docs_doc_tables', 'docs_sheets', 'docs_cells', 'docs_comments', 'docs_pending_cells', 'docs_revisions', 'docs_revision_cells', 'docs_images'] as const;

/** Deletes the file with everything in it (its space's managers or its creator with edit rights). */
export async function deleteFile(ctx: Ctx, fileId: string): Promise<void> {
  const { file, access } = await requireFile(ctx, fileId, 'edit');
  if (access !== 'manage' && file.created_by !== ctx.actor.id) throw new DomainError('forbidden', { fileId, access });
  const db = tables(ctx.trx);
  for (const table of FILE_TABLES) await db.deleteFrom(table).where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).execute();
  await db.deleteFrom('docs_files').where('corp_id', '=', ctx.corpId).where('id', '=', fileId).execute();
}

export async function fileShares(ctx: ReadCtx, fileId: string): Promise<{ shares: Share[]; linkAccess: LinkAccess; linkToken: string | null }> {
  const { file, access } = await requireFile(ctx, fileId, 'view');
  const rows = await tables(ctx.trx).selectFrom('docs_shares').selectAll().where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).orderBy('target_kind').orderBy('target_id').execute();
  // The link itself is for those who may pass it on: anyone who can open the file while it is on.
  return { shares: rows.map((r) => ({ kind: r.target_kind, id: r.target_id, access: r.access })), linkAccess: file.link_access, linkToken: file.link_access !== 'off' || access === 'manage' ? file.link_token : null };
}

/**
 * Sets who the file is shared with (仅浏览 or 可编辑 per member, department or tag) and its link:
 * the space's managers and the file's creator decide. Every id must be the enterprise's own.
 */
export async function setShares(ctx: Ctx, fileId: string, input: { shares: Share[]; linkAccess: LinkAccess }): Promise<{ shares: Share[]; linkAccess: LinkAccess; linkToken: string | null }> {
  const { file, access } = await requireFile(ctx, fileId, 'edit');
  if (access !== 'manage' && file.created_by !== ctx.actor.id) throw new DomainError('forbidden', { fileId, access });
  const of = (kind: ShareTarget) => input.shares.filter((s) => s.kind === kind).map((s) => s.id);
  await checkRecipients(ctx.trx, ctx.corpId, { memberIds: of('member'), departmentIds: of('department'), tagIds: of('tag') }, '/shares');
  const unique = new Map(input.shares.map((s) => [`${s.kind}:${s.id}`, s]));
  const db = tables(ctx.trx);
  await db.deleteFrom('docs_shares').where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).execute();
  if (unique.size > 0) await db.insertInto('docs_shares').values([...unique.values()].map((s) => ({ corp_id: ctx.corpId, file_id: fileId, target_kind: s.kind, target_id: s.id, access: s.access }))).execute();
  await db.updateTable('docs_files').set({ link_access: input.linkAccess }).where('corp_id', '=', ctx.corpId).where('id', '=', fileId).execute();
  return fileShares(ctx, fileId);
}

/** A member opens a file's link: while the link is on they keep its access to the file. */
export async function openLink(ctx: Ctx, token: string): Promise<FileView> {
  const member = requireMember(ctx);
  const file = await tables(ctx.trx).selectFrom('docs_files').select(['id', 'link_access']).where('corp_id', '=', ctx.corpId).where('link_token', '=', token).executeTakeFirst();
  if (!file || file.link_access === 'off') throw new DomainError('not_found', { link: 'off' });
  await tables(ctx.trx)
    .insertInto('docs_link_visitors')
    .values({ corp_id: ctx.corpId, file_id: file.id, member_id: member.id, visited_at: ctx.now })
    .onConflict((oc) => oc.columns(['corp_id', 'file_id', 'member_id']).doUpdateSet({ visited_at: ctx.now }))
    .execute();
  const found = await fileAccess(ctx, file.id);
  return fileView(found.file, found.access);
}
