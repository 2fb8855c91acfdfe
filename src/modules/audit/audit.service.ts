import type { Readable } from 'node:stream';
import type { ReadCtx } from '../../platform/context.ts';
import { chinaTime } from '../../platform/clock.ts';
import { searchAudit, type AuditQuery, type AuditRecord } from '../../platform/audit.ts';
import { pagedXlsx } from '../../platform/excel.ts';
import { AUDIT_ACTIONS } from './audit.catalog.ts';

/** The actor's role in the enterprise as it is now: the creator is 创建者, not a plain member. */
export type ActorRole = 'creator' | 'super_admin' | 'hierarchical_admin' | 'member' | 'external' | 'token' | 'operator' | 'account' | 'system';

export interface AuditView extends Omit<AuditRecord, 'actor' | 'target'> {
  actor: AuditRecord['actor'] & { role: ActorRole };
  /** `name`: what the target is called (now, or as the row recorded it when it is gone); null when it has none. */
  target: AuditRecord['target'] & { name: string | null };
}

export type Language = 'zh-CN' | 'en';

/** A page of the log, each row with its actor's role and its target's name. */
export async function readAudit(ctx: ReadCtx, query: AuditQuery): Promise<{ items: AuditView[]; nextCursor: string | null }> {
  const page = await searchAudit(ctx, query);
  return { items: await describe(ctx, page.items), nextCursor: page.nextCursor };
}

async function describe(ctx: ReadCtx, records: readonly AuditRecord[]): Promise<AuditView[]> {
  const roles = await ctx.registry.providers.roles(ctx.trx, ctx.corpId);
  const creator = await ctx.registry.providers.accountActor(ctx.trx, ctx.corpId, roles.creatorAccountId);
  const superMembers = new Set([...roles.superAdmins.values()].map((entry) => entry.memberId));
  const roleOf = (actor: AuditRecord['actor']): ActorRole => {
    if (actor.kind === 'member' || actor.kind === 'external') {
      if (actor.id === creator?.id) return 'creator';
      if (actor.kind === 'external') return roles.superAdmins.has(actor.id) ? 'super_admin' : 'external';
      if (superMembers.has(actor.id)) return 'super_admin';
      return roles.admins.has(actor.id) ? 'hierarchical_admin' : 'member';
    }
    return actor.kind as ActorRole;
  };
  const idsByType = new Map<string, Set<string>>();
  for (const { target } of records) if (target.id && ctx.registry.auditNames.has(target.type)) idsByType.set(target.type, (idsByType.get(target.type) ?? new Set()).add(target.id));
  const names = new Map<string, ReadonlyMap<string, string>>();
  for (const [type, ids] of idsByType) names.set(type, await ctx.registry.auditNames.get(type)!(ctx.trx, ctx.corpId, [...ids]));
  return records.map((record) => ({
    ...record,
    actor: { ...record.actor, role: roleOf(record.actor) },
    target: { ...record.target, name: names.get(record.target.type)?.get(record.target.id) ?? recordedName(record) },
  }));
}

/** A deleted target's name as its row kept it (`before.name`, or `after.name` of a creation). */
function recordedName(record: AuditRecord): string | null {
  for (const side of [record.before, record.after]) {
    const name = (side as { name?: unknown } | null)?.name;
    if (typeof name === 'string') return name;
  }
  return null;
}

/** The sentence the log shows for a row, in one language. */
export function auditSentence(row: AuditView, language: Language): string {
  const text = AUDIT_ACTIONS[row.action];
  if (!text) return row.action;
  return text.sentence[language === 'zh-CN' ? 'zh' : 'en'].replace('{actor}', row.actor.name).replace('{target}', row.target.name ?? '');
}

const HEADERS: Record<Language, string[]> = {
  'zh-CN': ['时间', '操作人', '操作人身份', '操作', '结果', 'IP 地址'],
  en: ['Time', 'Actor', 'Role', 'Action', 'Outcome', 'IP address'],
};
const ROLE_TEXT: Record<Language, Record<ActorRole, string>> = {
  'zh-CN': { creator: '创建者', super_admin: '超级管理员', hierarchical_admin: '分级管理员', member: '成员', external: '外部管理员', token: 'API 令牌', operator: '平台运营方', account: '账号', system: '系统' },
  en: { creator: 'Creator', super_admin: 'Super admin', hierarchical_admin: 'Hierarchical admin', member: 'Member', external: 'External admin', token: 'API token', operator: 'Operator', account: 'Account', system: 'System' },
};
const OUTCOME_TEXT: Record<Language, Record<AuditRecord['outcome'], string>> = { 'zh-CN': { done: '已执行', refused: '已拒绝' }, en: { done: 'Done', refused: 'Refused' } };
const EXPORT_PAGE = 500;

/** The filtered log as .xlsx in one language, newest first, streamed page by page; `mark` is 暗水印 (exportMark). */
export function auditXlsx(ctx: ReadCtx, query: Omit<AuditQuery, 'cursor' | 'limit'>, language: Language, mark = ''): Readable {
  return pagedXlsx({
    mark,
    sheetName: language === 'zh-CN' ? '操作日志' : 'Audit log',
    headers: HEADERS[language],
    widths: { 3: 60 },
    page: (cursor) => readAudit(ctx, { ...query, cursor, limit: EXPORT_PAGE }),
    row: (row) => [chinaTime(row.at), row.actor.name, ROLE_TEXT[language][row.actor.role], auditSentence(row, language), OUTCOME_TEXT[language][row.outcome], row.ip ?? ''],
  });
}
