import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { MemberStatus } from './directory.tables.ts';
import type { DirectoryTables } from './directory.tables.ts';

/**
 * 激活状态: 未激活 (no account has claimed the member yet), 已激活 (an account is linked), 已禁用,
 * 已离职. Derived from the status and the linked account, never stored apart from them.
 */
export const ACTIVATIONS = ['not_activated', 'activated', 'disabled', 'departed'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export function activationOf(status: MemberStatus, accountId: string | null): Activation {
  if (status === 'departed' || status === 'disabled') return status;
  return accountId === null ? 'not_activated' : 'activated';
}

/** The same rule as a filter on `members as m`. */
export function activationFilter(eb: ExpressionBuilder<DirectoryTables & { m: DirectoryTables['members'] }, 'm'>, activation: Activation): Expression<SqlBool> {
  if (activation === 'departed' || activation === 'disabled') return eb('m.status', '=', activation);
  return eb.and([eb('m.status', '=', 'active'), activation === 'activated' ? eb('m.account_id', 'is not', null) : eb('m.account_id', 'is', null)]);
}

/** SQL that gives a row's activation, for counting by it. */
export const activationExpression = sql<Activation>`case when ${sql.ref('m.status')} <> 'active' then ${sql.ref('m.status')} when ${sql.ref('m.account_id')} is null then 'not_activated' else 'activated' end`;
