import type { Ctx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { tables } from './directory.tables.ts';
import { DirectoryErrors } from './directory.errors.ts';

/**
 * Takes the row locks of departments about to gain a member, a child or a tag (a no-op UPDATE: a
 * row lock on PostgreSQL, the write lock on SQLite) and checks they still exist. Deleting a
 * department takes the same lock first, so one of the two waits for the other: either the delete
 * sees the new link and refuses, or the link finds the department gone. Never an orphan.
 */
export async function lockDepartments(ctx: Pick<Ctx, 'corpId' | 'trx' | 'now'>, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)].sort();
  for (let i = 0; i < unique.length; i += 1000) {
    const chunk = unique.slice(i, i + 1000);
    const result = await tables(ctx.trx).updateTable('departments').set({ updated_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('id', 'in', chunk).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== chunk.length) throw new DomainError(DirectoryErrors['directory.department_not_found'], { departmentIds: chunk });
  }
}

/**
 * Takes the member's row lock before a command reads it, so two edits of one member run one after
 * the other and each decides on what the previous one committed (its departments, its main
 * department, its status).
 */
export async function lockMember(ctx: Pick<Ctx, 'corpId' | 'trx' | 'now'>, memberId: string): Promise<void> {
  const result = await tables(ctx.trx).updateTable('members').set({ updated_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('id', '=', memberId).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new DomainError(DirectoryErrors['directory.member_not_found'], { memberId });
}
