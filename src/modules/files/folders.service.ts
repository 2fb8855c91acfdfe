import type { Ctx, ReadCtx } from '../../platform/context.ts';
import { toIso } from '../../platform/clock.ts';
import { DomainError, unknownId, type RequestPart } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { requireMember } from '../../platform/policy/index.ts';
import { FileErrors } from './files.errors.ts';
import { tables, type FilesTables } from './files.tables.ts';

type FolderRow = FilesTables['files_folders'];

export interface FolderView {
  id: string;
  name: string;
  /** null at the top level. */
  parentId: string | null;
  createdAt: string;
}

const present = (row: FolderRow): FolderView => ({ id: row.id, name: row.name, parentId: row.parent_id || null, createdAt: toIso(row.created_at) });

/** One of the member's folders (another member's, or another enterprise's, is not found). */
async function ownFolder(ctx: ReadCtx, id: string): Promise<FolderRow> {
  const actor = requireMember(ctx);
  const row = await tables(ctx.trx).selectFrom('files_folders').selectAll().where('corp_id', '=', ctx.corpId).where('id', '=', id).where('owner_id', '=', actor.id).executeTakeFirst();
  if (!row) throw new DomainError(FileErrors['files.folder_not_found'], { id });
  return row;
}

/** Folders one parent may hold: they are listed whole, and made one by one by hand. */
export const FOLDERS_PER_PARENT = 200;

/**
 * The member's folder a request names, as stored ('' for the top level): another member's or
 * another enterprise's folder is an unknown id of the request.
 */
export async function folderOf(ctx: ReadCtx, folderId: string | null | undefined, field: string, where: RequestPart): Promise<string> {
  if (!folderId) return '';
  const actor = requireMember(ctx);
  const found = await tables(ctx.trx).selectFrom('files_folders').select('id').where('corp_id', '=', ctx.corpId).where('id', '=', folderId).where('owner_id', '=', actor.id).executeTakeFirst();
  if (!found) throw unknownId(field, folderId, where);
  return found.id;
}

/** Names are unique among one parent's folders (the unique index backs this against a race). */
async function assertFree(ctx: Ctx, ownerId: string, parentId: string, name: string): Promise<void> {
  const taken = await tables(ctx.trx).selectFrom('files_folders').select('id').where('corp_id', '=', ctx.corpId).where('owner_id', '=', ownerId).where('parent_id', '=', parentId).where('name', '=', name).executeTakeFirst();
  if (taken) throw new DomainError(FileErrors['files.folder_name_taken'], { field: '/name', name });
}

/** One more folder fits in the parent (at most FOLDERS_PER_PARENT). */
async function assertRoom(ctx: Ctx, ownerId: string, parentId: string): Promise<void> {
  const held = await tables(ctx.trx).selectFrom('files_folders').select((eb) => eb.fn.countAll<string>().as('n')).where('corp_id', '=', ctx.corpId).where('owner_id', '=', ownerId).where('parent_id', '=', parentId).executeTakeFirstOrThrow();
  if (Number(held.n) >= FOLDERS_PER_PARENT) throw new DomainError(FileErrors['files.folder_limit'], { limit: FOLDERS_PER_PARENT });
}

/** A folder at the member's top level or inside one of their folders. */
export async function createFolder(ctx: Ctx, input: { name: string; parentId?: string | null | undefined }): Promise<FolderView> {
  const actor = requireMember(ctx);
  const parentId = await folderOf(ctx, input.parentId, '/parentId', 'body');
  const name = input.name.trim();
  await assertFree(ctx, actor.id, parentId, name);
  await assertRoom(ctx, actor.id, parentId);
  const row: FolderRow = { corp_id: ctx.corpId, id: newId('fold', ctx.now), owner_id: actor.id, parent_id: parentId, name, created_at: ctx.now };
  await tables(ctx.trx).insertInto('files_folders').values(row).execute();
  return present(row);
}

/**
 * Renames a folder, moves it (with everything in it) into another of the member's folders or to the
 * top level, or both. A folder never goes into itself or a folder inside it; moves of one member's
 * folders take the member's lock row first, so two at once cannot make a loop.
 */
export async function changeFolder(ctx: Ctx, id: string, input: { name?: string | undefined; parentId?: string | null | undefined }): Promise<FolderView> {
  const actor = requireMember(ctx);
  const moving = input.parentId !== undefined;
  if (moving) {
    await tables(ctx.trx)
      .insertInto('files_folder_locks')
      .values({ corp_id: ctx.corpId, owner_id: actor.id, locked_at: ctx.now })
      .onConflict((oc) => oc.columns(['corp_id', 'owner_id']).doUpdateSet({ locked_at: ctx.now }))
      .execute();
  }
  const row = await ownFolder(ctx, id);
  const name = input.name?.trim() ?? row.name;
  const parentId = moving ? await folderOf(ctx, input.parentId, '/parentId', 'body') : row.parent_id;
  if (name === row.name && parentId === row.parent_id) return present(row);
  if (parentId !== row.parent_id) {
    await refuseInsideItself(ctx, row, parentId);
    await assertRoom(ctx, row.owner_id, parentId);
  }
  await assertFree(ctx, row.owner_id, parentId, name);
  await tables(ctx.trx).updateTable('files_folders').set({ name, parent_id: parentId }).where('corp_id', '=', ctx.corpId).where('id', '=', row.id).execute();
  return present({ ...row, name, parent_id: parentId });
}

/** The way up from the new parent to the top level must not pass the folder itself. */
async function refuseInsideItself(ctx: Ctx, row: FolderRow, parentId: string): Promise<void> {
  const seen = new Set<string>();
  for (let at = parentId; at !== '' && !seen.has(at); ) {
    if (at === row.id) throw new DomainError(FileErrors['files.folder_into_itself'], { field: '/parentId', id: row.id, parentId });
    seen.add(at);
    const up = await tables(ctx.trx).selectFrom('files_folders').select('parent_id').where('corp_id', '=', ctx.corpId).where('owner_id', '=', row.owner_id).where('id', '=', at).executeTakeFirst();
    at = up?.parent_id ?? '';
  }
}

/** Deletes an empty folder; one that still holds a file or a folder is refused (there is no trash). */
export async function deleteFolder(ctx: Ctx, id: string): Promise<void> {
  const row = await ownFolder(ctx, id);
  const db = tables(ctx.trx);
  const [files, folders] = await Promise.all([
    db.selectFrom('files').select((eb) => eb.fn.countAll<string>().as('n')).where('corp_id', '=', ctx.corpId).where('owner_id', '=', row.owner_id).where('folder_id', '=', row.id).executeTakeFirstOrThrow(),
    db.selectFrom('files_folders').select((eb) => eb.fn.countAll<string>().as('n')).where('corp_id', '=', ctx.corpId).where('owner_id', '=', row.owner_id).where('parent_id', '=', row.id).executeTakeFirstOrThrow(),
  ]);
  if (Number(files.n) > 0 || Number(folders.n) > 0) throw new DomainError(FileErrors['files.folder_not_empty'], { id, files: Number(files.n), folders: Number(folders.n) });
  await db.deleteFrom('files_folders').where('corp_id', '=', ctx.corpId).where('id', '=', row.id).execute();
}

/** The member's folders inside one folder (the top level without one), by name. */
export async function listFolders(ctx: ReadCtx, parentId: string | undefined): Promise<{ parent: FolderView | null; items: FolderView[] }> {
  const actor = requireMember(ctx);
  const parent = parentId ? await ownFolder(ctx, await folderOf(ctx, parentId, '/parentId', 'querystring')) : undefined;
  const rows = await tables(ctx.trx)
    .selectFrom('files_folders')
    .selectAll()
    .where('corp_id', '=', ctx.corpId)
    .where('owner_id', '=', actor.id)
    .where('parent_id', '=', parent?.id ?? '')
    .orderBy('name')
    .orderBy('id')
    .execute();
  return { parent: parent ? present(parent) : null, items: rows.map(present) };
}
