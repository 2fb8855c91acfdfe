import { readFileSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import boundaries from 'eslint-plugin-boundaries';

/**
 * The module folders in the order src/modules/index.ts lists them: a module may import only the
 * modules before it (so the graph has no loop), and only through their index.ts. Read from the list
 * itself, so a module added there is held to its place without touching this file.
 */
function moduleOrder() {
  const source = readFileSync(new URL('./src/modules/index.ts', import.meta.url), 'utf8');
  const folderOf = new Map([...source.matchAll(/import \{ (\w+) \} from '\.\/([\w-]+)\/index\.ts';/g)].map(([, id, folder]) => [id, folder]));
  const list = /export const modules[^=]*= \[([\s\S]*?)\];/.exec(source);
  if (!list) throw new Error('src/modules/index.ts: no `export const modules = [...]` list');
  return list[1]
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((id) => {
      const folder = folderOf.get(id);
      if (!folder) throw new Error(`src/modules/index.ts: ${id} is not imported from ./<folder>/index.ts`);
      return folder;
    });
}

function boundaryPolicies(order) {
  const module = (names) => ({ type: 'module', captured: { name: names } });
  const policies = [
    // The platform knows no module: modules plug into it through their manifests.
    { from: { element: { type: 'platform' } }, disallow: { to: { element: { type: 'module' } } }, message: 'the platform imports no module: a module plugs in through its manifest' },
    // Production code never imports test code.
    { from: { file: { categories: 'production' } }, disallow: { to: [{ file: { categories: 'test' } }, { element: { type: 'tests' } }] }, message: 'production code imports no test code' },
  ];
  order.forEach((name, i) => {
    const others = order.filter((m) => m !== name);
    const later = order.slice(i + 1);
    policies.push({ from: { element: module(name) }, disallow: { to: { element: { ...module(others), fileInternalPath: '!index.ts' } } }, message: `${name} reaches another module past its index.ts` });
    if (later.length > 0) policies.push({ from: { element: module(name), file: { categories: 'production' } }, disallow: { to: { element: module(later) } }, message: `${name} imports a module listed after it in src/modules/index.ts` });
    // Tests (and testing/ folders) may also use another module's testing door.
    policies.push({ from: { element: module(name), file: { categories: 'test' } }, allow: { to: { element: { ...module(others), fileInternalPath: 'testing/index.ts' } } } });
  });
  // Tests and benchmarks outside the modules reach a module through its index.ts (the composition root in src/*.ts,
  // which is no folder the plugin can name, is held to the same by the architecture test);
  // tests and benchmarks also through testing/index.ts, and may name a module's table types to look at what it wrote.
  policies.push(
    { from: { element: { type: ['tests', 'bench'] } }, disallow: { to: { element: { type: 'module', fileInternalPath: '!index.ts' } } }, message: 'a module is reached only through its index.ts (tests: also testing/index.ts)' },
    { from: { element: { type: ['tests', 'bench'] } }, allow: { to: { element: { type: 'module', fileInternalPath: 'testing/index.ts' } } } },
    { from: { element: { type: 'tests' } }, allow: { to: { element: { type: 'module', fileInternalPath: '*.tables.ts' } }, dependency: { kind: 'type' } } },
  );
  return policies;
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': [
        { type: 'module', pattern: 'src/modules/*', capture: ['name'] },
        { type: 'platform', pattern: 'src/platform' },
        { type: 'tests', pattern: 'test' },
        { type: 'bench', pattern: 'bench' },
      ],
      'boundaries/files': [
        { category: 'test', pattern: ['**/*.test.ts', '**/*.e2e.ts', '**/testing/**'], stopMatching: true },
        { category: 'production', pattern: 'src/**' },
      ],
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'allow', policies: boundaryPolicies(moduleOrder()) }],
    },
  },
);
