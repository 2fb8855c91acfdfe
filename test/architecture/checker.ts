/**
 * The architecture check behind `test/architecture/architecture.test.ts`: reads the source files
 * (TypeScript syntax trees, not regular expressions over lines) and reports every place where code
 * leaves its module's bounds:
 *
 * - `table`: a query on a table the file's module does not own (query builder calls and the text of
 *   `sql` templates alike). Ownership is what the manifests declare in `tables`.
 * - `door`: an import of another module's file other than its `index.ts` (tests and `testing/`
 *   folders may also use `<m>/testing/index.ts`), or production code importing test code.
 * - `order`: a module importing a module listed after it in `src/modules/index.ts`, or the platform
 *   importing a module. Holding to one order is what keeps the graph acyclic.
 * - `cycle`: a loop in the module graph (reported on its own so a loop reads as one).
 *
 * Pure over its input, so the test of the checker can hand it an invented file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import ts from 'typescript';

export interface ModuleTables {
  name: string;
  tables: readonly string[];
}

export interface SourceFile {
  /** Relative to the repository root, with forward slashes: `src/modules/wallet/ledger.service.ts`. */
  path: string;
  text: string;
}

export type ViolationKind = 'table' | 'door' | 'order' | 'cycle';

export interface Violation {
  kind: ViolationKind;
  /** `path:line`, or the modules of a cycle. */
  where: string;
  message: string;
}

/** Builder calls whose first argument names a table (`'members as m'` included). */
const TABLE_CALLS = new Set(['selectFrom', 'insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto', 'innerJoin', 'leftJoin', 'rightJoin', 'fullJoin', 'crossJoin', 'innerJoinLateral', 'leftJoinLateral']);
/** Where a table name stands in SQL text. */
const SQL_TABLE = /\b(?:from|join|into|update|table(?:\s+if\s+(?:not\s+)?exists)?)\s+"?([a-z_][a-z0-9_]*)"?/gi;

interface Place {
  module: string;
  /** Tests and `testing/` folders, which may use testing doors; tests may also look at any table. */
  testCode: boolean;
  /** `*.test.ts`: asserts what a command wrote, so it reads any table. */
  testFile: boolean;
}

function placeOf(path: string): Place | undefined {
  const parts = path.split('/');
  const testFile = /\.(test|e2e)\.ts$/.test(path);
  const testCode = testFile || parts.includes('testing');
  if (parts[0] === 'src' && parts[1] === 'modules' && parts.length > 3) return { module: parts[2]!, testCode, testFile };
  if (parts[0] === 'src' && parts[1] === 'platform') return { module: 'platform', testCode, testFile };
  if (parts[0] === 'src') return { module: 'app', testCode, testFile };
  return undefined;
}

/** The module folder an import lands in, and whether it is the module's door (or its testing door). */
function targetOf(fromPath: string, specifier: string): { module: string; door: 'index' | 'testing' | 'inside'; path: string } | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const path = normalize(join(dirname(fromPath), specifier)).split(sep).join('/');
  const parts = path.split('/');
  if (parts[0] === 'src' && parts[1] === 'modules' && parts.length > 3) {
    const inner = parts.slice(3).join('/');
    return { module: parts[2]!, door: inner === 'index.ts' ? 'index' : inner === 'testing/index.ts' ? 'testing' : 'inside', path };
  }
  if (parts[0] === 'src' && parts[1] === 'platform') return { module: 'platform', door: 'index', path };
  if (parts[0] === 'test' || (parts[0] === 'src' && parts.includes('testing'))) return { module: 'test', door: 'inside', path };
  return undefined;
}

function tableNames(node: ts.Expression): string[] {
  if (ts.isStringLiteralLike(node)) return [node.text.split(/\s+as\s+/)[0]!.trim()];
  if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap((e) => tableNames(e as ts.Expression));
  return [];
}

function sqlText(template: ts.TemplateLiteral): string {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return template.text;
  return [template.head.text, ...template.templateSpans.map((s) => s.literal.text)].join(' ? ');
}

export interface Analysis {
  violations: Violation[];
  /** Which modules each module's production code imports (the module graph). */
  edges: Map<string, Set<string>>;
}

export function checkArchitecture(input: { modules: readonly ModuleTables[]; files: readonly SourceFile[] }): Violation[] {
  return analyse(input).violations;
}

export function analyse(input: { modules: readonly ModuleTables[]; files: readonly SourceFile[] }): Analysis {
  const owner = new Map<string, string>();
  const order = new Map<string, number>();
  input.modules.forEach((m, i) => {
    order.set(m.name, i);
    for (const t of m.tables) owner.set(t, m.name);
  });
  const violations: Violation[] = [];
  const edges = new Map<string, Set<string>>();

  for (const file of input.files) {
    const place = placeOf(file.path);
    if (!place) continue;
    const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true);
    const at = (node: ts.Node) => `${file.path}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;

    const useTable = (table: string, node: ts.Node) => {
      const tableOwner = owner.get(table);
      if (!tableOwner || tableOwner === place.module || place.testFile) return;
      violations.push({ kind: 'table', where: at(node), message: `${place.module} uses ${table}, a table of ${tableOwner}` });
    };

    const useImport = (specifier: string, node: ts.Node) => {
      const target = targetOf(file.path, specifier);
      if (!target) return;
      if (target.module === 'test') {
        if (!place.testCode) violations.push({ kind: 'door', where: at(node), message: `production code of ${place.module} imports test code (${target.path})` });
        return;
      }
      if (target.module === place.module || target.module === 'platform') return;
      if (place.module === 'platform') {
        violations.push({ kind: 'order', where: at(node), message: `the platform imports the ${target.module} module: modules plug into the platform through their manifests` });
        return;
      }
      const doorOk = target.door === 'index' || (target.door === 'testing' && place.testCode);
      if (!doorOk) violations.push({ kind: 'door', where: at(node), message: `${place.module} imports ${target.path}: another module is reached only through its index.ts` });
      if (place.module === 'app' || place.testCode) return;
      const mine = order.get(place.module);
      const theirs = order.get(target.module);
      if (mine !== undefined && theirs !== undefined && theirs > mine) {
        violations.push({ kind: 'order', where: at(node), message: `${place.module} imports ${target.module}, which comes after it in src/modules/index.ts` });
      }
      if (!edges.has(place.module)) edges.set(place.module, new Set());
      edges.get(place.module)!.add(target.module);
    };

    const visit = (node: ts.Node) => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        useImport(node.moduleSpecifier.text, node);
      } else if (ts.isCallExpression(node)) {
        const callee = node.expression;
        if (callee.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) useImport(node.arguments[0].text, node);
        if (ts.isPropertyAccessExpression(callee) && TABLE_CALLS.has(callee.name.text) && node.arguments[0]) {
          for (const t of tableNames(node.arguments[0])) useTable(t, node);
        }
      } else if (ts.isTaggedTemplateExpression(node) && /^sql(\.\w+)?$/.test(node.tag.getText(source))) {
        for (const [, t] of sqlText(node.template).matchAll(SQL_TABLE)) useTable(t!.toLowerCase(), node);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }

  for (const cycle of cyclesOf(edges)) violations.push({ kind: 'cycle', where: cycle.join(' → '), message: `modules import each other in a loop: ${cycle.join(' → ')}` });
  return { violations, edges };
}

/**
 * The module graph as a Mermaid flowchart: the modules in their listed order, an arrow from each
 * module to each module its production code imports (through that module's index.ts).
 */
export function mermaidGraph(order: readonly string[], edges: Map<string, Set<string>>): string {
  const lines = ['flowchart BT'];
  for (const name of order) lines.push(`  ${name}`);
  for (const from of order) for (const to of order.filter((m) => edges.get(from)?.has(m))) lines.push(`  ${from} --> ${to}`);
  return lines.join('\n');
}

/**
 * The loops of the module graph, each set of modules once: a depth-first search from every module
 * that only steps to modules named after it, so a loop is found from its first name.
 */
function cyclesOf(edges: Map<string, Set<string>>): string[][] {
  const found = new Map<string, string[]>();
  const walk = (start: string, node: string, path: string[]) => {
    for (const next of edges.get(node) ?? []) {
      if (next === start) {
        const loop = [...path, start];
        const key = [...path].sort().join(',');
        if (!found.has(key)) found.set(key, loop);
      } else if (!path.includes(next) && next > start) {
        walk(start, next, [...path, next]);
      }
    }
  };
  for (const start of edges.keys()) walk(start, start, [start]);
  return [...found.values()];
}

/** The TypeScript files under `dir` of the repository at `root`, with paths as the checker names them. */
export function readSources(root: string, dir: string): SourceFile[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => {
      const absolute = join(e.parentPath, e.name);
      return { path: relative(root, absolute).split(sep).join('/'), text: readFileSync(absolute, 'utf8') };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

export const GRAPH_START = '<!-- module-graph: generated by `node --import tsx scripts/module-graph.ts` from src/modules/index.ts -->';
export const GRAPH_END = '<!-- module-graph: end -->';

/** The Markdown block docs/architecture.md holds between its markers. */
export function graphBlock(order: readonly string[], edges: Map<string, Set<string>>): string {
  return `${GRAPH_START}\n\n\`\`\`mermaid\n${mermaidGraph(order, edges)}\n\`\`\`\n\n${GRAPH_END}`;
}
