import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { manifests, modules as moduleList } from '../../src/modules/index.ts';
import { analyse, checkArchitecture, graphBlock, GRAPH_END, GRAPH_START, readSources } from './checker.ts';

const root = join(import.meta.dirname, '..', '..');
const modules = manifests.map((m) => ({ name: m.name, tables: Object.keys(m.tables) }));
const files = readSources(root, 'src');

/** The real tree plus one invented file. */
function withFile(path: string, text: string) {
  return checkArchitecture({ modules, files: [...files, { path, text }] });
}

describe('module boundaries', () => {
  it('no module touches another module\'s tables, imports past an index.ts, or imports a later module: zero violations', () => {
    assert.deepEqual(checkArchitecture({ modules, files }), []);
  });

  it('every table belongs to exactly one manifest, and each module\'s tables file declares exactly the tables its manifest lists', () => {
    const seen = new Map<string, string>();
    for (const m of manifests) {
      for (const t of Object.keys(m.tables)) {
        assert.equal(seen.get(t), undefined, `${t} is declared by ${seen.get(t)} and ${m.name}`);
        seen.set(t, m.name);
      }
      const tablesFile = m.name === 'platform' ? 'src/platform/platform.tables.ts' : `src/modules/${m.name}/${m.name}.tables.ts`;
      const text = files.find((f) => f.path === tablesFile)?.text;
      if (Object.keys(m.tables).length === 0) continue;
      assert.ok(text, `${tablesFile} exists`);
      const block = /export interface \w+Tables \{([\s\S]*?)\n\}/.exec(text)![1]!;
      const declared = [...block.matchAll(/^ {2}([a-z_0-9]+):/gm)].map((x) => x[1]).sort();
      assert.deepEqual(declared, Object.keys(m.tables).sort(), tablesFile);
    }
  });

  it('each module\'s migrations create only tables its manifest lists', () => {
    for (const m of manifests) {
      const folder = m.name === 'platform' ? 'src/platform/db/migrations/' : `src/modules/${m.name}/migrations/`;
      for (const f of files.filter((x) => x.path.startsWith(folder))) {
        for (const [, t] of f.text.matchAll(/createTable\(\s*'([a-z_0-9]+)'/g)) assert.ok(t! in m.tables, `${f.path} creates ${t}, which ${m.name} does not list`);
      }
    }
  });

  it('src/modules/index.ts lists each module folder once', () => {
    const folders = readdirSync(join(root, 'src/modules'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    assert.deepEqual(manifests.filter((m) => m.name !== 'platform').map((m) => m.name).sort(), folders);
  });
});

describe('docs/architecture.md', () => {
  it('shows the module graph as the code has it (regenerate: node --import tsx scripts/module-graph.ts)', () => {
    const doc = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
    const shown = doc.slice(doc.indexOf(GRAPH_START), doc.indexOf(GRAPH_END) + GRAPH_END.length);
    const { edges } = analyse({ modules, files });
    assert.equal(shown, graphBlock(moduleList.map((m) => m.name), edges));
  });
});

describe('the checker fails on what it is there to catch', () => {
  it('a query on another module\'s table, from the builder', () => {
    const found = withFile('src/modules/wallet/peek.ts', "import { tables } from './wallet.tables.ts';\nexport const peek = (db: never) => tables(db).selectFrom('members as m').selectAll().execute();\n");
    assert.deepEqual(found, [{ kind: 'table', where: 'src/modules/wallet/peek.ts:2', message: 'wallet uses members, a table of directory' }]);
  });

  it('a write to another module\'s table in raw SQL, and to a platform table', () => {
    const found = withFile('src/modules/corp/sneak.ts', "import { sql } from 'kysely';\nexport const a = sql`update accounts set name = ${'x'}`;\nexport const b = sql`insert into idempotency_keys (key) values (1)`;\n");
    assert.deepEqual(
      found.map((v) => [v.where, v.message]),
      [
        ['src/modules/corp/sneak.ts:2', 'corp uses accounts, a table of account'],
        ['src/modules/corp/sneak.ts:3', 'corp uses idempotency_keys, a table of platform'],
      ],
    );
  });

  it('an import past another module\'s index.ts', () => {
    const found = withFile('src/modules/approval/reach.ts', "import { insertMember } from '../directory/directory.service.ts';\nexport { insertMember };\n");
    assert.deepEqual(found, [{ kind: 'door', where: 'src/modules/approval/reach.ts:1', message: 'approval imports src/modules/directory/directory.service.ts: another module is reached only through its index.ts' }]);
  });

  it('production code importing a testing folder', () => {
    const found = withFile('src/modules/wallet/leak.ts', "export { DirectoryFixture } from '../directory/testing/index.ts';\n");
    assert.deepEqual(found.map((v) => v.kind), ['door']);
  });

  it('an import of a module listed later, and the loop it closes', () => {
    // directory comes before approval; approval already imports directory.
    const found = withFile('src/modules/directory/loop.ts', "export { approvalModule } from '../approval/index.ts';\n");
    assert.deepEqual(
      found.map((v) => [v.kind, v.where]),
      [
        ['order', 'src/modules/directory/loop.ts:1'],
        ['cycle', 'approval → directory → approval'],
      ],
    );
  });

  it('the platform importing a module', () => {
    const found = withFile('src/platform/uses-wallet.ts', "import { walletModule } from '../modules/wallet/index.ts';\nexport const m = walletModule;\n");
    assert.deepEqual(found, [{ kind: 'order', where: 'src/platform/uses-wallet.ts:1', message: 'the platform imports the wallet module: modules plug into the platform through their manifests' }]);
  });
});
