import type { Ctx, ReadCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { audit } from '../../platform/audit.ts';
import { accountIsSuper } from '../../platform/policy/index.ts';
import { membersByIds } from '../directory/index.ts';
import { BALANCE_ITEMS, catalogItem } from './catalog.ts';
import { WalletErrors } from './wallet.errors.ts';
import { tables } from './wallet.tables.ts';

/**
 * 余额使用权限. The default rule (every super admin may pay for every balance item, certification
 * included) is not stored: it follows from being a super admin, so it cannot be changed or deleted.
 * Custom rules list members and the items they may pay for with the balance.
 */
export const DEFAULT_RULE_ID = 'default';

export interface SpendingRuleView {
  id: string;
  isDefault: boolean;
  memberIds: string[];
  /** For the default rule: every super admin (not a fixed list). */
  allSuperAdmins: boolean;
  items: string[];
  updatedAt: number | null;
}

export interface RuleInput {
  memberIds: string[];
  items: string[];
}

const DEFAULT_RULE: SpendingRuleView = { id: DEFAULT_RULE_ID, isDefault: true, memberIds: [], allSuperAdmins: true, items: [...BALANCE_ITEMS], updatedAt: null };

export async function listRules(db: Executor, corpId: string): Promise<SpendingRuleView[]> {
  const rows = await tables(db).selectFrom('wallet_spending_rules').selectAll().where('corp_id', '=', corpId).orderBy('id').execute();
  return [
    DEFAULT_RULE,
    ...rows.map((r) => ({ id: r.id, isDefault: false, memberIds: JSON.parse(r.member_ids_json) as string[], allSuperAdmins: false, items: JSON.parse(r.items_json) as string[], updatedAt: Number(r.updated_at) })),
  ];
}

/** No rule can list what the balance may not buy (会议高级功能、会话内容存档、数据保障计划、公费电话). */
async function validateRule(ctx: Ctx, input: RuleInput): Promise<RuleInput> {
  const items = [...new Set(input.items)];
  const memberIds = [...new Set(input.memberIds)];
  const badItems = items.filter((i) => !catalogItem(i)?.balancePayable);
  if (items.length === 0 || memberIds.length === 0 || badItems.length > 0) throw new DomainError(WalletErrors['wallet.rule_invalid'], { items: badItems });
  const found = await membersByIds(ctx.trx, ctx.corpId, memberIds);
  const missing = memberIds.filter((id) => found.get(id)?.status !== 'active');
  if (missing.length > 0) throw new DomainError(WalletErrors['wallet.rule_invalid'], { members: missing });
  return { memberIds: memberIds.sort(), items: BALANCE_ITEMS.filter((i) => items.includes(i)) };
}

export async function createRule(ctx: Ctx, input: RuleInput): Promise<SpendingRuleView> {
  const rule = await validateRule(ctx, input);
  const id = newId('rule', ctx.now);
  await tables(ctx.trx)
    .insertInto('wallet_spending_rules')
    .values({ corp_id: ctx.corpId, id, member_ids_json: JSON.stringify(rule.memberIds), items_json: JSON.stringify(rule.items), created_at: ctx.now, updated_at: ctx.now })
    .execute();
  await audit(ctx, { action: 'wallet.rule.create', target: { type: 'spending_rule', id }, after: rule });
  return { id, isDefault: false, allSuperAdmins: false, ...rule, updatedAt: ctx.now };
}

async function existingRule(ctx: Ctx, id: string): Promise<RuleInput> {
  if (id === DEFAULT_RULE_ID) throw new DomainError(WalletErrors['wallet.rule_default_readonly']);
  const row = await tables(ctx.trx).selectFrom('wallet_spending_rules').selectAll().where('corp_id', '=', ctx.corpId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('not_found', { ruleId: id });
  return { memberIds: JSON.parse(row.member_ids_json) as string[], items: JSON.parse(row.items_json) as string[] };
}

export async function updateRule(ctx: Ctx, id: string, input: RuleInput): Promise<SpendingRuleView> {
  const before = await existingRule(ctx, id);
  const rule = await validateRule(ctx, input);
  await tables(ctx.trx)
    .updateTable('wallet_spending_rules')
    .set({ member_ids_json: JSON.stringify(rule.memberIds), items_json: JSON.stringify(rule.items), updated_at: ctx.now })
    .where('corp_id', '=', ctx.corpId)
    .where('id', '=', id)
    .execute();
  await audit(ctx, { action: 'wallet.rule.update', target: { type: 'spending_rule', id }, before, after: rule });
  return { id, isDefault: false, allSuperAdmins: false, ...rule, updatedAt: ctx.now };
}

export async function deleteRule(ctx: Ctx, id: string): Promise<void> {
  const before = await existingRule(ctx, id);
  await tables(ctx.trx).deleteFrom('wallet_spending_rules').where('corp_id', '=', ctx.corpId).where('id', '=', id).execute();
  await audit(ctx, { action: 'wallet.rule.delete', target: { type: 'spending_rule', id }, before });
}

/** Whether the actor may pay for `item` with the balance: a super admin always, a member through a custom rule. */
export async function maySpend(ctx: ReadCtx, item: string): Promise<boolean> {
  if (!catalogItem(item)?.balancePayable) return false;
  const actor = ctx.actor;
  if (actor.kind !== 'member' && actor.kind !== 'external') return false;
  if (await accountIsSuper(ctx, actor.accountId)) return true;
  if (actor.kind !== 'member') return false;
  const rules = await tables(ctx.trx).selectFrom('wallet_spending_rules').select(['member_ids_json', 'items_json']).where('corp_id', '=', ctx.corpId).execute();
  return rules.some((r) => (JSON.parse(r.member_ids_json) as string[]).includes(actor.id) && (JSON.parse(r.items_json) as string[]).includes(item));
}

/** Items the actor may pay for with the balance (the console greys out the others). */
export async function spendableItems(ctx: ReadCtx): Promise<string[]> {
  const out: string[] = [];
  for (const item of BALANCE_ITEMS) if (await maySpend(ctx, item)) out.push(item);
  return out;
}

export async function assertMaySpend(ctx: ReadCtx, item: string): Promise<void> {
  const known = catalogItem(item);
  if (!known) throw new DomainError(WalletErrors['wallet.unknown_item'], { item });
  if (!known.balancePayable) throw new DomainError(WalletErrors['wallet.not_balance_payable'], { item });
  if (!(await maySpend(ctx, item))) throw new DomainError(WalletErrors['wallet.no_balance_permission'], { item });
}
