import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { ReadCtx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { like } from '../../platform/db/sql.ts';
import { contactsScope, departmentInScope, type ContactsScope } from '../../platform/policy/index.ts';
import type { DirectoryTables } from './directory.tables.ts';
import { DirectoryErrors } from './directory.errors.ts';

export type { ContactsScope };

/**
 * What an actor sees when reading the contacts. Whoever governs a part of the contacts (a
 * hierarchical admin) sees that part, filtered in SQL; whoever governs all sees all; an actor that
 * governs nothing but may read (a plain member, a read token) sees the whole directory read-only,
 * as members do in the WeCom app. The command has already asked for `contacts.read`.
 */
export async function readScope(ctx: ReadCtx): Promise<ContactsScope> {
  const scope = await contactsScope(ctx);
  return scope.kind === 'none' ? { kind: 'all' } : scope;
}

/** What an actor may change: exactly its contacts scope. */
export function manageScope(ctx: ReadCtx): Promise<ContactsScope> {
  return contactsScope(ctx);
}

export function assertInScope(scope: ContactsScope, departmentPath: string, details: Record<string, unknown> = {}): void {
  if (!departmentInScope(scope, departmentPath)) throw new DomainError(DirectoryErrors['directory.out_of_scope'], details);
}

/** SQL: the department row (aliased `alias`) lies in the scope. */
export function departmentScopeFilter(scope: ContactsScope, pathColumn: string): Expression<SqlBool> {
  if (scope.kind === 'all') return sql<SqlBool>`1 = 1`;
  if (scope.kind === 'none' || scope.paths.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${sql.join(
    scope.paths.map((p) => like(pathColumn, 'prefix', p)),
    sql` or `,
  )})`;
}

/** SQL: the member (`m`) sits in at least one department of the scope. */
export function memberScopeFilter(eb: ExpressionBuilder<DirectoryTables & { m: DirectoryTables['members'] }, 'm'>, scope: ContactsScope): Expression<SqlBool> {
  if (scope.kind === 'all') return sql<SqlBool>`1 = 1`;
  return eb.exists(
    eb
      .selectFrom('member_departments as sm')
      .innerJoin('departments as sd', (j) => j.onRef('sd.corp_id', '=', 'sm.corp_id').onRef('sd.id', '=', 'sm.department_id'))
      .select(sql`1`.as('one'))
      .whereRef('sm.corp_id', '=', 'm.corp_id')
      .whereRef('sm.member_id', '=', 'm.id')
      .where(departmentScopeFilter(scope, 'sd.path')),
  );
}
