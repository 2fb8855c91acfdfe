import type { ReadCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { appLevel } from '../../platform/policy/index.ts';
import { isInRecipients } from '../directory/index.ts';
import { ApprovalErrors } from './approval.errors.ts';
import type { Template } from './approval.model.ts';
import { tables } from './approval.tables.ts';

/**
 * Who may do what with a template: the app's admins (manage on the approvals app) everything; a
 * template's assistants (协助管理) manage that template and read its requests; members see and submit
 * the templates whose visible range (可见范围) holds them.
 */

export async function isAppManager(ctx: ReadCtx): Promise<boolean> {
  return (await appLevel(ctx, 'approvals')) === 'manage';
}

function memberIdOf(ctx: ReadCtx): string | null {
  return ctx.actor.kind === 'member' ? ctx.actor.id : null;
}

export function assists(ctx: ReadCtx, template: Template): boolean {
  const memberId = memberIdOf(ctx);
  return memberId !== null && template.assistantIds.includes(memberId);
}

/** 可见范围: everyone when the template has none; otherwise the members, departments (with their sub-departments) and tags it names. */
export async function inVisibleRange(db: Executor, corpId: string, template: Template, memberId: string): Promise<boolean> {
  return template.visibility === null || isInRecipients(db, corpId, memberId, template.visibility);
}

/** Refuses a member outside the template's visible range (`approval.not_visible`, 403). */
export async function requireVisible(db: Executor, corpId: string, template: Template, memberId: string, field?: string): Promise<void> {
  if (!(await inVisibleRange(db, corpId, template, memberId))) throw new DomainError(ApprovalErrors['approval.not_visible'], { templateId: template.id, memberId, ...(field ? { field } : {}) });
}

/** Refuses unless the caller is an admin of the app or an assistant of this template. */
export async function requireManager(ctx: ReadCtx, template: Template): Promise<{ appManager: boolean }> {
  const appManager = await isAppManager(ctx);
  if (!appManager && !assists(ctx, template)) throw new DomainError('forbidden', { app: 'approvals', right: 'manage', templateId: template.id });
  return { appManager };
}

/**
 * The templates whose requests the caller may read in the admin's list: all (undefined) for an
 * admin of the app, the ones they assist for an assistant; none is refused.
 */
export async function readableTemplateIds(ctx: ReadCtx): Promise<string[] | undefined> {
  if (await isAppManager(ctx)) return undefined;
  const memberId = memberIdOf(ctx);
  const rows = memberId === null ? [] : await tables(ctx.trx).selectFrom('approval_templates').select(['id', 'assistants_json']).where('corp_id', '=', ctx.corpId).execute();
  const ids = rows.filter((r) => (JSON.parse(r.assistants_json) as string[]).includes(memberId!)).map((r) => r.id);
  if (ids.length === 0) throw new DomainError('forbidden', { app: 'approvals', right: 'manage' });
  return ids;
}

/** Whether the caller reads every request of the template (审批数据): an admin of the app or one of its assistants. */
export async function readsRequestsOf(ctx: ReadCtx, templateId: string): Promise<boolean> {
  if (await isAppManager(ctx)) return true;
  const memberId = memberIdOf(ctx);
  if (memberId === null) return false;
  const row = await tables(ctx.trx).selectFrom('approval_templates').select('assistants_json').where('corp_id', '=', ctx.corpId).where('id', '=', templateId).executeTakeFirst();
  return row !== undefined && (JSON.parse(row.assistants_json) as string[]).includes(memberId);
}
