import type { Ctx, ReadCtx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { requireFile } from './access.ts';
import { DocsErrors } from './docs.errors.ts';
import { touchFile } from './files.service.ts';
import { tables } from './docs.tables.ts';

/** 目前最多可插入 100 个表格 (the seed's question 4). */
export const TABLES_PER_DOCUMENT = 100;

export interface DocTable {
  id: string;
  rows: number;
  cols: number;
  cells: string[][];
  createdAt: number;
}

const view = (r: { id: string; rows: number; cols: number; cells_json: string; created_at: number }): DocTable => ({ id: r.id, rows: r.rows, cols: r.cols, cells: JSON.parse(r.cells_json) as string[][], createdAt: Number(r.created_at) });

async function requireDocument(ctx: ReadCtx, fileId: string, needed: 'view' | 'edit') {
  const found = await requireFile(ctx, fileId, needed);
  if (found.file.kind !== 'document') throw new DomainError(DocsErrors['docs.not_a_document']);
  return found;
}

export async function documentTables(ctx: ReadCtx, fileId: string): Promise<DocTable[]> {
  await requireDocument(ctx, fileId, 'view');
  const rows = await tables(ctx.trx).selectFrom('docs_doc_tables').selectAll().where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).orderBy('created_at').orderBy('id').execute();
  return rows.map(view);
}

/**
 * Inserts an empty table of rows × cols. The 101st is refused with the seed's sentence
 * (超过表格上限，请删除其他表格后插入。); the file's row is held first, so two inserts at once
 * cannot both take the 100th place.
 */
export async function insertTable(ctx: Ctx, fileId: string, size: { rows: number; cols: number }): Promise<DocTable> {
  await requireDocument(ctx, fileId, 'edit');
  await touchFile(ctx, fileId);
  const { count } = await tables(ctx.trx).selectFrom('docs_doc_tables').select((eb) => eb.fn.countAll<number>().as('count')).where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).executeTakeFirstOrThrow();
  if (Number(count) >= TABLES_PER_DOCUMENT) throw new DomainError(DocsErrors['docs.table_limit'], { limit: TABLES_PER_DOCUMENT });
  const row = { corp_id: ctx.corpId, file_id: fileId, id: newId('tbl', ctx.now), rows: size.rows, cols: size.cols, cells_json: JSON.stringify(Array.from({ length: size.rows }, () => Array<string>(size.cols).fill(''))), created_at: ctx.now };
  await tables(ctx.trx).insertInto('docs_doc_tables').values(row).execute();
  return view(row);
}

export async function updateTable(ctx: Ctx, fileId: string, tableId: string, cells: string[][]): Promise<DocTable> {
  await requireDocument(ctx, fileId, 'edit');
  const rows = cells.length;
  const cols = Math.max(0, ...cells.map((r) => r.length));
  const result = await tables(ctx.trx).updateTable('docs_doc_tables').set({ rows, cols, cells_json: JSON.stringify(cells) }).where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).where('id', '=', tableId).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new DomainError('not_found', { tableId });
  await touchFile(ctx, fileId);
  const row = await tables(ctx.trx).selectFrom('docs_doc_tables').selectAll().where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).where('id', '=', tableId).executeTakeFirstOrThrow();
  return view(row);
}

export async function deleteTable(ctx: Ctx, fileId: string, tableId: string): Promise<void> {
  await requireDocument(ctx, fileId, 'edit');
  const result = await tables(ctx.trx).deleteFrom('docs_doc_tables').where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).where('id', '=', tableId).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new DomainError('not_found', { tableId });
  await touchFile(ctx, fileId);
}
