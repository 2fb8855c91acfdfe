import type { Ctx, ReadCtx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { departmentChain, departmentHeads, getMember, membersByIds } from '../directory/index.ts';
import { SecurityErrors } from '../security/index.ts';
import { HandoverErrors } from './handover.errors.ts';
import type { HandoverRule } from './handover.schema.ts';
import { handOver, isActive } from './handover.service.ts';
import { tables } from './handover.tables.ts';

const MANUAL: HandoverRule = { mode: 'manual', memberId: null };

export async function readRule(ctx: ReadCtx): Promise<HandoverRule> {
  const row = await tables(ctx.trx).selectFrom('handover_rules').select(['mode', 'member_id']).where('corp_id', '=', ctx.corpId).executeTakeFirst();
  return row ? { mode: row.mode, memberId: row.member_id } : MANUAL;
}

/** Sets the rule while the purchase is in force; a named successor must be an active member now. */
export async function saveRule(ctx: Ctx, rule: HandoverRule): Promise<HandoverRule> {
  if (!(await isActive(ctx.trx, ctx.corpId, ctx.now))) throw new DomainError(SecurityErrors['security.not_active']);
  const saved: HandoverRule = rule.mode === 'member' ? rule : { mode: rule.mode, memberId: null };
  if (saved.mode === 'member') {
    if (!saved.memberId) throw new DomainError(HandoverErrors['handover.rule_member_missing'], { field: '/memberId' });
    const member = (await membersByIds(ctx.trx, ctx.corpId, [saved.memberId])).get(saved.memberId);
    if (!member) throw new DomainError(HandoverErrors['handover.successor_not_member'], { field: '/memberId', memberId: saved.memberId });
    if (member.status !== 'active') throw new DomainError(HandoverErrors['handover.successor_inactive'], { field: '/memberId', memberId: member.id, status: member.status });
  }
  const before = await readRule(ctx);
  await tables(ctx.trx)
    .insertInto('handover_rules')
    .values({ corp_id: ctx.corpId, mode: saved.mode, member_id: saved.memberId, updated_at: ctx.now })
    .onConflict((oc) => oc.column('corp_id').doUpdateSet({ mode: saved.mode, member_id: saved.memberId, updated_at: ctx.now }))
    .execute();
  await audit(ctx, { action: 'security.handover_rule', target: { type: 'security_policy', id: 'handover' }, before, after: saved });
  return saved;
}

/** The rule's successor for a departed member: an active head of their department or the nearest above, or the named member. */
async function successorOf(ctx: Ctx, rule: HandoverRule, memberId: string, departmentIds: readonly string[]): Promise<string | undefined> {
  if (rule.mode === 'member') return rule.memberId ?? undefined;
  const main = (await getMember(ctx.trx, ctx.corpId, memberId))?.mainDepartmentId ?? departmentIds[0];
  if (!main) return undefined;
  for (const department of await departmentChain(ctx.trx, ctx.corpId, main)) {
    const head = (await departmentHeads(ctx.trx, ctx.corpId, department.id)).find((id) => id !== memberId);
    if (head) return head;
  }
  return undefined;
}

/** Refusals a hand-over raises before it moves anything: the data then waits for an admin. */
const WAITS = new Set(['security.not_active', 'handover.not_departed', 'handover.successor_not_member', 'handover.successor_inactive', 'handover.nothing_pending']);

/**
 * 成员离职: with a rule other than manual and the purchase in force, the member's data goes to the
 * rule's successor at once; when there is none (no head, the named member left too) it waits on
 * the 数据资产交接 page for an admin.
 */
export async function onMemberDeparted(ctx: Ctx, memberId: string, departmentIds: readonly string[]): Promise<void> {
  const rule = await readRule(ctx);
  if (rule.mode === 'manual' || !(await isActive(ctx.trx, ctx.corpId, ctx.now))) return;
  const successor = await successorOf(ctx, rule, memberId, departmentIds);
  if (!successor) return;
  try {
    await handOver(ctx, { fromMemberId: memberId, toMemberId: successor });
  } catch (error) {
    if (!(error instanceof DomainError) || !WAITS.has(error.code)) throw error;
  }
}
