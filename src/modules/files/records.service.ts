import type { Readable } from 'node:stream';
import type { Ctx, ReadCtx } from '../../platform/context.ts';
import { chinaTime, toIso } from '../../platform/clock.ts';
import { pagedXlsx } from '../../platform/excel.ts';
import { newId } from '../../platform/ids.ts';
import { membersByIds } from '../directory/index.ts';
import type { LeakRules } from '../security/index.ts';
import { tables, type FileAction, type FilesTables } from './files.tables.ts';

/**
 * 文件防泄漏's trace: each upload, download, view, forward and deletion of a confidential file, appended in the
 * transaction of the act, with the server's time and the caller's address. Nothing is written while
 * the purchase has lapsed or the policy is off.
 */
export async function record(ctx: Ctx, rules: LeakRules, file: Pick<FilesTables['files'], 'id' | 'name' | 'confidential'>, action: FileAction, targetMemberId: string | null = null): Promise<void> {
  if (!rules.active || file.confidential !== 1) return;
  await tables(ctx.trx)
    .insertInto('files_records')
    .values({ corp_id: ctx.corpId, id: newId('frec', ctx.now), file_id: file.id, file_name: file.name, member_id: ctx.actor.id, action, target_member_id: targetMemberId, address: ctx.ip ?? '', occurred_at: ctx.now })
    .execute();
}

export interface RecordSearch {
  memberId?: string | undefined;
  action?: FileAction | undefined;
  /** Inclusive. */
  from?: string | undefined;
  /** Exclusive. */
  to?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

export interface RecordView {
  id: string;
  at: string;
  memberId: string;
  memberName: string;
  action: FileAction;
  fileId: string;
  fileName: string;
  targetMemberId: string | null;
  targetName: string | null;
  address: string;
}

/** The records, newest first, by member, action and time. */
export async function searchRecords(ctx: ReadCtx, query: RecordSearch): Promise<{ items: RecordView[]; nextCursor: string | null }> {
  let q = tables(ctx.trx).selectFrom('files_records').selectAll().where('corp_id', '=', ctx.corpId);
  if (query.memberId) q = q.where('member_id', '=', query.memberId);
  if (query.action) q = q.where('action', '=', query.action);
  if (query.from) q = q.where('occurred_at', '>=', Date.parse(query.from));
  if (query.to) q = q.where('occurred_at', '<', Date.parse(query.to));
  if (query.cursor) q = q.where('id', '<', query.cursor);
  const rows = await q.orderBy('id', 'desc').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  const names = await membersByIds(ctx.trx, ctx.corpId, page.flatMap((r) => (r.target_member_id ? [r.member_id, r.target_member_id] : [r.member_id])));
  return {
    items: page.map((r) => ({
      id: r.id,
      at: toIso(r.occurred_at),
      memberId: r.member_id,
      memberName: names.get(r.member_id)?.name ?? '',
      action: r.action,
      fileId: r.file_id,
      fileName: r.file_name,
      targetMemberId: r.target_member_id,
      targetName: r.target_member_id === null ? null : (names.get(r.target_member_id)?.name ?? ''),
      address: r.address,
    })),
    nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null,
  };
}

export type Language = 'zh-CN' | 'en';
const HEADERS: Record<Language, string[]> = {
  'zh-CN': ['时间', '成员', '操作', '文件', '转发给', 'IP 地址'],
  en: ['Time', 'Member', 'Action', 'File', 'Forwarded to', 'IP address'],
};
const ACTION_TEXT: Record<Language, Record<FileAction, string>> = {
  'zh-CN': { upload: '上传', download: '下载', view: '查看', forward: '转发', delete: '删除' },
  en: { upload: 'Upload', download: 'Download', view: 'View', forward: 'Forward', delete: 'Delete' },
};
const EXPORT_PAGE = 500;

/** The filtered records as .xlsx (China time), newest first, streamed page by page; `mark` is 暗水印 (exportMark). */
export function recordsXlsx(ctx: ReadCtx, query: Omit<RecordSearch, 'cursor' | 'limit'>, language: Language, mark = ''): Readable {
  return pagedXlsx({
    mark,
    sheetName: language === 'zh-CN' ? '文件操作记录' : 'File records',
    headers: HEADERS[language],
    widths: { 3: 40 },
    page: (cursor) => searchRecords(ctx, { ...query, cursor, limit: EXPORT_PAGE }),
    row: (r) => [chinaTime(r.at), r.memberName, ACTION_TEXT[language][r.action], r.fileName, r.targetName ?? '', r.address],
  });
}
