import type { Readable } from 'node:stream';
import type { ReadCtx } from '../../platform/context.ts';
import { chinaTime, toIso } from '../../platform/clock.ts';
import { DomainError, unknownId } from '../../platform/errors.ts';
import { pagedXlsx } from '../../platform/excel.ts';
import { membersByIds } from '../directory/index.ts';
import { readableTemplateIds } from './access.ts';
import { tables, type InstanceStatus } from './approval.tables.ts';

/**
 * 审批数据: every request of the enterprise for the app's admins (of the templates they assist, for
 * assistants), newest first, filtered by template, status, applicant and submission time, and the
 * same list as .xlsx.
 */

export interface DataQuery {
  templateId?: string | undefined;
  status?: InstanceStatus | undefined;
  applicantId?: string | undefined;
  /** Submitted at or after (inclusive). */
  from?: string | undefined;
  /** Submitted before (exclusive). */
  to?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

export interface DataItem {
  id: string;
  templateId: string;
  templateName: string;
  applicantId: string;
  applicantName: string;
  submitterName: string;
  status: InstanceStatus;
  submittedAt: string;
  finishedAt: string | null;
}

/** The filters' ids must be of this enterprise, and the template one the caller may read. */
async function scope(ctx: ReadCtx, query: Omit<DataQuery, 'cursor' | 'limit'>): Promise<string[] | undefined> {
  const readable = await readableTemplateIds(ctx);
  if (query.templateId !== undefined) {
    const found = await tables(ctx.trx).selectFrom('approval_templates').select('id').where('corp_id', '=', ctx.corpId).where('id', '=', query.templateId).executeTakeFirst();
    if (!found) throw unknownId('/templateId', query.templateId, 'querystring');
    if (readable && !readable.includes(query.templateId)) throw new DomainError('forbidden', { app: 'approvals', right: 'manage', templateId: query.templateId });
  }
  if (query.applicantId !== undefined) {
    if (!(await membersByIds(ctx.trx, ctx.corpId, [query.applicantId])).has(query.applicantId)) throw unknownId('/applicantId', query.applicantId, 'querystring');
  }
  return query.templateId !== undefined ? [query.templateId] : readable;
}

export async function searchRequests(ctx: ReadCtx, query: DataQuery): Promise<{ items: DataItem[]; nextCursor: string | null }> {
  const templateIds = await scope(ctx, query);
  return page(ctx, templateIds, query);
}

async function page(ctx: ReadCtx, templateIds: string[] | undefined, query: DataQuery): Promise<{ items: DataItem[]; nextCursor: string | null }> {
  let q = tables(ctx.trx)
    .selectFrom('approval_instances')
    .select(['id', 'template_id', 'template_name', 'applicant_id', 'submitter_id', 'status', 'created_at', 'finished_at'])
    .where('corp_id', '=', ctx.corpId);
  if (templateIds) q = q.where('template_id', 'in', templateIds);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.applicantId) q = q.where('applicant_id', '=', query.applicantId);
  if (query.from) q = q.where('created_at', '>=', Date.parse(query.from));
  if (query.to) q = q.where('created_at', '<', Date.parse(query.to));
  if (query.cursor) q = q.where('id', '<', query.cursor);
  const rows = await q.orderBy('id', 'desc').limit(query.limit + 1).execute();
  const items = rows.slice(0, query.limit);
  const names = await membersByIds(ctx.trx, ctx.corpId, items.flatMap((r) => [r.applicant_id, r.submitter_id]));
  return {
    items: items.map((r) => ({
      id: r.id,
      templateId: r.template_id,
      templateName: r.template_name,
      applicantId: r.applicant_id,
      applicantName: names.get(r.applicant_id)?.name ?? '',
      submitterName: names.get(r.submitter_id)?.name ?? '',
      status: r.status,
      submittedAt: toIso(r.created_at)!,
      finishedAt: toIso(r.finished_at),
    })),
    nextCursor: rows.length > query.limit ? items[items.length - 1]!.id : null,
  };
}

export type Language = 'zh-CN' | 'en';
const HEADERS: Record<Language, string[]> = {
  'zh-CN': ['审批编号', '审批模板', '申请人', '提交人', '状态', '提交时间', '完成时间'],
  en: ['Request', 'Template', 'Applicant', 'Submitted by', 'Status', 'Submitted at', 'Finished at'],
};
const STATUS_TEXT: Record<Language, Record<InstanceStatus, string>> = {
  'zh-CN': { running: '审批中', approved: '已通过', rejected: '已驳回', withdrawn: '已撤销' },
  en: { running: 'In progress', approved: 'Approved', rejected: 'Rejected', withdrawn: 'Withdrawn' },
};
const EXPORT_PAGE = 500;

/**
 * The filtered requests as .xlsx (China time), newest first, streamed page by page. The scope is
 * checked before the first byte, so a refusal is an error answer, not a broken file.
 */
export async function requestsXlsx(ctx: ReadCtx, query: Omit<DataQuery, 'cursor' | 'limit'>, language: Language): Promise<Readable> {
  const templateIds = await scope(ctx, query);
  return pagedXlsx({
    sheetName: language === 'zh-CN' ? '审批数据' : 'Approval requests',
    headers: HEADERS[language],
    widths: { 0: 32, 1: 24 },
    page: (cursor) => page(ctx, templateIds, { ...query, cursor, limit: EXPORT_PAGE }),
    row: (r) => [r.id, r.templateName, r.applicantName, r.submitterName, STATUS_TEXT[language][r.status], chinaTime(r.submittedAt), r.finishedAt ? chinaTime(r.finishedAt) : ''],
  });
}
