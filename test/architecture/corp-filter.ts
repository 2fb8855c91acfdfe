/**
 * The check behind "every query on a tenant table names its enterprise" (`citus.test.ts`): on Citus a
 * statement on a table distributed by `corp_id` without a `corp_id` filter is sent to every node,
 * and a join of two tenant tables that does not match their `corp_id` is not colocated.
 *
 * Reads production code (TypeScript syntax trees): every query builder chain that starts at
 * `selectFrom`, `updateTable` or `deleteFrom` on a tenant table must name `corp_id` in one of its
 * `where`/`on` calls, every join of a tenant table must name it in the join's own arguments, and
 * every `sql` template that reads, updates or deletes from a tenant table must compare it in its text.
 * Inserts are left out: a tenant row cannot be written without its `corp_id` (NOT NULL, first in
 * the primary key). Pure over its input, so the test of the check can hand it an invented file.
 */
import ts from 'typescript';
import type { SourceFile } from './checker.ts';

export interface Unfiltered {
  /** `path:line` of the query. */
  where: string;
  /** `path table`: what an allow-list entry names (a line number would move with every edit). */
  key: string;
}

const CHAIN_STARTS = new Set(['selectFrom', 'updateTable', 'deleteFrom']);
const JOINS = new Set(['innerJoin', 'leftJoin', 'rightJoin', 'fullJoin', 'innerJoinLateral', 'leftJoinLateral']);
/** Where a table is read, updated or deleted from in SQL text (not `into`: inserts carry corp_id). */
const SQL_TABLE = /\b(?:from|join|update)\s+"?([a-z_][a-z0-9_]*)"?/gi;

function tableOf(node: ts.Expression | undefined): string | undefined {
  return node && ts.isStringLiteralLike(node) ? node.text.split(/\s+as\s+/)[0]!.trim() : undefined;
}

/** Production code, less migrations: a migration's backfill runs once, over every enterprise, on purpose. */
function isProduction(path: string): boolean {
  const parts = path.split('/');
  return parts[0] === 'src' && !/\.(test|e2e)\.tsx?$/.test(path) && !parts.includes('testing') && !parts.includes('migrations');
}

/** Builder calls that filter: `corp_id` named in their arguments filters the chain by enterprise. */
const FILTERS = new Set(['where', 'whereRef', 'on', 'onRef']);
/** `corp_id` compared in SQL text: `corp_id = …`, `corp_id in (…)`, `… = m.corp_id`. */
const SQL_FILTER = /corp_id\s*(?:=|in\b)|=\s*(?:\w+\.)?corp_id\b/i;

/**
 * Whether the chain a builder call starts (`db.selectFrom('t').where(…).execute()`) filters on
 * `corp_id`: some `where`/`on` of it names the column. Naming it in `select` alone is no filter.
 */
function filtersByCorp(call: ts.CallExpression, source: ts.SourceFile): boolean {
  let node: ts.Node = call;
  for (;;) {
    const parent = node.parent;
    if (ts.isCallExpression(parent) && parent.expression === node) {
      const callee = node;
      if (ts.isPropertyAccessExpression(callee) && FILTERS.has(callee.name.text) && parent.arguments.some((a) => a.getText(source).includes('corp_id'))) return true;
      node = parent;
    } else if ((ts.isPropertyAccessExpression(parent) || ts.isAwaitExpression(parent) || ts.isNonNullExpression(parent) || ts.isParenthesizedExpression(parent)) && parent.expression === node) node = parent;
    else return false;
  }
}

export function unfilteredQueries(files: readonly SourceFile[], tenantTables: ReadonlySet<string>): Unfiltered[] {
  const found: Unfiltered[] = [];
  for (const file of files) {
    if (!isProduction(file.path)) continue;
    const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true);
    const report = (node: ts.Node, table: string) =>
      found.push({ where: `${file.path}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`, key: `${file.path} ${table}` });
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const name = node.expression.name.text;
        const table = tableOf(node.arguments[0]);
        if (table && tenantTables.has(table)) {
          if (CHAIN_STARTS.has(name) && !filtersByCorp(node, source)) report(node, table);
          if (JOINS.has(name) && !node.arguments.slice(1).some((a) => a.getText(source).includes('corp_id'))) report(node, table);
        }
      } else if (ts.isTaggedTemplateExpression(node) && /^sql(\.\w+)?$/.test(node.tag.getText(source))) {
        const text = node.template.getText(source);
        for (const [, t] of text.matchAll(SQL_TABLE)) if (tenantTables.has(t!.toLowerCase()) && !SQL_FILTER.test(text)) report(node, t!.toLowerCase());
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}
