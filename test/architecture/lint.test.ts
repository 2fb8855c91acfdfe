import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

/** The boundary messages `npm run lint` gives an invented file at `path`. */
async function boundaryErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return result!.messages.filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => `${m.line}: ${m.message}`);
}

describe('the lint rule on module boundaries (eslint-plugin-boundaries, policies from src/modules/index.ts)', () => {
  it('passes an import through another module\'s index.ts, from a module listed after it', async () => {
    assert.deepEqual(await boundaryErrors('src/modules/approval/fine.ts', "export { membersByIds } from '../directory/index.ts';\n"), []);
  });

  it('fails an import past another module\'s index.ts', async () => {
    assert.deepEqual(await boundaryErrors('src/modules/approval/reach.ts', "export { insertMember } from '../directory/directory.service.ts';\n"), ['1: approval reaches another module past its index.ts']);
  });

  it('fails an import of a module listed later (the edge that would close a loop)', async () => {
    assert.deepEqual(await boundaryErrors('src/modules/directory/loop.ts', "export { approvalModule } from '../approval/index.ts';\n"), ['1: directory imports a module listed after it in src/modules/index.ts']);
  });

  it('fails the platform importing a module, and production code importing a testing door', async () => {
    assert.deepEqual(await boundaryErrors('src/platform/uses-wallet.ts', "export { walletModule } from '../modules/wallet/index.ts';\n"), ['1: the platform imports no module: a module plugs in through its manifest']);
    assert.deepEqual(await boundaryErrors('src/modules/wallet/leak.ts', "export { DirectoryFixture } from '../directory/testing/index.ts';\n"), ['1: wallet reaches another module past its index.ts']);
  });

  it('lets a test use another module\'s testing door, and a test support file name a module\'s table types', async () => {
    assert.deepEqual(await boundaryErrors('src/modules/wallet/x.test.ts', "export { DirectoryFixture } from '../directory/testing/index.ts';\n"), []);
    assert.deepEqual(await boundaryErrors('test/support/x.ts', "export type { WalletTables } from '../../src/modules/wallet/wallet.tables.ts';\n"), []);
    assert.deepEqual(await boundaryErrors('test/support/y.ts', "export { tables } from '../../src/modules/wallet/wallet.tables.ts';\n"), ['1: a module is reached only through its index.ts (tests: also testing/index.ts)']);
  });
});
